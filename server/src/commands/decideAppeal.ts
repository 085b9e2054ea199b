import { deductionPhase, deductionRefusals, type AppealDecision } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { deductions } from '../db/schema';
import { refuse } from '../errors';
import { findDeduction, type DeductionRow } from '../queries/deductions';
import { audit } from './audit';
import { bookDeduction } from './bookDeduction';
import type { CommandContext } from './context';
import { recordEvent } from './recordEvent';

/**
 * The unit admin upholds or withdraws an appealed deduction, with a reason — once (compare-and-set
 * on `appealed`). Upheld, it is effective from now: its −points go to the 诚信 ledger in this
 * same transaction. Withdrawn, it never counts.
 */
export async function decideAppeal(
  ctx: CommandContext,
  { deductionId, decision }: { deductionId: number; decision: AppealDecision },
): Promise<DeductionRow> {
  const deduction = await findDeduction(ctx.tx, deductionId, { lock: true });
  if (deduction.status !== 'appealed') throw refuse(deductionRefusals.not_appealed, { phase: deductionPhase(deduction, ctx.now) });
  const status = decision.uphold ? 'upheld' : 'withdrawn';
  const [after] = await ctx.tx
    .update(deductions)
    .set({ status, decidedBy: ctx.actor?.id ?? null, decidedAt: ctx.now, decisionNote: decision.note })
    .where(and(eq(deductions.id, deduction.id), eq(deductions.status, 'appealed')))
    .returning();
  if (!after) throw refuse(deductionRefusals.not_appealed, { phase: deductionPhase(await findDeduction(ctx.tx, deduction.id), ctx.now) });
  if (decision.uphold) await bookDeduction(ctx, after, ctx.now);
  await recordEvent(ctx, { subject: 'deduction', subjectId: deduction.id, action: status, note: decision.note });
  await audit(ctx, {
    action: `deduction.${decision.uphold ? 'uphold' : 'withdraw'}`,
    entity: 'deduction',
    entityId: deduction.id,
    before: deduction,
    after,
  });
  return after;
}
