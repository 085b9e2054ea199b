import { awardRefusals } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { awardReviews } from '../db/schema';
import { refuse } from '../errors';
import { findReview, listWinners } from '../queries/awards';
import { audit } from './audit';
import type { CommandContext } from './context';

const DAY_MS = 24 * 3600 * 1000;

/** 公示 starts now and lasts the rules' days; the list is what the committee selected. */
export async function startAwardPublicity(ctx: CommandContext, { reviewId }: { reviewId: number }) {
  const review = await findReview(ctx.tx, reviewId, { lock: true });
  if (review.status !== 'open') throw refuse(awardRefusals.wrong_status, { status: review.status });
  const winners = await listWinners(ctx.tx, review.id);
  if (winners.length === 0) throw refuse(awardRefusals.nothing_selected);
  const endsAt = new Date(ctx.now.getTime() + review.rules.publicityDays * DAY_MS);
  await ctx.tx
    .update(awardReviews)
    .set({ status: 'publicity', publicityStartsAt: ctx.now, publicityEndsAt: endsAt })
    .where(eq(awardReviews.id, review.id));
  await audit(ctx, { action: 'awards.publicity', entity: 'award_review', entityId: review.id, after: { endsAt, winners: winners.length } });
}
