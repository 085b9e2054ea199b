import { deductionRefusals, formatDate, shanghaiDate, type SanctionInput } from '@zhijian/shared';
import { sanctions } from '../db/schema';
import { refuse } from '../errors';
import { isYearClosed } from '../queries/closedYears';
import type { SanctionRow } from '../queries/deductions';
import { findRosterMember } from '../queries/recordMembers';
import { audit } from './audit';
import type { CommandContext } from './context';
import { recordEvent } from './recordEvent';

/**
 * The unit admin records a 纪律处分 of a member of the unit for a year (not a closed one): that
 * year's 先锋指数 is 0 (清零), and the secretariat sees it.
 */
export async function recordSanction(
  ctx: CommandContext,
  { unitId, input }: { unitId: number; input: SanctionInput },
): Promise<SanctionRow> {
  const member = await findRosterMember(ctx.tx, unitId, input.memberId);
  if (!member) throw refuse(deductionRefusals.member_not_in_unit);
  if (input.decidedOn > formatDate(shanghaiDate(ctx.now))) throw refuse(deductionRefusals.date_in_future, {}, '处分日期不能晚于今天');
  if (await isYearClosed(ctx.tx, input.year)) throw refuse(deductionRefusals.record_year_closed, { year: input.year });
  const [row] = await ctx.tx
    .insert(sanctions)
    .values({
      memberId: member.id,
      unitId,
      year: input.year,
      description: input.description,
      decidedOn: input.decidedOn,
      recordedBy: ctx.actor?.id ?? null,
      recordedAt: ctx.now,
    })
    .returning();
  await recordEvent(ctx, { subject: 'sanction', subjectId: row!.id, action: 'recorded', note: input.description });
  await audit(ctx, { action: 'sanction.record', entity: 'sanction', entityId: row!.id, after: row });
  return row!;
}
