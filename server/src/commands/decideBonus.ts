import { bonusRefusals, type BonusDecision, type BonusKind } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { bonusClaims } from '../db/schema';
import { refuse } from '../errors';
import { findBonusClaim, type BonusClaimRow } from '../queries/bonuses';
import { isYearClosed } from '../queries/closedYears';
import { settingsAt } from '../queries/recordSettings';
import { audit } from './audit';
import type { CommandContext } from './context';
import { recordEvent } from './recordEvent';

/** The kind's point range: as the list in force now has it, else as it was when the claim was declared. */
async function rangeOf(ctx: CommandContext, claim: BonusClaimRow): Promise<Pick<BonusKind, 'minPoints' | 'maxPoints'>> {
  const now = (await settingsAt(ctx.tx, ctx.now)).bonusKinds.find((k) => k.key === claim.kindKey);
  if (now) return now;
  const then = (await settingsAt(ctx.tx, claim.createdAt)).bonusKinds.find((k) => k.key === claim.kindKey);
  return then ?? { minPoints: 1, maxPoints: 20 };
}

/**
 * The unit admin approves a pending claim with points within its kind's range, or refuses it with
 * a reason — once: the status moves only from `pending` (compare-and-set), so of two decisions
 * made together one is refused. A claim of a closed year is not decided any more.
 */
export async function decideBonus(
  ctx: CommandContext,
  { claimId, decision }: { claimId: number; decision: BonusDecision },
): Promise<BonusClaimRow> {
  const claim = await findBonusClaim(ctx.tx, claimId);
  if (claim.status !== 'pending') throw refuse(bonusRefusals.bonus_already_decided, { status: claim.status });
  const year = Number(claim.occurredOn.slice(0, 4));
  if (await isYearClosed(ctx.tx, year)) throw refuse(bonusRefusals.bonus_year_closed, { year });
  let points: number | null = null;
  if (decision.approve) {
    const range = await rangeOf(ctx, claim);
    points = decision.points!;
    if (points < range.minPoints || points > range.maxPoints) {
      throw refuse(bonusRefusals.bonus_points_out_of_range, { min: range.minPoints, max: range.maxPoints });
    }
  }
  const status = decision.approve ? 'approved' : 'refused';
  const note = decision.note ?? null;
  const [after] = await ctx.tx
    .update(bonusClaims)
    .set({ status, points, decidedBy: ctx.actor?.id ?? null, decidedAt: ctx.now, decisionNote: note })
    .where(and(eq(bonusClaims.id, claim.id), eq(bonusClaims.status, 'pending')))
    .returning();
  if (!after) {
    const now = await findBonusClaim(ctx.tx, claim.id);
    throw refuse(bonusRefusals.bonus_already_decided, { status: now.status });
  }
  await recordEvent(ctx, {
    subject: 'bonus',
    subjectId: claim.id,
    action: status,
    note: decision.approve ? (note ? `${points} 分。${note}` : `${points} 分`) : note,
  });
  await audit(ctx, {
    action: `bonus.${decision.approve ? 'approve' : 'refuse'}`,
    entity: 'bonus_claim',
    entityId: claim.id,
    before: claim,
    after,
  });
  return after;
}
