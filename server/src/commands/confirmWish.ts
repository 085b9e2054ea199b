import { wishPointsFor, wishRefusals } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import type { ContentVerdict } from '../contentCheck/contentChecker';
import { wishClaims, wishes } from '../db/schema';
import { refuse } from '../errors';
import { findActiveClaim, findWish, type WishRow } from '../queries/wishes';
import { settingsAt } from '../queries/recordSettings';
import { audit } from './audit';
import { awardPoints } from './awardPoints';
import type { CommandContext } from './context';
import { recordWishEvent } from './recordWishEvent';

/**
 * The wisher or the admin confirms a realised wish: 已完成, with an optional thank-you (held for
 * review if the content check holds it), and the claimer earns 公益 points — once: the status moves
 * only from 已实现 (compare-and-set under the row lock), and the ledger takes one award per wish.
 */
export async function confirmWish(
  ctx: CommandContext,
  { wishId, thankYou, verdict }: { wishId: number; thankYou: string | null; verdict: ContentVerdict },
): Promise<WishRow> {
  const before = await findWish(ctx.tx, wishId, { lock: true });
  if (before.status !== 'realised') throw refuse(wishRefusals.wrong_state, { status: before.status });
  const claim = await findActiveClaim(ctx.tx, wishId);
  if (!claim) throw refuse(wishRefusals.wrong_state, { status: before.status });
  const [after] = await ctx.tx
    .update(wishes)
    .set({ status: 'completed', completedAt: ctx.now, thankYou, thankYouHeld: thankYou !== null && verdict.verdict === 'review' })
    .where(and(eq(wishes.id, wishId), eq(wishes.status, 'realised')))
    .returning();
  if (!after) throw refuse(wishRefusals.wrong_state, { status: (await findWish(ctx.tx, wishId)).status });
  await ctx.tx.update(wishClaims).set({ status: 'completed', endedAt: ctx.now }).where(eq(wishClaims.id, claim.id));
  const settings = await settingsAt(ctx.tx, ctx.now);
  const points = await awardPoints(ctx, {
    memberId: claim.memberId,
    category: 'public_service',
    sourceType: 'wish',
    sourceId: wishId,
    points: wishPointsFor(settings),
    reason: `微心愿：${before.title}`,
    at: ctx.now,
    settings,
  });
  await recordWishEvent(ctx, wishId, 'completed', points > 0 ? `认领人获得公益积分 ${points} 分` : null);
  await audit(ctx, { action: 'wish.complete', entity: 'wish', entityId: wishId, before, after: { ...after, points } });
  return after;
}
