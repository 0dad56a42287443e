import type { Strings } from './en';

/** Norwegian Bokmål UI strings (no). */
export const no: Strings = {
  trigger: 'Tilbakemelding',
  close: 'Lukk',
  submit: 'Send tilbakemelding',
  submitting: 'Sender…',
  error_required: 'Svar på dette spørsmålet.',
  error_required_field: 'Fyll ut dette feltet.',
  error_email: 'Skriv inn en gyldig e-postadresse, f.eks. navn@example.com.',
  error_invalid: 'Sjekk dette svaret.',
  thanks_title: 'Takk!',
  thanks_text: 'Vi har mottatt tilbakemeldingen din.',
  queued_text: 'Den er lagret på denne enheten og blir sendt automatisk så snart du er på nett igjen.',
  send_refused: 'Tilbakemeldingen kunne ikke sendes. Sjekk svarene dine og prøv igjen.',
  select_placeholder: 'Velg et alternativ',
  nps_min: 'Svært lite sannsynlig',
  nps_max: 'Svært sannsynlig',
  csat_min: 'Svært misfornøyd',
  csat_max: 'Svært fornøyd',
  your_details: 'Dine opplysninger',
  field_name: 'Navn',
  field_email: 'E-post',
  field_telephone_number: 'Telefonnummer',
  field_company_name: 'Firma',
  field_postcode: 'Postnummer',
};
