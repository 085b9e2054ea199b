import { ENTRY_TEXT_LIMITS, isMobilePhone, type Call } from '@zhijian/shared';

export interface EntryFields {
  title: string;
  category: string | null;
  summary: string;
  body: string;
  contactName: string;
  contactPhone: string;
  topicId: number | null;
}

/**
 * The same checks the server makes before an entry may be submitted, per field, so the form can
 * say what is missing before anything is sent.
 */
export function entryProblems(fields: EntryFields, call: Pick<Call, 'categories' | 'kind'>): Partial<Record<keyof EntryFields, string>> {
  const problems: Partial<Record<keyof EntryFields, string>> = {};
  if (!fields.title.trim()) problems.title = '请填写标题';
  else if (fields.title.length > ENTRY_TEXT_LIMITS.title) problems.title = `标题最多 ${ENTRY_TEXT_LIMITS.title} 字`;
  if (call.categories.length && !fields.category) problems.category = '请选择类别';
  if (call.kind === 'research' && !fields.topicId) problems.topicId = '请选择本单位承担的课题';
  if (!fields.summary.trim()) problems.summary = '请填写摘要';
  if (!fields.body.trim()) problems.body = '请填写正文';
  if (!fields.contactName.trim()) problems.contactName = '请填写联系人';
  if (!fields.contactPhone.trim()) problems.contactPhone = '请填写联系电话';
  else if (!isMobilePhone(fields.contactPhone.trim())) problems.contactPhone = '手机号应为 11 位中国大陆手机号';
  return problems;
}
