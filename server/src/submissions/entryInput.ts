import type { EntryDraftInput } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { type calls, researchTopics, topicClaims } from '../db/schema';
import { legacyError } from '../legacyErrors';

type CallRow = typeof calls.$inferSelect;

const invalidField = (path: string, message: string) => legacyError('invalid_input', message, [{ path, message }]);

/** Category and topic must belong to the call; checked on every save, not only at submission. */
export async function checkEntryReferences(db: Queryable, call: CallRow, input: EntryDraftInput): Promise<void> {
  if (input.category && call.categories.length && !call.categories.includes(input.category)) {
    throw invalidField('body.category', `类别应为：${call.categories.join('、')}`);
  }
  if (input.topicId) {
    if (call.kind !== 'research') throw invalidField('body.topicId', '只有课题调研的报送才选择课题');
    const [topic] = await db
      .select({ id: researchTopics.id })
      .from(researchTopics)
      .where(and(eq(researchTopics.id, input.topicId), eq(researchTopics.callId, call.id)));
    if (!topic) throw invalidField('body.topicId', '该课题不属于这个征集');
  }
}

/** What a complete entry needs before it can be handed in; every missing field is listed. */
export async function submissionProblems(
  db: Queryable,
  call: CallRow,
  entry: {
    unitId: number;
    title: string;
    category: string | null;
    summary: string;
    body: string;
    contactName: string;
    contactPhone: string;
    topicId: number | null;
  },
): Promise<{ path: string; message: string }[]> {
  const problems: { path: string; message: string }[] = [];
  const need = (ok: boolean, path: string, message: string) => ok || problems.push({ path, message });
  need(entry.title.length > 0, 'title', '请填写标题');
  need(!call.categories.length || Boolean(entry.category), 'category', '请选择类别');
  need(entry.summary.length > 0, 'summary', '请填写摘要');
  need(entry.body.length > 0, 'body', '请填写正文');
  need(entry.contactName.length > 0, 'contactName', '请填写联系人');
  need(entry.contactPhone.length > 0, 'contactPhone', '请填写联系电话');
  if (call.kind === 'research') {
    const [claim] = entry.topicId
      ? await db
          .select({ id: topicClaims.id })
          .from(topicClaims)
          .where(and(eq(topicClaims.topicId, entry.topicId), eq(topicClaims.unitId, entry.unitId), eq(topicClaims.status, 'confirmed')))
      : [];
    need(Boolean(claim), 'topicId', '请选择本单位已确认认领的课题');
  }
  return problems;
}
