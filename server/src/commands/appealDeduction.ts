import { deductionPhase, deductionRefusals } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { deductions } from '../db/schema';
import { refuse } from '../errors';
import { findDeduction, isDeductionBooked, type DeductionRow } from '../queries/deductions';
import { audit } from './audit';
import type { CommandContext } from './context';
import { recordEvent } from './recordEvent';

/**
 * The member appeals their deduction, once, with text, before its deadline (the server's clock).
 * Under the deduction's lock: the scheduled booking locks it too, so an appeal and the booking of
 * a window that has just passed never both happen — whichever comes second sees the other.
 */
export async function appealDeduction(
  ctx: CommandContext,
  { deductionId, memberId, text }: { deductionId: number; memberId: number; text: string },
): Promise<DeductionRow> {
  const deduction = await findDeduction(ctx.tx, deductionId, { lock: true });
  if (deduction.memberId !== memberId) throw refuse(deductionRefusals.deduction_not_own);
  if (deduction.status !== 'recorded') throw refuse(deductionRefusals.already_appealed);
  const closed = () => refuse(deductionRefusals.appeal_window_closed, { appealDeadline: deduction.appealDeadline.toISOString() });
  if (deductionPhase(deduction, ctx.now) !== 'appeal_window') throw closed();
  if (await isDeductionBooked(ctx.tx, deduction.id)) throw closed();
  const [after] = await ctx.tx
    .update(deductions)
    .set({ status: 'appealed', appealText: text, appealedAt: ctx.now })
    .where(and(eq(deductions.id, deduction.id), eq(deductions.status, 'recorded')))
    .returning();
  if (!after) throw refuse(deductionRefusals.already_appealed);
  await recordEvent(ctx, { subject: 'deduction', subjectId: deduction.id, action: 'appealed', note: text });
  await audit(ctx, { action: 'deduction.appeal', entity: 'deduction', entityId: deduction.id, before: deduction, after });
  return after;
}
