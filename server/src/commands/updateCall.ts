import { callRefusals, type CallChanges } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { calls, entries, reviewAssignments } from '../db/schema';
import { refuse } from '../errors';
import { findCall, type CallRow } from '../queries/calls';
import { audit } from './audit';
import type { CommandContext } from './context';
import { assertWindow } from './createCall';

/** Whether any reviewer has been assigned in the call: from then on the rubric is fixed. */
async function reviewStarted(db: Queryable, callId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: reviewAssignments.id })
    .from(reviewAssignments)
    .innerJoin(entries, eq(entries.id, reviewAssignments.entryId))
    .where(eq(entries.callId, callId))
    .limit(1);
  return Boolean(row);
}

/** Changes the fields named, under the call's lock; the rubric stays once reviewing has begun. */
export async function updateCall(ctx: CommandContext, { callId, changes }: { callId: number; changes: CallChanges }): Promise<CallRow> {
  const before = await findCall(ctx.tx, callId, { lock: true });
  if (before.resultsPublishedAt && (changes.rubric || changes.tiers)) {
    throw refuse(
      callRefusals.results_published,
      { publishedAt: before.resultsPublishedAt.toISOString() },
      '结果已发布，不能再修改评分标准或等次',
    );
  }
  if (changes.rubric && (await reviewStarted(ctx.tx, before.id))) throw refuse(callRefusals.rubric_locked);
  const opensAt = changes.opensAt ? new Date(changes.opensAt) : before.opensAt;
  const closesAt = changes.closesAt ? new Date(changes.closesAt) : before.closesAt;
  assertWindow(opensAt, closesAt);
  const { opensAt: _opensAt, closesAt: _closesAt, ...rest } = changes;
  const [after] = await ctx.tx
    .update(calls)
    .set({ ...rest, opensAt, closesAt, updatedAt: ctx.now })
    .where(eq(calls.id, before.id))
    .returning();
  await audit(ctx, { action: 'call.update', entity: 'call', entityId: before.id, before, after });
  return after!;
}
