import { wishRefusals } from '@zhijian/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { wishClaims, wishes } from '../db/schema';
import { refuse } from '../errors';
import { findWish, type WishRow } from '../queries/wishes';
import { audit } from './audit';
import type { CommandContext } from './context';
import { recordWishEvent } from './recordWishEvent';

/** The admin takes a wish down (已下架), with a reason; a live claim on it ends with it. A completed wish stays. */
export async function takeDownWish(ctx: CommandContext, { wishId, reason }: { wishId: number; reason: string }): Promise<WishRow> {
  const before = await findWish(ctx.tx, wishId, { lock: true });
  if (before.status === 'completed' || before.status === 'withdrawn') throw refuse(wishRefusals.wrong_state, { status: before.status });
  await ctx.tx
    .update(wishClaims)
    .set({ status: 'withdrawn', endedAt: ctx.now, endReason: reason })
    .where(and(eq(wishClaims.wishId, wishId), inArray(wishClaims.status, ['active'])));
  const [after] = await ctx.tx.update(wishes).set({ status: 'withdrawn', takedownReason: reason }).where(eq(wishes.id, wishId)).returning();
  await recordWishEvent(ctx, wishId, 'withdrawn', reason);
  await audit(ctx, { action: 'wish.take_down', entity: 'wish', entityId: wishId, before, after });
  return after!;
}
