import { addMonths, duesRefusals, formatDate, parseMonth, shanghaiDate, type DuesInput } from '@zhijian/shared';
import { sql } from 'drizzle-orm';
import { duesPayments } from '../db/schema';
import { refuse } from '../errors';
import { findDuesPayment } from '../queries/dues';
import { findRosterMember } from '../queries/recordMembers';
import { audit } from './audit';
import type { CommandContext } from './context';

/** Dues paid this long before the month they are for are taken for a typing error. */
const MAX_PREPAID_MONTHS = 24;

/**
 * The unit admin records a member's dues for a month as paid (an amount in fen, the day paid):
 * a record of a payment made elsewhere, nothing is charged. Recording a month again corrects it.
 */
export async function recordDues(ctx: CommandContext, { unitId, input }: { unitId: number; input: DuesInput }): Promise<void> {
  const member = await findRosterMember(ctx.tx, unitId, input.memberId);
  if (!member) throw refuse(duesRefusals.member_not_in_unit);
  if (input.paidOn > formatDate(shanghaiDate(ctx.now))) throw refuse(duesRefusals.paid_in_future);
  const month = parseMonth(input.month)!;
  const earliest = formatDate(addMonths({ ...month, day: 1 }, -MAX_PREPAID_MONTHS));
  if (input.paidOn < earliest) throw refuse(duesRefusals.paid_before_month);
  const before = await findDuesPayment(ctx.tx, member.id, input.month);
  const [after] = await ctx.tx
    .insert(duesPayments)
    .values({
      memberId: member.id,
      unitId,
      month: input.month,
      amountCents: input.amountCents,
      paidOn: input.paidOn,
      recordedBy: ctx.actor?.id ?? null,
      recordedAt: ctx.now,
    })
    .onConflictDoUpdate({
      target: [duesPayments.memberId, duesPayments.month],
      set: {
        unitId: sql`excluded.unit_id`,
        amountCents: sql`excluded.amount_cents`,
        paidOn: sql`excluded.paid_on`,
        recordedBy: sql`excluded.recorded_by`,
        recordedAt: sql`excluded.recorded_at`,
      },
    })
    .returning();
  await audit(ctx, {
    action: before ? 'dues.correct' : 'dues.record',
    entity: 'dues_payment',
    entityId: after!.id,
    before: before ?? null,
    after,
  });
}
