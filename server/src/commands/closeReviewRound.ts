import { callRefusals } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { calls } from '../db/schema';
import { refuse } from '../errors';
import { findCall, type CallRow } from '../queries/calls';
import { audit } from './audit';
import type { CommandContext } from './context';

/** Ends the review round with the reason on record: reviews not yet submitted no longer count, results may be published. */
export async function closeReviewRound(ctx: CommandContext, { callId, reason }: { callId: number; reason: string }): Promise<CallRow> {
  const call = await findCall(ctx.tx, callId, { lock: true });
  if (call.resultsPublishedAt) {
    throw refuse(callRefusals.results_published, { publishedAt: call.resultsPublishedAt.toISOString() }, '结果已经发布');
  }
  if (call.reviewRoundClosedAt) {
    throw refuse(callRefusals.review_round_closed, { closedAt: call.reviewRoundClosedAt.toISOString() }, '评审轮次已经结束');
  }
  const [after] = await ctx.tx
    .update(calls)
    .set({ reviewRoundClosedAt: ctx.now, reviewRoundClosedReason: reason, updatedAt: ctx.now })
    .where(eq(calls.id, call.id))
    .returning();
  await audit(ctx, { action: 'call.close_round', entity: 'call', entityId: call.id, after: { reason } });
  return after!;
}
