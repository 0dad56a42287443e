import type { Strings } from './en';

/** Finnish UI strings (fi). */
export const fi: Strings = {
  trigger: 'Palaute',
  close: 'Sulje',
  submit: 'Lähetä palaute',
  submitting: 'Lähetetään…',
  error_required: 'Vastaa tähän kysymykseen.',
  error_required_field: 'Täytä tämä kenttä.',
  error_email: 'Anna kelvollinen sähköpostiosoite, esim. nimi@example.com.',
  error_invalid: 'Tarkista vastauksesi.',
  thanks_title: 'Kiitos!',
  thanks_text: 'Palautteesi on vastaanotettu.',
  queued_text: 'Se on tallennettu tälle laitteelle ja lähetetään automaattisesti heti, kun yhteys palaa.',
  send_refused: 'Palautteen lähettäminen epäonnistui. Tarkista vastauksesi ja yritä uudelleen.',
  select_placeholder: 'Valitse vaihtoehto',
  nps_min: 'Erittäin epätodennäköistä',
  nps_max: 'Erittäin todennäköistä',
  csat_min: 'Erittäin tyytymätön',
  csat_max: 'Erittäin tyytyväinen',
  your_details: 'Yhteystietosi',
  field_name: 'Nimi',
  field_email: 'Sähköposti',
  field_telephone_number: 'Puhelinnumero',
  field_company_name: 'Yritys',
  field_postcode: 'Postinumero',
};
