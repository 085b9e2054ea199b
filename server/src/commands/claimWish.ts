import { MAX_ACTIVE_WISH_CLAIMS, wishRefusals } from '@zhijian/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { CurrentUser } from '../auth/currentUser';
import { wishClaims, wishes } from '../db/schema';
import { notFound, refuse } from '../errors';
import { canSeeWish, mayClaimWish, wishFacts } from '../policies/wishes';
import { countActiveClaims, findWish, type WishRow } from '../queries/wishes';
import { audit } from './audit';
import type { CommandContext } from './context';
import { recordWishEvent } from './recordWishEvent';
import { releaseOverdueClaims } from './releaseOverdueClaims';

/** The namespace of the per-member claims lock (the member's id is the second key). */
const CLAIMS_LOCK = 0x5157_1000;

/**
 * Claims an open wish. The member's claims are serialised by an advisory lock, so two claims of
 * theirs arriving together cannot both pass the limit of 2; the wish moves `open → claimed` by
 * compare-and-set, so of many members claiming at once exactly one wins and the rest are told
 * someone was faster; the partial unique index on live claims holds the rule even against a bug
 * here. Overdue claims of this wish and this member are released first: the rule holds on the
 * clock, not on when the timer last ran.
 */
export async function claimWish(ctx: CommandContext, { wishId, member }: { wishId: number; member: CurrentUser }): Promise<WishRow> {
  await ctx.tx.execute(sql`select pg_advisory_xact_lock(${CLAIMS_LOCK}::int, ${member.id}::int)`);
  await releaseOverdueClaims(ctx, { wishId });
  await releaseOverdueClaims(ctx, { memberId: member.id });
  const wish = await findWish(ctx.tx, wishId);
  const facts = wishFacts(wish, null);
  if (!canSeeWish(member, facts)) throw notFound('心愿');
  if (wish.wisherId === member.id) throw refuse(wishRefusals.own_wish);
  if (!mayClaimWish(member, facts)) throw notFound('心愿');
  if (wish.status !== 'open') throw refusedFor(wish);
  if ((await countActiveClaims(ctx.tx, member.id)) >= MAX_ACTIVE_WISH_CLAIMS) {
    throw refuse(wishRefusals.too_many_claims, { limit: MAX_ACTIVE_WISH_CLAIMS });
  }
  const [after] = await ctx.tx
    .update(wishes)
    .set({ status: 'claimed' })
    .where(and(eq(wishes.id, wishId), eq(wishes.status, 'open')))
    .returning();
  if (!after) throw refusedFor(await findWish(ctx.tx, wishId));
  const [claim] = await ctx.tx.insert(wishClaims).values({ wishId, memberId: member.id, claimedAt: ctx.now }).returning();
  await recordWishEvent(ctx, wishId, 'claimed');
  await audit(ctx, { action: 'wish.claim', entity: 'wish', entityId: wishId, before: wish, after: { ...after, claimId: claim!.id } });
  return after;
}

/** Taken by someone faster, or not open for claims at all. */
function refusedFor(wish: WishRow) {
  return wish.status === 'claimed' || wish.status === 'contacted' || wish.status === 'realised' || wish.status === 'completed'
    ? refuse(wishRefusals.wish_taken, { status: wish.status })
    : refuse(wishRefusals.wish_not_open, { status: wish.status });
}
