import type { Strings } from './en';

/** Swedish UI strings (sv). */
export const sv: Strings = {
  trigger: 'Tyck till',
  close: 'Stäng',
  submit: 'Skicka feedback',
  submitting: 'Skickar…',
  error_required: 'Svara på den här frågan.',
  error_required_field: 'Fyll i det här fältet.',
  error_email: 'Ange en giltig e-postadress, t.ex. namn@example.com.',
  error_invalid: 'Kontrollera ditt svar.',
  thanks_title: 'Tack!',
  thanks_text: 'Vi har tagit emot din feedback.',
  queued_text: 'Den är sparad på den här enheten och skickas automatiskt så snart anslutningen är tillbaka.',
  send_refused: 'Det gick inte att skicka din feedback. Kontrollera dina svar och försök igen.',
  select_placeholder: 'Välj ett alternativ',
  nps_min: 'Inte alls troligt',
  nps_max: 'Mycket troligt',
  csat_min: 'Mycket missnöjd',
  csat_max: 'Mycket nöjd',
  your_details: 'Dina uppgifter',
  field_name: 'Namn',
  field_email: 'E-post',
  field_telephone_number: 'Telefonnummer',
  field_company_name: 'Företag',
  field_postcode: 'Postnummer',
};
