import type { Strings } from './en';

/** French UI strings (fr). */
export const fr: Strings = {
  trigger: 'Votre avis',
  close: 'Fermer',
  submit: 'Envoyer mon avis',
  submitting: 'Envoi en cours…',
  error_required: 'Veuillez répondre à cette question.',
  error_required_field: 'Veuillez remplir ce champ.',
  error_email: 'Veuillez saisir une adresse e-mail valide, par exemple nom@example.com.',
  error_invalid: 'Veuillez vérifier cette réponse.',
  thanks_title: 'Merci\u00a0!',
  thanks_text: 'Nous avons bien reçu votre avis.',
  queued_text: 'Il est enregistré sur cet appareil et sera envoyé automatiquement dès que la connexion sera rétablie.',
  send_refused: 'Votre avis n’a pas pu être envoyé. Vérifiez vos réponses et réessayez.',
  select_placeholder: 'Choisissez une option',
  nps_min: 'Pas du tout probable',
  nps_max: 'Extrêmement probable',
  csat_min: 'Très insatisfait',
  csat_max: 'Très satisfait',
  your_details: 'Vos coordonnées',
  field_name: 'Nom',
  field_email: 'E-mail',
  field_telephone_number: 'Téléphone',
  field_company_name: 'Entreprise',
  field_postcode: 'Code postal',
};
