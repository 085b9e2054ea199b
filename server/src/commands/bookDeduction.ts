import { pointsLedger } from '../db/schema';
import { DEDUCTION_SOURCE, type DeductionRow } from '../queries/deductions';
import type { CommandContext } from './context';

/**
 * Writes an effective deduction's −points to the ledger's 诚信 (integrity) category, dated when it
 * took effect. The ledger holds one row per source, so a second booking of the same deduction
 * writes nothing: answers whether this call booked it.
 */
export async function bookDeduction(ctx: CommandContext, deduction: DeductionRow, effectiveAt: Date): Promise<boolean> {
  const booked = await ctx.tx
    .insert(pointsLedger)
    .values({
      memberId: deduction.memberId,
      category: 'integrity',
      points: -deduction.points,
      reason: `诚信积分：反向扣分「${deduction.kindName}」`,
      sourceType: DEDUCTION_SOURCE,
      sourceId: deduction.id,
      createdAt: effectiveAt,
    })
    .onConflictDoNothing()
    .returning({ id: pointsLedger.id });
  return booked.length > 0;
}
