import type { Strings } from './en';

/** German UI strings (de). */
export const de: Strings = {
  trigger: 'Feedback',
  close: 'Schließen',
  submit: 'Feedback senden',
  submitting: 'Wird gesendet…',
  error_required: 'Bitte beantworten Sie diese Frage.',
  error_required_field: 'Bitte füllen Sie dieses Feld aus.',
  error_email: 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.com.',
  error_invalid: 'Bitte überprüfen Sie diese Antwort.',
  thanks_title: 'Vielen Dank!',
  thanks_text: 'Ihr Feedback ist bei uns eingegangen.',
  queued_text: 'Es ist auf diesem Gerät gespeichert und wird automatisch gesendet, sobald die Verbindung wieder besteht.',
  send_refused: 'Ihr Feedback konnte nicht gesendet werden. Bitte prüfen Sie Ihre Antworten und versuchen Sie es erneut.',
  select_placeholder: 'Bitte auswählen',
  nps_min: 'Sehr unwahrscheinlich',
  nps_max: 'Sehr wahrscheinlich',
  csat_min: 'Sehr unzufrieden',
  csat_max: 'Sehr zufrieden',
  your_details: 'Ihre Kontaktdaten',
  field_name: 'Name',
  field_email: 'E-Mail',
  field_telephone_number: 'Telefonnummer',
  field_company_name: 'Firma',
  field_postcode: 'Postleitzahl',
};
