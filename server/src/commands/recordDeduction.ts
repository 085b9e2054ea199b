import { APPEAL_WINDOW_DAYS, deductionRefusals, formatDate, shanghaiDate, type DeductionInput } from '@zhijian/shared';
import { deductions } from '../db/schema';
import { refuse } from '../errors';
import { isYearClosed } from '../queries/closedYears';
import type { DeductionRow } from '../queries/deductions';
import { findRosterMember } from '../queries/recordMembers';
import { settingsAt } from '../queries/recordSettings';
import { audit } from './audit';
import type { CommandContext } from './context';
import { recordEvent } from './recordEvent';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The unit admin records a 反向扣分 for a member of the unit: a kind from the association's list in
 * force now, 1–5 points, a reason and the day it concerns (not after today, in a year not yet
 * closed). The member may appeal until the deadline, seven days after it is recorded by the
 * server's clock; unappealed, it takes effect then.
 */
export async function recordDeduction(
  ctx: CommandContext,
  { unitId, input }: { unitId: number; input: DeductionInput },
): Promise<DeductionRow> {
  const member = await findRosterMember(ctx.tx, unitId, input.memberId);
  if (!member) throw refuse(deductionRefusals.member_not_in_unit);
  const settings = await settingsAt(ctx.tx, ctx.now);
  const kind = settings.deductionKinds.find((k) => k.key === input.kindKey);
  if (!kind) throw refuse(deductionRefusals.deduction_kind_unknown, { kindKey: input.kindKey });
  if (input.occurredOn > formatDate(shanghaiDate(ctx.now))) throw refuse(deductionRefusals.date_in_future, {}, '扣分所涉日期不能晚于今天');
  const year = Number(input.occurredOn.slice(0, 4));
  if (await isYearClosed(ctx.tx, year)) throw refuse(deductionRefusals.record_year_closed, { year });
  const [row] = await ctx.tx
    .insert(deductions)
    .values({
      memberId: member.id,
      unitId,
      kindKey: kind.key,
      kindName: kind.name,
      points: input.points,
      reason: input.reason,
      occurredOn: input.occurredOn,
      recordedBy: ctx.actor?.id ?? null,
      recordedAt: ctx.now,
      appealDeadline: new Date(ctx.now.getTime() + APPEAL_WINDOW_DAYS * DAY_MS),
    })
    .returning();
  await recordEvent(ctx, { subject: 'deduction', subjectId: row!.id, action: 'recorded', note: `${kind.name}，扣 ${input.points} 分` });
  await audit(ctx, { action: 'deduction.record', entity: 'deduction', entityId: row!.id, after: row });
  return row!;
}
