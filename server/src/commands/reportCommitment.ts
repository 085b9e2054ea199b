import { commitmentRefusals } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import type { ContentVerdict } from '../contentCheck/contentChecker';
import { commitments } from '../db/schema';
import { refuse } from '../errors';
import { findCommitment, type CommitmentRow } from '../queries/profiles';
import { audit } from './audit';
import type { CommandContext } from './context';

/** The member reports how the commitment was kept (photos beside it); the unit admin confirms. A held note waits for review. */
export async function reportCommitment(
  ctx: CommandContext,
  { commitmentId, memberId, note, verdict }: { commitmentId: number; memberId: number; note: string; verdict: ContentVerdict },
): Promise<CommitmentRow> {
  const before = await findCommitment(ctx.tx, commitmentId, { lock: true });
  if (before.memberId !== memberId) throw refuse(commitmentRefusals.commitment_not_own);
  if (before.status !== 'in_progress' && before.status !== 'reported') {
    throw refuse(commitmentRefusals.commitment_wrong_state, { status: before.status });
  }
  const [after] = await ctx.tx
    .update(commitments)
    .set({
      status: 'reported',
      reportNote: note,
      reportedAt: ctx.now,
      heldReason: verdict.verdict === 'review' ? `践诺情况待审核${verdict.label ? `（${verdict.label}）` : ''}` : before.heldReason,
    })
    .where(and(eq(commitments.id, commitmentId)))
    .returning();
  await audit(ctx, { action: 'commitment.report', entity: 'commitment', entityId: commitmentId, before, after });
  return after!;
}
