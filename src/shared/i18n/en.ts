/**
 * English UI strings: the default, and the key list every other locale fills.
 * They live with the proxy, which sends the survey's locale along with the
 * survey definition, so adding languages never grows the widget script.
 */
export const en = {
  trigger: 'Feedback',
  close: 'Close',
  submit: 'Send feedback',
  submitting: 'Sending…',
  error_required: 'Please answer this question.',
  error_required_field: 'Please fill in this field.',
  error_email: 'Please enter a valid email address, like name@example.com.',
  error_invalid: 'Please check this answer.',
  thanks_title: 'Thank you!',
  thanks_text: 'Your feedback has been received.',
  queued_text: 'It is saved on this device and will be sent as soon as the connection is back.',
  send_refused: 'Your feedback could not be sent. Please check your answers and try again.',
  select_placeholder: 'Choose an option',
  nps_min: 'Not at all likely',
  nps_max: 'Extremely likely',
  csat_min: 'Very dissatisfied',
  csat_max: 'Very satisfied',
  your_details: 'Your details',
  field_name: 'Name',
  field_email: 'Email',
  field_telephone_number: 'Phone number',
  field_company_name: 'Company',
  field_postcode: 'Postcode',
};

export type StringKey = keyof typeof en;
export type Strings = Record<StringKey, string>;
