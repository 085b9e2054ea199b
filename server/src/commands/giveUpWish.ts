import { eq } from 'drizzle-orm';
import { wishClaims, wishes } from '../db/schema';
import type { WishRow } from '../queries/wishes';
import { audit } from './audit';
import type { CommandContext } from './context';
import { lockClaimedWish } from './lockClaimedWish';
import { recordWishEvent } from './recordWishEvent';

/** The claimer gives the wish up before it is realised: it goes back to the pool, first in the list. */
export async function giveUpWish(ctx: CommandContext, { wishId, memberId }: { wishId: number; memberId: number }): Promise<WishRow> {
  const { wish, claim } = await lockClaimedWish(ctx, { wishId, memberId, states: ['claimed', 'contacted'] });
  await ctx.tx.update(wishClaims).set({ status: 'given_up', endedAt: ctx.now, endReason: '认领人放弃' }).where(eq(wishClaims.id, claim.id));
  const [after] = await ctx.tx.update(wishes).set({ status: 'open', returnedAt: ctx.now }).where(eq(wishes.id, wishId)).returning();
  await recordWishEvent(ctx, wishId, 'given_up');
  await audit(ctx, { action: 'wish.give_up', entity: 'wish', entityId: wishId, before: wish, after });
  return after!;
}
