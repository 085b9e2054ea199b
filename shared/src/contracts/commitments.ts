import { z } from 'zod';
import { endpoint } from '../contract';
import { CommitmentStatus } from '../domain/aie';
import { defineRefusals, refusal } from '../refusal';
import { pickedDay } from './calendarFields';
import { IdParams, Ok, PageQuery, pageOf } from './common';
import { UnitParams } from './members';
import { CommitmentSummary } from './profiles';
import { uploadRefusals } from './uploads';

export const CommitmentPhoto = z.object({ id: z.number().int(), width: z.number().int().nullable(), height: z.number().int().nullable() });

export const Commitment = CommitmentSummary.extend({
  member: z.object({ id: z.number().int(), name: z.string() }),
  unitId: z.number().int(),
  heldReason: z.string().nullable(),
  reportNote: z.string().nullable(),
  reportedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  photos: z.array(CommitmentPhoto),
  createdAt: z.string(),
});
export type Commitment = z.infer<typeof Commitment>;

export const CommitmentInput = z.object({
  title: z.string().trim().min(2, '请写明承诺（至少 2 个字）').max(40).meta({ label: '承诺' }),
  content: z.string().trim().min(5, '请写明具体内容（至少 5 个字）').max(500).meta({ label: '具体内容' }),
  dueOn: pickedDay('完成期限'),
});
export type CommitmentInput = z.output<typeof CommitmentInput>;

export const CommitmentReport = z.object({
  note: z.string().trim().min(5, '请写明践诺情况（至少 5 个字）').max(1000).meta({ label: '践诺情况' }),
});

export const CommitmentDecision = z
  .object({
    kept: z.boolean().meta({ label: '是否完成' }),
    note: z.string().trim().max(500).optional().meta({ label: '说明' }),
  })
  .refine((d) => d.kept || (d.note !== undefined && d.note.length >= 2), { path: ['note'], message: '认定未完成时请写明理由' });
export type CommitmentDecision = z.output<typeof CommitmentDecision>;

export const CommitmentReview = z.object({ approve: z.boolean().meta({ label: '是否通过' }) });

export const CommitmentUnitQuery = PageQuery.extend({
  status: CommitmentStatus.optional().meta({ label: '状态' }),
  /** `review`: held text, and reports waiting for confirmation. */
  view: z.enum(['all', 'review']).default('all').meta({ label: '范围' }),
});

export const commitmentRefusals = defineRefusals({
  too_many_commitments: refusal({
    code: 'conflict',
    details: z.object({ limit: z.number().int() }),
    message: ({ limit }) => `每年最多作出 ${limit} 项承诺`,
  }),
  due_out_of_year: refusal({ code: 'invalid_input', message: '完成期限应在今天到本年底之间' }),
  commitment_not_own: refusal({ code: 'forbidden', message: '只能管理自己的承诺' }),
  commitment_wrong_state: refusal({
    code: 'conflict',
    details: z.object({ status: CommitmentStatus }),
    message: '承诺当前的状态不允许此操作',
  }),
  nothing_to_review: refusal({ code: 'conflict', message: '这项承诺没有待审核的内容' }),
});

export const commitments = {
  mine: endpoint({
    method: 'GET',
    path: '/api/me/commitments',
    summary: '我的承诺',
    access: ['member'],
    query: PageQuery,
    response: pageOf(Commitment),
  }),
  make: endpoint({
    method: 'POST',
    path: '/api/me/commitments',
    summary: '作出承诺（每年最多 3 项）',
    access: ['member'],
    body: CommitmentInput,
    response: Commitment,
    status: 201,
    refusals: [commitmentRefusals.too_many_commitments, commitmentRefusals.due_out_of_year],
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/commitments/:id',
    summary: '一项承诺',
    access: 'signedIn',
    params: IdParams,
    response: Commitment,
  }),
  report: endpoint({
    method: 'POST',
    path: '/api/commitments/:id/report',
    summary: '报告践诺情况（待本单位党务工作者确认）',
    access: ['member'],
    params: IdParams,
    body: CommitmentReport,
    response: Commitment,
    refusals: [commitmentRefusals.commitment_not_own, commitmentRefusals.commitment_wrong_state],
  }),
  uploadPhoto: endpoint({
    method: 'POST',
    path: '/api/commitments/:id/photos',
    summary: '为承诺上传践诺照片（最多 9 张）',
    access: ['member'],
    params: IdParams,
    bodyKind: 'multipart',
    maxUploadBytes: 5 * 1024 * 1024,
    response: CommitmentPhoto,
    status: 201,
    refusals: [
      commitmentRefusals.commitment_not_own,
      commitmentRefusals.commitment_wrong_state,
      uploadRefusals.file_missing,
      uploadRefusals.file_empty,
      uploadRefusals.file_type_refused,
      uploadRefusals.file_unreadable,
      uploadRefusals.file_too_complex,
      uploadRefusals.too_many_files,
    ],
  }),
  photo: endpoint({
    method: 'GET',
    path: '/api/commitment-photos/:id',
    summary: '承诺的践诺照片',
    access: 'signedIn',
    params: IdParams,
    response: z.unknown(),
    responseKind: 'binary',
  }),
  listForUnit: endpoint({
    method: 'GET',
    path: '/api/units/:unitId/commitments',
    summary: '本单位的承诺（待确认、待审核在前）',
    access: ['unit_admin', 'secretariat'],
    params: UnitParams,
    query: CommitmentUnitQuery,
    response: pageOf(Commitment),
  }),
  decide: endpoint({
    method: 'POST',
    path: '/api/commitments/:id/decision',
    summary: '确认践诺（已完成）或认定未完成（写明理由）',
    access: ['unit_admin'],
    params: IdParams,
    body: CommitmentDecision,
    response: Commitment,
    refusals: [commitmentRefusals.commitment_wrong_state],
  }),
  review: endpoint({
    method: 'POST',
    path: '/api/commitments/:id/review',
    summary: '审核待审核的承诺内容（不通过则撤下，不计入当年承诺）',
    access: ['unit_admin'],
    params: IdParams,
    body: CommitmentReview,
    response: Ok,
    refusals: [commitmentRefusals.nothing_to_review],
  }),
};
