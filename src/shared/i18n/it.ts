import type { Strings } from './en';

/** Italian UI strings (it). */
export const it: Strings = {
  trigger: 'Feedback',
  close: 'Chiudi',
  submit: 'Invia feedback',
  submitting: 'Invio in corso…',
  error_required: 'Rispondi a questa domanda.',
  error_required_field: 'Compila questo campo.',
  error_email: 'Inserisci un indirizzo email valido, ad esempio nome@example.com.',
  error_invalid: 'Controlla questa risposta.',
  thanks_title: 'Grazie!',
  thanks_text: 'Abbiamo ricevuto il tuo feedback.',
  queued_text: 'È stato salvato su questo dispositivo e verrà inviato automaticamente non appena tornerà la connessione.',
  send_refused: 'Non è stato possibile inviare il tuo feedback. Controlla le risposte e riprova.',
  select_placeholder: 'Scegli un’opzione',
  nps_min: 'Per niente probabile',
  nps_max: 'Estremamente probabile',
  csat_min: 'Molto insoddisfatto',
  csat_max: 'Molto soddisfatto',
  your_details: 'I tuoi dati',
  field_name: 'Nome',
  field_email: 'Email',
  field_telephone_number: 'Telefono',
  field_company_name: 'Azienda',
  field_postcode: 'CAP',
};
