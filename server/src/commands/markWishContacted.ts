import { eq } from 'drizzle-orm';
import { wishClaims, wishes } from '../db/schema';
import type { WishRow } from '../queries/wishes';
import { audit } from './audit';
import type { CommandContext } from './context';
import { lockClaimedWish } from './lockClaimedWish';
import { recordWishEvent } from './recordWishEvent';

/** The claimer has reached the wisher (through the app or the unit admin): the claim no longer runs out. */
export async function markWishContacted(ctx: CommandContext, { wishId, memberId }: { wishId: number; memberId: number }): Promise<WishRow> {
  const { wish, claim } = await lockClaimedWish(ctx, { wishId, memberId, states: ['claimed'] });
  await ctx.tx.update(wishClaims).set({ contactedAt: ctx.now }).where(eq(wishClaims.id, claim.id));
  const [after] = await ctx.tx.update(wishes).set({ status: 'contacted' }).where(eq(wishes.id, wishId)).returning();
  await recordWishEvent(ctx, wishId, 'contacted');
  await audit(ctx, { action: 'wish.contacted', entity: 'wish', entityId: wishId, before: wish, after });
  return after!;
}
