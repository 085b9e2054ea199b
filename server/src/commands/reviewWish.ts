import { wishRefusals, type WishReview } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { wishes } from '../db/schema';
import { refuse } from '../errors';
import { findWish, type WishRow } from '../queries/wishes';
import { audit } from './audit';
import type { CommandContext } from './context';
import { recordWishEvent } from './recordWishEvent';

/**
 * The reviewing admin lets a held wish through (待认领) or refuses it (已下架, with the reason); or,
 * on a completed wish, lets its held thank-you show or removes it.
 */
export async function reviewWish(ctx: CommandContext, { wishId, review }: { wishId: number; review: WishReview }): Promise<WishRow> {
  const before = await findWish(ctx.tx, wishId, { lock: true });
  const note = review.note ?? null;
  let after: WishRow | undefined;
  if (before.status === 'pending_review') {
    [after] = await ctx.tx
      .update(wishes)
      .set(review.approve ? { status: 'open', heldReason: null } : { status: 'withdrawn', takedownReason: note })
      .where(and(eq(wishes.id, wishId), eq(wishes.status, 'pending_review')))
      .returning();
    await recordWishEvent(ctx, wishId, review.approve ? 'approved' : 'refused', note);
  } else if (before.thankYouHeld) {
    [after] = await ctx.tx
      .update(wishes)
      .set(review.approve ? { thankYouHeld: false } : { thankYouHeld: false, thankYou: null })
      .where(eq(wishes.id, wishId))
      .returning();
    await recordWishEvent(ctx, wishId, review.approve ? 'thank_you_approved' : 'thank_you_refused', note);
  } else {
    throw refuse(wishRefusals.nothing_to_review);
  }
  await audit(ctx, { action: review.approve ? 'wish.approve' : 'wish.refuse', entity: 'wish', entityId: wishId, before, after });
  return after!;
}
