import type { Strings } from './en';

/** Indonesian UI strings (id). */
export const id: Strings = {
  trigger: 'Masukan',
  close: 'Tutup',
  submit: 'Kirim masukan',
  submitting: 'Mengirim…',
  error_required: 'Mohon jawab pertanyaan ini.',
  error_required_field: 'Mohon isi kolom ini.',
  error_email: 'Masukkan alamat email yang valid, misalnya nama@example.com.',
  error_invalid: 'Mohon periksa kembali jawaban ini.',
  thanks_title: 'Terima kasih!',
  thanks_text: 'Masukan Anda sudah kami terima.',
  queued_text: 'Masukan ini tersimpan di perangkat ini dan akan dikirim otomatis begitu koneksi kembali.',
  send_refused: 'Masukan Anda tidak dapat dikirim. Periksa jawaban Anda dan coba lagi.',
  select_placeholder: 'Pilih salah satu',
  nps_min: 'Sangat tidak mungkin',
  nps_max: 'Sangat mungkin',
  csat_min: 'Sangat tidak puas',
  csat_max: 'Sangat puas',
  your_details: 'Data Anda',
  field_name: 'Nama',
  field_email: 'Email',
  field_telephone_number: 'Nomor telepon',
  field_company_name: 'Perusahaan',
  field_postcode: 'Kode pos',
};
