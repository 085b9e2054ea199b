import { commitmentRefusals, type CommitmentDecision } from '@zhijian/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { commitments } from '../db/schema';
import { refuse } from '../errors';
import { findCommitment, type CommitmentRow } from '../queries/profiles';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * The unit admin confirms a reported commitment kept (已完成), or finds one not kept (未完成, with a
 * reason) — once: the status moves only from 进行中 / 待确认 (compare-and-set). Kept ones feed the
 * 承诺践诺 part of the 先锋指数.
 */
export async function decideCommitment(
  ctx: CommandContext,
  { commitmentId, decision }: { commitmentId: number; decision: CommitmentDecision },
): Promise<CommitmentRow> {
  const before = await findCommitment(ctx.tx, commitmentId);
  const from = decision.kept ? (['reported'] as const) : (['in_progress', 'reported'] as const);
  if (!(from as readonly string[]).includes(before.status))
    throw refuse(commitmentRefusals.commitment_wrong_state, { status: before.status });
  const [after] = await ctx.tx
    .update(commitments)
    .set({
      status: decision.kept ? 'kept' : 'not_kept',
      decidedBy: ctx.actor?.id ?? null,
      decidedAt: ctx.now,
      decisionNote: decision.note ?? null,
    })
    .where(and(eq(commitments.id, commitmentId), inArray(commitments.status, [...from])))
    .returning();
  if (!after) throw refuse(commitmentRefusals.commitment_wrong_state, { status: (await findCommitment(ctx.tx, commitmentId)).status });
  await audit(ctx, {
    action: decision.kept ? 'commitment.keep' : 'commitment.not_keep',
    entity: 'commitment',
    entityId: commitmentId,
    before,
    after,
  });
  return after;
}
