import { z } from 'zod';
import { endpoint } from '../contract';
import { defineRefusals, refusal } from '../refusal';
import { pickedDay, pickedMonth } from './calendarFields';
import { YearQuery } from './appraisals';
import { Id } from './common';
import { UnitParams } from './members';
import { uploadRefusals } from './uploads';

/** A paid month. Amounts in fen (分) so no float ever rounds them. */
export const DuesMonth = z.object({ month: z.string(), amountCents: z.number().int(), paidOn: z.string() });

export const DuesRow = z.object({
  member: z.object({ id: z.number().int(), name: z.string(), branchName: z.string().nullable() }),
  months: z.array(DuesMonth),
  /** Unpaid months in a row up to last month (`monthsBehind`). */
  monthsBehind: z.number().int(),
});

export const DuesSheet = z.object({ year: z.number().int(), rows: z.array(DuesRow) });
export type DuesSheet = z.infer<typeof DuesSheet>;

export const MyDues = z.object({ year: z.number().int(), months: z.array(DuesMonth), monthsBehind: z.number().int() });

export const DuesInput = z.object({
  memberId: Id.meta({ label: '党员' }),
  month: pickedMonth('月份'),
  amountCents: z.number().int().min(0).max(10_000_000).meta({ label: '金额' }),
  paidOn: pickedDay('交纳日期'),
});
export type DuesInput = z.output<typeof DuesInput>;

export const DuesRemoveInput = z.object({ memberId: Id.meta({ label: '党员' }), month: pickedMonth('月份') });

/** What an import did: rows written, and every problem (nothing is written unless all rows are good). */
export const DuesImportResult = z.object({ year: z.number().int(), recorded: z.number().int(), members: z.number().int() });

export const duesRefusals = defineRefusals({
  member_not_in_unit: refusal({ code: 'invalid_input', message: '该党员不在本单位名册中' }),
  paid_before_month: refusal({ code: 'invalid_input', message: '交纳日期早于所交月份两年以上，请核对' }),
  paid_in_future: refusal({ code: 'invalid_input', message: '交纳日期不能晚于今天' }),
  dues_sheet_invalid: refusal({
    code: 'invalid_input',
    details: z.object({ rows: z.array(z.object({ row: z.number().int(), column: z.string(), problem: z.string() })) }),
    message: ({ rows }) => `党费表中有 ${rows.length} 处问题，未导入任何数据`,
  }),
});

export const dues = {
  mine: endpoint({
    method: 'GET',
    path: '/api/me/dues',
    summary: '我的党费交纳记录（按年）',
    access: ['member'],
    query: YearQuery,
    response: MyDues,
  }),
  sheet: endpoint({
    method: 'GET',
    path: '/api/units/:unitId/dues',
    summary: '本单位某年度的党费交纳表（欠交 3 个月及以上的标出）',
    access: ['unit_admin', 'secretariat'],
    params: UnitParams,
    query: YearQuery,
    response: DuesSheet,
  }),
  record: endpoint({
    method: 'PUT',
    path: '/api/units/:unitId/dues',
    summary: '登记某党员某月已交党费（再次登记即更正）',
    access: ['unit_admin'],
    params: UnitParams,
    body: DuesInput,
    response: DuesRow,
    refusals: [duesRefusals.member_not_in_unit, duesRefusals.paid_in_future, duesRefusals.paid_before_month],
  }),
  remove: endpoint({
    method: 'DELETE',
    path: '/api/units/:unitId/dues',
    summary: '撤销某党员某月的交纳登记（登记错了）',
    access: ['unit_admin'],
    params: UnitParams,
    body: DuesRemoveInput,
    response: DuesRow,
    refusals: [duesRefusals.member_not_in_unit],
  }),
  importYear: endpoint({
    method: 'POST',
    path: '/api/units/:unitId/dues/import',
    summary: '从 Excel 导入一年的党费记录（姓名、手机号、1–12 月金额；全部行有效才导入）',
    access: ['unit_admin'],
    params: UnitParams,
    query: YearQuery,
    bodyKind: 'multipart',
    maxUploadBytes: 5 * 1024 * 1024,
    response: DuesImportResult,
    refusals: [
      duesRefusals.dues_sheet_invalid,
      uploadRefusals.file_missing,
      uploadRefusals.file_empty,
      uploadRefusals.file_type_refused,
      uploadRefusals.file_unreadable,
      uploadRefusals.file_too_complex,
    ],
  }),
};
