import { commitmentRefusals } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { commitments } from '../db/schema';
import { refuse } from '../errors';
import { findCommitment } from '../queries/profiles';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * The unit admin lets held commitment text show; refused, a commitment not yet reported is taken
 * away (it never counts as made), and a held report goes back to 进行中 without its note.
 */
export async function reviewCommitment(
  ctx: CommandContext,
  { commitmentId, approve }: { commitmentId: number; approve: boolean },
): Promise<void> {
  const before = await findCommitment(ctx.tx, commitmentId, { lock: true });
  if (before.heldReason === null) throw refuse(commitmentRefusals.nothing_to_review);
  if (approve) {
    await ctx.tx.update(commitments).set({ heldReason: null }).where(eq(commitments.id, commitmentId));
  } else if (before.status === 'reported') {
    await ctx.tx
      .update(commitments)
      .set({ heldReason: null, status: 'in_progress', reportNote: null, reportedAt: null })
      .where(eq(commitments.id, commitmentId));
  } else {
    await ctx.tx.delete(commitments).where(eq(commitments.id, commitmentId));
  }
  await audit(ctx, { action: approve ? 'commitment.approve' : 'commitment.refuse', entity: 'commitment', entityId: commitmentId, before });
}
