import type { Strings } from './en';

/** Mexican Spanish overrides (es-MX); other keys fall back to es. */
export const esMX: Partial<Strings> = {
  error_email: 'Ingresa un correo electrónico válido, por ejemplo, nombre@example.com.',
  thanks_text: 'Recibimos tus comentarios.',
  queued_text: 'Se guardaron en este dispositivo y se enviarán automáticamente en cuanto regrese la conexión.',
  send_refused: 'No se pudo enviar tu opinión. Revisa tus respuestas e inténtalo de nuevo.',
};
