import { z } from 'zod';
import { endpoint } from '../contract';
import { DEDUCTION_POINTS, DeductionPhase } from '../domain/record';
import { defineRefusals, refusal } from '../refusal';
import { pickedDay } from './calendarFields';
import { RecordEvent } from './bonuses';
import { Id, IdParams, PageQuery, pageOf } from './common';
import { UnitParams } from './members';

export const Deduction = z.object({
  id: z.number().int(),
  member: z.object({ id: z.number().int(), name: z.string() }),
  unitId: z.number().int(),
  kindKey: z.string(),
  kindName: z.string(),
  points: z.number().int(),
  reason: z.string(),
  occurredOn: z.string(),
  /** Where it stands now, by the server's clock. */
  phase: DeductionPhase,
  phaseLabel: z.string(),
  recordedAt: z.string(),
  appealDeadline: z.string(),
  appeal: z.object({ text: z.string(), at: z.string() }).nullable(),
  decisionNote: z.string().nullable(),
  /** For the member: an appeal is still possible (once, before the deadline). */
  appealable: z.boolean(),
  timeline: z.array(RecordEvent),
});
export type Deduction = z.infer<typeof Deduction>;

export const DeductionInput = z.object({
  memberId: Id.meta({ label: '党员' }),
  kindKey: z.string().trim().min(1, '请选择扣分项目').max(40).meta({ label: '扣分项目' }),
  points: z.number().int().min(DEDUCTION_POINTS.min).max(DEDUCTION_POINTS.max).meta({ label: '扣分' }),
  reason: z.string().trim().min(5, '请写明扣分理由（至少 5 个字）').max(500).meta({ label: '理由' }),
  occurredOn: pickedDay('发生日期'),
});
export type DeductionInput = z.output<typeof DeductionInput>;

export const AppealInput = z.object({
  text: z.string().trim().min(5, '请写明申诉理由（至少 5 个字）').max(1000).meta({ label: '申诉理由' }),
});
export const AppealDecision = z.object({
  uphold: z.boolean().meta({ label: '是否维持' }),
  note: z.string().trim().min(2, '请写明处理理由').max(500).meta({ label: '处理理由' }),
});
export type AppealDecision = z.output<typeof AppealDecision>;

export const DeductionListQuery = PageQuery.extend({
  phase: DeductionPhase.optional().meta({ label: '状态' }),
  memberId: Id.optional().meta({ label: '党员' }),
});

/** 纪律处分: that year's index is 0 (清零); visible to the secretariat. */
export const Sanction = z.object({
  id: z.number().int(),
  member: z.object({ id: z.number().int(), name: z.string() }),
  unit: z.object({ id: z.number().int(), name: z.string() }),
  year: z.number().int(),
  description: z.string(),
  decidedOn: z.string(),
  recordedAt: z.string(),
});
export type Sanction = z.infer<typeof Sanction>;

export const SanctionInput = z.object({
  memberId: Id.meta({ label: '党员' }),
  year: z.number().int().min(2000).max(2100).meta({ label: '年度' }),
  description: z.string().trim().min(5, '请写明处分内容（至少 5 个字）').max(500).meta({ label: '处分内容' }),
  decidedOn: pickedDay('处分日期'),
});
export type SanctionInput = z.output<typeof SanctionInput>;

export const deductionRefusals = defineRefusals({
  deduction_kind_unknown: refusal({
    code: 'invalid_input',
    details: z.object({ kindKey: z.string() }),
    message: '没有这个扣分项目，请重新选择',
  }),
  member_not_in_unit: refusal({ code: 'invalid_input', message: '该党员不在本单位名册中' }),
  date_in_future: refusal({ code: 'invalid_input', message: '日期不能晚于今天' }),
  appeal_window_closed: refusal({
    code: 'deadline_passed',
    details: z.object({ appealDeadline: z.string() }),
    message: '申诉期已过，扣分已生效',
  }),
  already_appealed: refusal({ code: 'conflict', message: '每条扣分只能申诉一次' }),
  not_appealed: refusal({ code: 'conflict', details: z.object({ phase: DeductionPhase }), message: '该扣分没有待处理的申诉' }),
  deduction_not_own: refusal({ code: 'forbidden', message: '只能查看和申诉自己的扣分' }),
  record_year_closed: refusal({
    code: 'conflict',
    details: z.object({ year: z.number().int() }),
    message: ({ year }) => `${year} 年度先锋指数已结账，不能再记录该年度的扣分或处分`,
  }),
});

export const deductions = {
  mine: endpoint({
    method: 'GET',
    path: '/api/me/deductions',
    summary: '我的扣分记录（含申诉期内的）',
    access: ['member'],
    query: PageQuery,
    response: pageOf(Deduction),
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/deductions/:id',
    summary: '一条扣分记录（本人、本单位党务工作者）',
    access: 'signedIn',
    params: IdParams,
    response: Deduction,
    refusals: [deductionRefusals.deduction_not_own],
  }),
  record: endpoint({
    method: 'POST',
    path: '/api/units/:unitId/deductions',
    summary: '记录反向扣分（1–5 分；7 天申诉期后生效）',
    access: ['unit_admin'],
    params: UnitParams,
    body: DeductionInput,
    response: Deduction,
    status: 201,
    refusals: [
      deductionRefusals.deduction_kind_unknown,
      deductionRefusals.member_not_in_unit,
      deductionRefusals.date_in_future,
      deductionRefusals.record_year_closed,
    ],
  }),
  listForUnit: endpoint({
    method: 'GET',
    path: '/api/units/:unitId/deductions',
    summary: '本单位的扣分记录（申诉中在前）',
    access: ['unit_admin', 'secretariat'],
    params: UnitParams,
    query: DeductionListQuery,
    response: pageOf(Deduction),
  }),
  appeal: endpoint({
    method: 'POST',
    path: '/api/deductions/:id/appeal',
    summary: '在申诉期内申诉（一次）',
    access: ['member'],
    params: IdParams,
    body: AppealInput,
    response: Deduction,
    refusals: [deductionRefusals.deduction_not_own, deductionRefusals.appeal_window_closed, deductionRefusals.already_appealed],
  }),
  decideAppeal: endpoint({
    method: 'POST',
    path: '/api/deductions/:id/appeal-decision',
    summary: '处理申诉：维持扣分或撤销，并写明理由',
    access: ['unit_admin'],
    params: IdParams,
    body: AppealDecision,
    response: Deduction,
    refusals: [deductionRefusals.not_appealed],
  }),
  recordSanction: endpoint({
    method: 'POST',
    path: '/api/units/:unitId/sanctions',
    summary: '记录纪律处分（该年度先锋指数清零，秘书处可见）',
    access: ['unit_admin'],
    params: UnitParams,
    body: SanctionInput,
    response: Sanction,
    status: 201,
    refusals: [deductionRefusals.member_not_in_unit, deductionRefusals.date_in_future, deductionRefusals.record_year_closed],
  }),
  listSanctions: endpoint({
    method: 'GET',
    path: '/api/sanctions',
    summary: '纪律处分记录（秘书处看全部，党务工作者看本单位）',
    access: ['secretariat', 'unit_admin'],
    query: PageQuery.extend({ year: z.coerce.number().int().min(2000).max(2100).optional().meta({ label: '年度' }) }),
    response: pageOf(Sanction),
  }),
};
