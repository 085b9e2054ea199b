import type { CallKind } from './calls';
import { isMobilePhone, normalizePhone } from './phone';

/** The longest each text of an entry may be; the server holds every save to it, the form counts it. */
export const ENTRY_TEXT_LIMITS = { title: 100, summary: 300, body: 20_000, contactName: 20 } as const;

/** What a unit writes in an entry, in the order the form shows it. */
export const ENTRY_FIELDS = ['title', 'category', 'topicId', 'summary', 'body', 'contactName', 'contactPhone'] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];

export const ENTRY_FIELD_LABELS: Record<EntryField, string> = {
  title: '标题',
  category: '类别',
  topicId: '课题',
  summary: '摘要',
  body: '正文',
  contactName: '联系人',
  contactPhone: '联系电话',
};

export interface EntryContent {
  title: string;
  category: string | null;
  summary: string;
  body: string;
  contactName: string;
  contactPhone: string;
  topicId: number | null;
}

export interface EntryProblem {
  field: EntryField;
  message: string;
}

/** What the rule needs to know of the call the entry is in. */
export interface EntryCall {
  kind: CallKind;
  categories: readonly string[];
}

/**
 * Whether the unit holds the chosen topic (its claim confirmed by the secretariat). The server
 * knows; the form, which offers only the unit's confirmed topics, leaves it out.
 */
export interface EntryFacts {
  topicHeld?: boolean;
}

const TOPIC_NEEDED = '请选择本单位已确认认领的课题';

/**
 * What stands between an entry and its submission, field by field in the form's order; empty
 * when it may be handed in. The form checks it before sending, the server again on submit.
 *
 * - A field of spaces only is empty: the form holds what was typed, the server stores it trimmed.
 * - Lengths count the trimmed text, as the server stores it.
 * - The contact phone is read the way the server reads it on save (spaces, dashes and +86 are
 *   dropped), so a number the server accepts is never refused by the form.
 */
export function entryCompletenessProblems(entry: EntryContent, call: EntryCall, facts: EntryFacts = {}): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const add = (field: EntryField, message: string) => problems.push({ field, message });
  const text = (field: 'title' | 'summary' | 'body' | 'contactName', missing: string) => {
    const value = entry[field].trim();
    const limit = ENTRY_TEXT_LIMITS[field];
    if (!value) add(field, missing);
    else if (value.length > limit) add(field, `${ENTRY_FIELD_LABELS[field]}最多 ${limit} 字`);
  };

  text('title', '请填写标题');
  if (call.categories.length) {
    if (!entry.category) add('category', '请选择类别');
    else if (!call.categories.includes(entry.category)) add('category', `类别应为：${call.categories.join('、')}`);
  }
  if (call.kind === 'research' && (entry.topicId === null || facts.topicHeld === false)) add('topicId', TOPIC_NEEDED);
  text('summary', '请填写摘要');
  text('body', '请填写正文');
  text('contactName', '请填写联系人');
  const phone = entry.contactPhone.trim();
  if (!phone) add('contactPhone', '请填写联系电话');
  else if (!isMobilePhone(normalizePhone(phone))) add('contactPhone', '手机号应为 11 位中国大陆手机号');
  return problems;
}
