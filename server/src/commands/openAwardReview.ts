import { awardRefusals, DEFAULT_AWARD_RULES, shanghaiYear } from '@zhijian/shared';
import { awardCandidates, awardReviews } from '../db/schema';
import { refuse } from '../errors';
import { loadAwardSnapshot } from '../queries/awardFigures';
import { findReviewOfYear } from '../queries/awards';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * Opens a year's review: the review row first (the unique year makes a second opening, even a
 * concurrent one, fail), then every candidate with its figures as of now. Later edits of the records
 * leave these rows alone.
 */
export async function openAwardReview(ctx: CommandContext, { year }: { year: number }) {
  if (year > shanghaiYear(ctx.now)) throw refuse(awardRefusals.year_not_started);
  if (await findReviewOfYear(ctx.tx, year)) throw refuse(awardRefusals.review_exists);
  const [review] = await ctx.tx
    .insert(awardReviews)
    .values({ year, rules: DEFAULT_AWARD_RULES, openedBy: ctx.actor?.id ?? null, openedAt: ctx.now })
    .onConflictDoNothing({ target: awardReviews.year })
    .returning();
  if (!review) throw refuse(awardRefusals.review_exists);
  const snapshot = await loadAwardSnapshot(ctx.tx, year, ctx.now);
  for (let i = 0; i < snapshot.length; i += 500) {
    await ctx.tx.insert(awardCandidates).values(snapshot.slice(i, i + 500).map((candidate) => ({ ...candidate, reviewId: review.id })));
  }
  await audit(ctx, { action: 'awards.open', entity: 'award_review', entityId: review.id, after: { year, candidates: snapshot.length } });
  return review;
}
