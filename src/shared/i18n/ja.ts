import type { Strings } from './en';

/** Japanese UI strings (ja). */
export const ja: Strings = {
  trigger: 'フィードバック',
  close: '閉じる',
  submit: '送信する',
  submitting: '送信中…',
  error_required: 'この質問にご回答ください。',
  error_required_field: 'この項目を入力してください。',
  error_email: '有効なメールアドレスを入力してください（例：name@example.com）。',
  error_invalid: '回答内容をご確認ください。',
  thanks_title: 'ありがとうございました！',
  thanks_text: 'ご意見を受け付けました。',
  queued_text: '回答はこの端末に保存されており、接続が回復すると自動的に送信されます。',
  send_refused: 'フィードバックを送信できませんでした。回答を確認して、もう一度お試しください。',
  select_placeholder: '選択してください',
  nps_min: 'まったくそう思わない',
  nps_max: '非常にそう思う',
  csat_min: '非常に不満',
  csat_max: '非常に満足',
  your_details: 'お客様情報',
  field_name: 'お名前',
  field_email: 'メールアドレス',
  field_telephone_number: '電話番号',
  field_company_name: '会社名',
  field_postcode: '郵便番号',
};
