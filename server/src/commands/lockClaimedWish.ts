import { claimOverdue, wishRefusals, type WishStatus } from '@zhijian/shared';
import { refuse } from '../errors';
import { findActiveClaim, findWish, type WishClaimRow, type WishRow } from '../queries/wishes';
import type { CommandContext } from './context';

/**
 * For the claimer's steps: the wish under its row lock and the member's live claim of it, in one
 * of `states`. A claim run out unanswered is no longer theirs, whether or not the timer has run.
 */
export async function lockClaimedWish(
  ctx: CommandContext,
  { wishId, memberId, states }: { wishId: number; memberId: number; states: readonly WishStatus[] },
): Promise<{ wish: WishRow; claim: WishClaimRow }> {
  const wish = await findWish(ctx.tx, wishId, { lock: true });
  const claim = await findActiveClaim(ctx.tx, wishId);
  const lapsed = claim !== undefined && wish.status === 'claimed' && claimOverdue(claim.claimedAt, ctx.now);
  if (!claim || claim.memberId !== memberId || lapsed) throw refuse(wishRefusals.not_claimer);
  if (!states.includes(wish.status)) throw refuse(wishRefusals.wrong_state, { status: wish.status });
  return { wish, claim };
}
