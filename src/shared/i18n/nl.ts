import type { Strings } from './en';

/** Dutch UI strings (nl). */
export const nl: Strings = {
  trigger: 'Feedback',
  close: 'Sluiten',
  submit: 'Feedback versturen',
  submitting: 'Versturen…',
  error_required: 'Beantwoord deze vraag.',
  error_required_field: 'Vul dit veld in.',
  error_email: 'Vul een geldig e-mailadres in, zoals naam@example.com.',
  error_invalid: 'Controleer dit antwoord.',
  thanks_title: 'Bedankt!',
  thanks_text: 'We hebben je feedback ontvangen.',
  queued_text: 'Je feedback is op dit apparaat opgeslagen en wordt automatisch verstuurd zodra je weer verbinding hebt.',
  send_refused: 'Je feedback kon niet worden verstuurd. Controleer je antwoorden en probeer het opnieuw.',
  select_placeholder: 'Kies een optie',
  nps_min: 'Zeer onwaarschijnlijk',
  nps_max: 'Zeer waarschijnlijk',
  csat_min: 'Zeer ontevreden',
  csat_max: 'Zeer tevreden',
  your_details: 'Je gegevens',
  field_name: 'Naam',
  field_email: 'E-mailadres',
  field_telephone_number: 'Telefoonnummer',
  field_company_name: 'Bedrijfsnaam',
  field_postcode: 'Postcode',
};
