import { z } from 'zod';
import { endpoint } from '../contract';
import { AppraisalTier } from '../domain/record';
import { defineRefusals, refusal } from '../refusal';
import { pickedDay } from './calendarFields';
import { Id } from './common';
import { UnitParams } from './members';

export const Year = z.coerce.number().int().min(2000).max(2100).meta({ label: '年度' });
export const YearQuery = z.object({ year: Year });

/** One member's 民主评议 of a year, as the unit's list shows it (no tier yet: null). */
export const AppraisalRow = z.object({
  member: z.object({ id: z.number().int(), name: z.string(), branchName: z.string().nullable() }),
  tier: AppraisalTier.nullable(),
  tierLabel: z.string().nullable(),
  meetingOn: z.string().nullable(),
  /** The advisory index tier as of the end of last month, to set beside the branch's decision. */
  indexTier: z.string().nullable(),
});

export const AppraisalSheet = z.object({ year: z.number().int(), rows: z.array(AppraisalRow) });
export type AppraisalSheet = z.infer<typeof AppraisalSheet>;

export const AppraisalInput = z.object({
  year: Year,
  meetingOn: pickedDay('评议会日期'),
  items: z
    .array(z.object({ memberId: Id.meta({ label: '党员' }), tier: AppraisalTier.meta({ label: '评议等次' }) }))
    .min(1, '请至少评定一名党员')
    .max(500),
});
export type AppraisalInput = z.output<typeof AppraisalInput>;

export const appraisalRefusals = defineRefusals({
  members_not_in_unit: refusal({
    code: 'invalid_input',
    details: z.object({ memberIds: z.array(z.number().int()) }),
    message: '名单中有不属于本单位的党员',
  }),
  meeting_in_future: refusal({ code: 'invalid_input', message: '评议会日期不能晚于今天' }),
  meeting_outside_year: refusal({
    code: 'invalid_input',
    message: '评议会应在该年度内或次年第一季度召开',
  }),
});

export const appraisals = {
  sheet: endpoint({
    method: 'GET',
    path: '/api/units/:unitId/appraisals',
    summary: '本单位某年度的民主评议（每名党员一行）',
    access: ['unit_admin', 'secretariat'],
    params: UnitParams,
    query: YearQuery,
    response: AppraisalSheet,
  }),
  record: endpoint({
    method: 'PUT',
    path: '/api/units/:unitId/appraisals',
    summary: '记录民主评议结果（评议会日期与每名党员的等次；再次提交即更正）',
    access: ['unit_admin'],
    params: UnitParams,
    body: AppraisalInput,
    response: AppraisalSheet,
    refusals: [appraisalRefusals.members_not_in_unit, appraisalRefusals.meeting_in_future, appraisalRefusals.meeting_outside_year],
  }),
};
