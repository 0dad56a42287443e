import type { Strings } from './en';

/** Hebrew UI strings (he). */
export const he: Strings = {
  trigger: 'משוב',
  close: 'סגירה',
  submit: 'שליחת משוב',
  submitting: 'בשליחה…',
  error_required: 'יש לענות על השאלה.',
  error_required_field: 'יש למלא את השדה.',
  error_email: 'יש להזין כתובת אימייל תקינה, למשל name@example.com.',
  error_invalid: 'יש לבדוק את התשובה.',
  thanks_title: 'תודה!',
  thanks_text: 'המשוב שלך התקבל.',
  queued_text: 'הוא נשמר במכשיר הזה ויישלח אוטומטית ברגע שהחיבור יחזור.',
  send_refused: 'לא ניתן היה לשלוח את המשוב. יש לבדוק את התשובות ולנסות שוב.',
  select_placeholder: 'בחירת אפשרות',
  nps_min: 'בכלל לא סביר',
  nps_max: 'סביר מאוד',
  csat_min: 'מאוד לא מרוצה',
  csat_max: 'מרוצה מאוד',
  your_details: 'הפרטים שלך',
  field_name: 'שם',
  field_email: 'אימייל',
  field_telephone_number: 'מספר טלפון',
  field_company_name: 'שם החברה',
  field_postcode: 'מיקוד',
};
