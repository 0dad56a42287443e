import type { Strings } from './en';

/** Thai UI strings (th). */
export const th: Strings = {
  trigger: 'ความคิดเห็น',
  close: 'ปิด',
  submit: 'ส่งความคิดเห็น',
  submitting: 'กำลังส่ง…',
  error_required: 'โปรดตอบคำถามนี้',
  error_required_field: 'โปรดกรอกข้อมูลในช่องนี้',
  error_email: 'โปรดป้อนอีเมลที่ถูกต้อง เช่น name@example.com',
  error_invalid: 'โปรดตรวจสอบคำตอบนี้',
  thanks_title: 'ขอบคุณ!',
  thanks_text: 'เราได้รับความคิดเห็นของคุณแล้ว',
  queued_text: 'ระบบบันทึกไว้ในอุปกรณ์นี้แล้ว และจะส่งให้โดยอัตโนมัติเมื่อกลับมาเชื่อมต่ออินเทอร์เน็ตได้',
  send_refused: 'ไม่สามารถส่งความคิดเห็นของคุณได้ โปรดตรวจสอบคำตอบแล้วลองอีกครั้ง',
  select_placeholder: 'โปรดเลือก',
  nps_min: 'ไม่น่าเป็นไปได้เลย',
  nps_max: 'เป็นไปได้มากที่สุด',
  csat_min: 'ไม่พอใจมาก',
  csat_max: 'พอใจมาก',
  your_details: 'ข้อมูลของคุณ',
  field_name: 'ชื่อ',
  field_email: 'อีเมล',
  field_telephone_number: 'เบอร์โทรศัพท์',
  field_company_name: 'ชื่อบริษัท',
  field_postcode: 'รหัสไปรษณีย์',
};
