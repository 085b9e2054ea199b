import { wishRefusals } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { wishClaims, wishes } from '../db/schema';
import { refuse } from '../errors';
import { countClaimPhotos, type WishRow } from '../queries/wishes';
import { audit } from './audit';
import type { CommandContext } from './context';
import { lockClaimedWish } from './lockClaimedWish';
import { recordWishEvent } from './recordWishEvent';

/** The claimer reports the wish realised, with at least one photo; the wisher or the admin then confirms. */
export async function markWishRealised(ctx: CommandContext, { wishId, memberId }: { wishId: number; memberId: number }): Promise<WishRow> {
  const { wish, claim } = await lockClaimedWish(ctx, { wishId, memberId, states: ['contacted'] });
  if ((await countClaimPhotos(ctx.tx, claim.id)) === 0) throw refuse(wishRefusals.photos_required);
  await ctx.tx.update(wishClaims).set({ realisedAt: ctx.now }).where(eq(wishClaims.id, claim.id));
  const [after] = await ctx.tx.update(wishes).set({ status: 'realised' }).where(eq(wishes.id, wishId)).returning();
  await recordWishEvent(ctx, wishId, 'realised');
  await audit(ctx, { action: 'wish.realised', entity: 'wish', entityId: wishId, before: wish, after });
  return after!;
}
