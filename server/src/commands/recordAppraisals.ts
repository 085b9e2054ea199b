import { appraisalRefusals, commonRefusals, formatDate, shanghaiDate, type AppraisalInput } from '@zhijian/shared';
import { sql } from 'drizzle-orm';
import { appraisals } from '../db/schema';
import { refuse } from '../errors';
import { appraisalsOf } from '../queries/appraisals';
import { rosterBranchesAmong } from '../queries/recordMembers';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * The branch's 民主评议 of a year, as the unit admin records it after the meeting: a tier per member
 * of the unit, with the meeting's date (not after today; within the year or the first quarter of
 * the next, when reviews of a year are held). One row per member and year: recording again corrects it.
 */
export async function recordAppraisals(ctx: CommandContext, { unitId, input }: { unitId: number; input: AppraisalInput }): Promise<void> {
  if (input.meetingOn > formatDate(shanghaiDate(ctx.now))) throw refuse(appraisalRefusals.meeting_in_future);
  if (input.meetingOn < `${input.year}-01-01` || input.meetingOn > `${input.year + 1}-03-31`) {
    throw refuse(
      appraisalRefusals.meeting_outside_year,
      {},
      `${input.year} 年度的民主评议会应在 ${input.year} 年内或 ${input.year + 1} 年第一季度召开`,
    );
  }
  const ids = input.items.map((item) => item.memberId);
  const repeated = ids.findIndex((id, index) => ids.indexOf(id) !== index);
  if (repeated >= 0) {
    throw refuse(commonRefusals.invalid_fields, { issues: [{ path: `body.items.${repeated}.memberId`, message: '同一党员只能评定一次' }] });
  }
  const branchOf = await rosterBranchesAmong(ctx.tx, unitId, ids);
  const outside = ids.filter((id) => !branchOf.has(id));
  if (outside.length) throw refuse(appraisalRefusals.members_not_in_unit, { memberIds: outside });
  const before = await appraisalsOf(ctx.tx, input.year, ids);
  const values = input.items.map((item) => ({
    memberId: item.memberId,
    unitId,
    branchId: branchOf.get(item.memberId) ?? null,
    year: input.year,
    tier: item.tier,
    meetingOn: input.meetingOn,
    recordedBy: ctx.actor?.id ?? null,
    recordedAt: ctx.now,
  }));
  await ctx.tx
    .insert(appraisals)
    .values(values)
    .onConflictDoUpdate({
      target: [appraisals.memberId, appraisals.year],
      set: {
        unitId: sql`excluded.unit_id`,
        branchId: sql`excluded.branch_id`,
        tier: sql`excluded.tier`,
        meetingOn: sql`excluded.meeting_on`,
        recordedBy: sql`excluded.recorded_by`,
        recordedAt: sql`excluded.recorded_at`,
      },
    });
  await audit(ctx, {
    action: 'appraisal.record',
    entity: 'unit',
    entityId: unitId,
    before: before.map((row) => ({ memberId: row.memberId, tier: row.tier, meetingOn: row.meetingOn })),
    after: { year: input.year, meetingOn: input.meetingOn, items: input.items },
  });
}
