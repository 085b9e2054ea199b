import { awardRefusals } from '@zhijian/shared';
import { awardObjections } from '../db/schema';
import { refuse } from '../errors';
import { isInPublicity } from '../presenters/awards';
import { findCandidate, findReview } from '../queries/awards';
import { audit } from './audit';
import type { CommandContext } from './context';

/** A member objects to a winner, with text, only while 公示 runs by the clock. */
export async function objectToWinner(ctx: CommandContext, { candidateId, text }: { candidateId: number; text: string }) {
  const candidate = await findCandidate(ctx.tx, candidateId);
  const review = await findReview(ctx.tx, candidate.reviewId, { lock: true });
  if (!isInPublicity(review, ctx.now)) throw refuse(awardRefusals.not_in_publicity);
  if (candidate.selected !== true) throw refuse(awardRefusals.not_a_winner);
  const [objection] = await ctx.tx
    .insert(awardObjections)
    .values({ candidateId, objectorId: ctx.actor?.id ?? null, text, createdAt: ctx.now })
    .returning();
  await audit(ctx, { action: 'awards.object', entity: 'award_objection', entityId: objection!.id, after: { candidateId } });
  return objection!;
}
