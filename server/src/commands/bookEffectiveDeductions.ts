import { unbookedEffectiveDeductions } from '../queries/deductions';
import { audit } from './audit';
import { bookDeduction } from './bookDeduction';
import type { CommandContext } from './context';
import { recordEvent } from './recordEvent';

/** How many deductions one run books at most; the next run takes the rest. */
const BATCH = 500;

/**
 * Books every deduction whose appeal window has passed without an appeal: its −points to the 诚信
 * ledger dated at its deadline, a "took effect" step on its timeline, an audit entry. Run by the
 * system every few minutes (`deductionBooking/schedule.ts`); idempotent — a deduction already
 * booked is not selected, and the ledger's unique source would refuse it anyway.
 */
export async function bookEffectiveDeductions(ctx: CommandContext, _props: Record<never, never> = {}): Promise<{ booked: number }> {
  const due = await unbookedEffectiveDeductions(ctx.tx, ctx.now, BATCH);
  let booked = 0;
  for (const deduction of due) {
    if (!(await bookDeduction(ctx, deduction, deduction.appealDeadline))) continue;
    booked += 1;
    await recordEvent(ctx, {
      subject: 'deduction',
      subjectId: deduction.id,
      action: 'took_effect',
      note: '申诉期内未申诉',
      at: deduction.appealDeadline,
    });
    await audit(ctx, {
      action: 'deduction.take_effect',
      entity: 'deduction',
      entityId: deduction.id,
      after: { memberId: deduction.memberId, points: -deduction.points, effectiveAt: deduction.appealDeadline.toISOString() },
    });
  }
  return { booked };
}
