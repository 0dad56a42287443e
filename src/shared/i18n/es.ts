import type { Strings } from './en';

/** Spanish UI strings (es), neutral European Spanish. */
export const es: Strings = {
  trigger: 'Tu opinión',
  close: 'Cerrar',
  submit: 'Enviar comentarios',
  submitting: 'Enviando…',
  error_required: 'Esta pregunta es obligatoria.',
  error_required_field: 'Este campo es obligatorio.',
  error_email: 'Introduce una dirección de correo electrónico válida, por ejemplo, nombre@example.com.',
  error_invalid: 'Revisa esta respuesta.',
  thanks_title: '¡Gracias!',
  thanks_text: 'Hemos recibido tus comentarios.',
  queued_text: 'Se han guardado en este dispositivo y se enviarán automáticamente en cuanto vuelva la conexión.',
  send_refused: 'No se ha podido enviar tu opinión. Revisa tus respuestas e inténtalo de nuevo.',
  select_placeholder: 'Elige una opción',
  nps_min: 'Nada probable',
  nps_max: 'Muy probable',
  csat_min: 'Muy insatisfecho',
  csat_max: 'Muy satisfecho',
  your_details: 'Tus datos',
  field_name: 'Nombre',
  field_email: 'Correo electrónico',
  field_telephone_number: 'Teléfono',
  field_company_name: 'Empresa',
  field_postcode: 'Código postal',
};
