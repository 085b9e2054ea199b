import { wishRefusals } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { members, wishClaims, wishes } from '../db/schema';
import { refuse } from '../errors';
import { thing } from '../notify/notifier';
import { findActiveClaim, findWish, type WishRow } from '../queries/wishes';
import { audit } from './audit';
import type { CommandContext } from './context';
import { recordWishEvent } from './recordWishEvent';

/**
 * The admin revokes a live claim, with a reason: the wish goes back to the pool, first in the
 * list, and the claimer is told why (a subscription message, sent once the change is committed).
 */
export async function revokeWishClaim(ctx: CommandContext, { wishId, reason }: { wishId: number; reason: string }): Promise<WishRow> {
  const before = await findWish(ctx.tx, wishId, { lock: true });
  const claim = await findActiveClaim(ctx.tx, wishId);
  if (!claim || !['claimed', 'contacted', 'realised'].includes(before.status)) {
    throw refuse(wishRefusals.wrong_state, { status: before.status });
  }
  await ctx.tx.update(wishClaims).set({ status: 'revoked', endedAt: ctx.now, endReason: reason }).where(eq(wishClaims.id, claim.id));
  const [after] = await ctx.tx.update(wishes).set({ status: 'open', returnedAt: ctx.now }).where(eq(wishes.id, wishId)).returning();
  await recordWishEvent(ctx, wishId, 'revoked', reason);
  await audit(ctx, {
    action: 'wish.claim_revoke',
    entity: 'wish',
    entityId: wishId,
    before,
    after: { ...after, claimId: claim.id, reason },
  });
  const [claimer] = await ctx.tx.select({ openid: members.openid }).from(members).where(eq(members.id, claim.memberId));
  if (claimer?.openid) {
    const openid = claimer.openid;
    ctx.afterCommit(() =>
      ctx.services.notifier.notify([openid], {
        template: 'wish.claimRevoked',
        page: `packages/aie/wish/index?id=${wishId}`,
        fields: { thing1: thing(before.title), thing2: thing(reason) },
      }),
    );
  }
  return after!;
}
