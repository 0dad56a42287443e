import type { Strings } from './en';

/** Danish UI strings (da). */
export const da: Strings = {
  trigger: 'Feedback',
  close: 'Luk',
  submit: 'Send feedback',
  submitting: 'Sender…',
  error_required: 'Besvar venligst spørgsmålet.',
  error_required_field: 'Udfyld venligst feltet.',
  error_email: 'Indtast en gyldig e-mailadresse, f.eks. navn@example.com.',
  error_invalid: 'Tjek venligst dit svar.',
  thanks_title: 'Tak!',
  thanks_text: 'Vi har modtaget din feedback.',
  queued_text: 'Den er gemt på denne enhed og bliver sendt automatisk, så snart forbindelsen er tilbage.',
  send_refused: 'Din feedback kunne ikke sendes. Tjek dine svar, og prøv igen.',
  select_placeholder: 'Vælg en mulighed',
  nps_min: 'Slet ikke sandsynligt',
  nps_max: 'Meget sandsynligt',
  csat_min: 'Meget utilfreds',
  csat_max: 'Meget tilfreds',
  your_details: 'Dine oplysninger',
  field_name: 'Navn',
  field_email: 'E-mail',
  field_telephone_number: 'Telefonnummer',
  field_company_name: 'Virksomhed',
  field_postcode: 'Postnummer',
};
