import { entryCompletenessProblems, type EntryCall, type EntryContent } from '@zhijian/shared';

/** The fields the entry form edits. */
export type EntryFields = EntryContent;

/**
 * What the server will refuse on submit (`entryCompletenessProblems`, the one rule both sides use),
 * per field, so the form can say what is missing before anything is sent. Whether the unit's claim
 * on the chosen topic is confirmed only the server knows; the form offers confirmed topics only.
 */
export function entryProblems(fields: EntryFields, call: EntryCall): Partial<Record<keyof EntryFields, string>> {
  const problems: Partial<Record<keyof EntryFields, string>> = {};
  for (const { field, message } of entryCompletenessProblems(fields, call)) problems[field] ??= message;
  return problems;
}
