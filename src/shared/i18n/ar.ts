import type { Strings } from './en';

/** Modern Standard Arabic UI strings (ar). */
export const ar: Strings = {
  trigger: 'شاركنا رأيك',
  close: 'إغلاق',
  submit: 'إرسال الملاحظات',
  submitting: 'جارٍ الإرسال…',
  error_required: 'يُرجى الإجابة عن هذا السؤال.',
  error_required_field: 'يُرجى ملء هذا الحقل.',
  error_email: 'يُرجى إدخال عنوان بريد إلكتروني صالح، مثل name@example.com.',
  error_invalid: 'يُرجى التحقق من هذه الإجابة.',
  thanks_title: 'شكرًا لك!',
  thanks_text: 'تم استلام ملاحظاتك.',
  queued_text: 'تم حفظها على هذا الجهاز وسيتم إرسالها تلقائيًا فور عودة الاتصال.',
  send_refused: 'تعذّر إرسال ملاحظاتك. يُرجى مراجعة إجاباتك والمحاولة مرة أخرى.',
  select_placeholder: 'اختر خيارًا',
  nps_min: 'غير محتمل إطلاقًا',
  nps_max: 'محتمل للغاية',
  csat_min: 'غير راضٍ إطلاقًا',
  csat_max: 'راضٍ جدًا',
  your_details: 'بياناتك',
  field_name: 'الاسم',
  field_email: 'البريد الإلكتروني',
  field_telephone_number: 'رقم الهاتف',
  field_company_name: 'اسم الشركة',
  field_postcode: 'الرمز البريدي',
};
