import { WISH_CONTACT_MS } from '@zhijian/shared';
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { wishClaims, wishes } from '../db/schema';
import { audit } from './audit';
import type { CommandContext } from './context';
import { recordWishEvent } from './recordWishEvent';

/**
 * Releases claims not marked 已联系 within 7 days of claiming — all of them, or those of one wish
 * or one member — and puts their wishes back in the pool, first in the list (`returnedAt`). Both
 * moves are conditional (claim still `active`, wish still `claimed`), so two runs at once, or a run
 * racing the claimer's own 已联系, release a claim at most once and never one that was answered.
 */
export async function releaseOverdueClaims(
  ctx: CommandContext,
  { wishId, memberId }: { wishId?: number; memberId?: number } = {},
): Promise<{ released: number }> {
  const cutoff = new Date(ctx.now.getTime() - WISH_CONTACT_MS);
  const candidates = await ctx.tx
    .select({ claimId: wishClaims.id, wishId: wishClaims.wishId })
    .from(wishClaims)
    .innerJoin(wishes, eq(wishes.id, wishClaims.wishId))
    .where(
      and(
        eq(wishClaims.status, 'active'),
        eq(wishes.status, 'claimed'),
        lte(wishClaims.claimedAt, cutoff),
        wishId === undefined ? undefined : eq(wishClaims.wishId, wishId),
        memberId === undefined ? undefined : eq(wishClaims.memberId, memberId),
      ),
    );
  let released = 0;
  for (const candidate of candidates) {
    const [wish] = await ctx.tx
      .update(wishes)
      .set({ status: 'open', returnedAt: ctx.now })
      .where(
        and(
          eq(wishes.id, candidate.wishId),
          eq(wishes.status, 'claimed'),
          // Still this claim, still unanswered: the claimer may have marked 已联系 meanwhile.
          sql`exists (select 1 from ${wishClaims} where ${wishClaims.id} = ${candidate.claimId} and ${wishClaims.status} = 'active' and ${wishClaims.contactedAt} is null)`,
        ),
      )
      .returning({ id: wishes.id });
    if (!wish) continue;
    await ctx.tx
      .update(wishClaims)
      .set({ status: 'released', endedAt: ctx.now, endReason: '超过 7 天未联系心愿人' })
      .where(and(inArray(wishClaims.id, [candidate.claimId]), eq(wishClaims.status, 'active')));
    await recordWishEvent(ctx, candidate.wishId, 'released');
    await audit(ctx, { action: 'wish.claim_release', entity: 'wish', entityId: candidate.wishId, after: { claimId: candidate.claimId } });
    released += 1;
  }
  return { released };
}
