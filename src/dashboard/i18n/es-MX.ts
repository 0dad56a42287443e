import type { DashboardStrings } from './en';

/**
 * The dashboard's es-MX strings; keys left out fall back to the language, then English.
 * Only where Mexican usage differs from es: "calificación" for a rating, "promedio" for an
 * average, "ingresar" for typing in, "expiró" for a session, and the simple past where Spain
 * uses the perfect (as the widget's es-MX does).
 */
export const esMX: Partial<DashboardStrings> = {
  loadFailed: 'No se pudo cargar: {message}',
  signInIntro: 'Ingresa el token de API de tu organización para ver sus resultados. El token no se guarda en este dispositivo.',
  sessionEnded: 'Tu sesión expiró. Vuelve a iniciar sesión para continuar donde te quedaste.',
  ratingsOne: '{count} calificación',
  ratingsOther: '{count} calificaciones',
  noRatings: 'No hay calificaciones en este periodo',
  distributionTitle: 'Respuestas por calificación',
  average: 'Promedio de {average} en una escala de {min} a {max}',
  colRating: 'Calificación',
  colRatings: 'Calificaciones',
  trendNpsDesc: 'Del {first} al {last}: NPS entre {min} y {max}, {latest} en el último periodo con calificaciones.',
  notSentReason: 'Motivo por el que no se envió',
};
