import { awardRefusals, type AwardRules } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { awardReviews } from '../db/schema';
import { refuse } from '../errors';
import { findReview } from '../queries/awards';
import { audit } from './audit';
import type { CommandContext } from './context';

/** The rules apply to the frozen figures; they may change only while recommendations and decisions are open. */
export async function setAwardRules(ctx: CommandContext, { reviewId, rules }: { reviewId: number; rules: AwardRules }) {
  const review = await findReview(ctx.tx, reviewId, { lock: true });
  if (review.status !== 'open') throw refuse(awardRefusals.wrong_status, { status: review.status });
  await ctx.tx.update(awardReviews).set({ rules }).where(eq(awardReviews.id, review.id));
  await audit(ctx, { action: 'awards.rules', entity: 'award_review', entityId: review.id, before: review.rules, after: rules });
}
