import { z } from 'zod';
import { endpoint } from '../contract';
import { BonusStatus } from '../domain/record';
import { defineRefusals, refusal } from '../refusal';
import { pickedDay } from './calendarFields';
import { IdParams, Id, PageQuery, pageOf } from './common';
import { UnitParams } from './members';
import { uploadRefusals } from './uploads';

/** A step of a claim's or a deduction's timeline. */
export const RecordEvent = z.object({
  action: z.string(),
  label: z.string(),
  actor: z.string(),
  note: z.string().nullable(),
  at: z.string(),
});
export type RecordEvent = z.infer<typeof RecordEvent>;

export const BonusPhoto = z.object({ id: z.number().int(), width: z.number().int().nullable(), height: z.number().int().nullable() });

export const BonusClaim = z.object({
  id: z.number().int(),
  member: z.object({ id: z.number().int(), name: z.string() }),
  unitId: z.number().int(),
  kindKey: z.string(),
  kindName: z.string(),
  occurredOn: z.string(),
  description: z.string(),
  status: BonusStatus,
  statusLabel: z.string(),
  points: z.number().int().nullable(),
  decisionNote: z.string().nullable(),
  photos: z.array(BonusPhoto),
  timeline: z.array(RecordEvent),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type BonusClaim = z.infer<typeof BonusClaim>;

export const BonusClaimInput = z.object({
  kindKey: z.string().trim().min(1, '请选择加分项目').max(40).meta({ label: '加分项目' }),
  occurredOn: pickedDay('事迹日期'),
  description: z.string().trim().min(5, '请写明具体事迹（至少 5 个字）').max(1000).meta({ label: '事迹说明' }),
});
export type BonusClaimInput = z.output<typeof BonusClaimInput>;

export const BonusDecision = z
  .object({
    approve: z.boolean().meta({ label: '是否认定' }),
    /** On approval: within the kind's range. */
    points: z.number().int().min(1).max(20).optional().meta({ label: '认定分值' }),
    note: z.string().trim().max(500).optional().meta({ label: '说明' }),
  })
  .refine((d) => !d.approve || d.points !== undefined, { path: ['points'], message: '认定时请填写分值' })
  .refine((d) => d.approve || (d.note !== undefined && d.note.length >= 2), { path: ['note'], message: '不予认定时请写明理由' });
export type BonusDecision = z.output<typeof BonusDecision>;

export const BonusListQuery = PageQuery.extend({
  status: BonusStatus.optional().meta({ label: '状态' }),
  memberId: Id.optional().meta({ label: '党员' }),
});

export const MAX_BONUS_PHOTOS = 9;

export const bonusRefusals = defineRefusals({
  bonus_kind_unknown: refusal({
    code: 'invalid_input',
    details: z.object({ kindKey: z.string() }),
    message: '没有这个加分项目，请重新选择',
  }),
  bonus_date_in_future: refusal({ code: 'invalid_input', message: '事迹日期不能晚于今天' }),
  bonus_year_closed: refusal({
    code: 'conflict',
    details: z.object({ year: z.number().int() }),
    message: ({ year }) => `${year} 年度先锋指数已结账，不能再申报或认定该年度的加分`,
  }),
  bonus_already_decided: refusal({ code: 'conflict', details: z.object({ status: BonusStatus }), message: '该加分申报已审核，不能再修改' }),
  bonus_points_out_of_range: refusal({
    code: 'invalid_input',
    details: z.object({ min: z.number().int(), max: z.number().int() }),
    message: ({ min, max }) => `该项目的分值应在 ${min}–${max} 分之间`,
  }),
  bonus_not_own: refusal({ code: 'forbidden', message: '只能查看和管理自己的加分申报' }),
});

export const bonuses = {
  mine: endpoint({
    method: 'GET',
    path: '/api/me/bonuses',
    summary: '我的加分申报',
    access: ['member'],
    query: PageQuery,
    response: pageOf(BonusClaim),
  }),
  declare: endpoint({
    method: 'POST',
    path: '/api/me/bonuses',
    summary: '申报正向加分（本单位党务工作者审核）',
    access: ['member'],
    body: BonusClaimInput,
    response: BonusClaim,
    status: 201,
    refusals: [bonusRefusals.bonus_kind_unknown, bonusRefusals.bonus_date_in_future, bonusRefusals.bonus_year_closed],
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/bonuses/:id',
    summary: '一条加分申报（本人、本单位党务工作者）',
    access: 'signedIn',
    params: IdParams,
    response: BonusClaim,
    refusals: [bonusRefusals.bonus_not_own],
  }),
  uploadPhoto: endpoint({
    method: 'POST',
    path: '/api/bonuses/:id/photos',
    summary: '为待审核的加分申报上传照片（最多 9 张）',
    access: ['member'],
    params: IdParams,
    bodyKind: 'multipart',
    maxUploadBytes: 5 * 1024 * 1024,
    response: BonusPhoto,
    status: 201,
    refusals: [
      bonusRefusals.bonus_not_own,
      bonusRefusals.bonus_already_decided,
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
    path: '/api/bonus-photos/:id',
    summary: '加分申报的照片（本人、本单位党务工作者）',
    access: 'signedIn',
    params: IdParams,
    response: z.unknown(),
    responseKind: 'binary',
    refusals: [bonusRefusals.bonus_not_own],
  }),
  listForUnit: endpoint({
    method: 'GET',
    path: '/api/units/:unitId/bonuses',
    summary: '本单位的加分申报（待审核在前）',
    access: ['unit_admin', 'secretariat'],
    params: UnitParams,
    query: BonusListQuery,
    response: pageOf(BonusClaim),
  }),
  decide: endpoint({
    method: 'POST',
    path: '/api/bonuses/:id/decision',
    summary: '认定（在项目分值范围内给分）或不予认定（写明理由）',
    access: ['unit_admin'],
    params: IdParams,
    body: BonusDecision,
    response: BonusClaim,
    refusals: [bonusRefusals.bonus_already_decided, bonusRefusals.bonus_points_out_of_range, bonusRefusals.bonus_year_closed],
  }),
};
