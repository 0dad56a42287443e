import type { Strings } from './en';

/** Simplified Chinese UI strings (zh-CN). */
export const zhCN: Strings = {
  trigger: '意见反馈',
  close: '关闭',
  submit: '提交反馈',
  submitting: '正在提交…',
  error_required: '请回答此问题。',
  error_required_field: '请填写此项。',
  error_email: '请输入有效的电子邮箱地址，例如 name@example.com。',
  error_invalid: '请检查您的回答。',
  thanks_title: '谢谢！',
  thanks_text: '我们已收到您的反馈。',
  queued_text: '反馈已保存在此设备上，网络恢复后将自动提交。',
  send_refused: '无法提交您的反馈。请检查您的回答后重试。',
  select_placeholder: '请选择',
  nps_min: '完全不可能',
  nps_max: '极有可能',
  csat_min: '非常不满意',
  csat_max: '非常满意',
  your_details: '您的信息',
  field_name: '姓名',
  field_email: '电子邮箱',
  field_telephone_number: '电话号码',
  field_company_name: '公司名称',
  field_postcode: '邮政编码',
};
