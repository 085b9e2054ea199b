import { z } from 'zod';
import { endpoint } from '../contract';
import { UNIT_KINDS } from '../domain/unitKinds';
import { changesOf, Id, IdParams, PageQuery, pageOf } from './common';

export const Unit = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  groupId: z.number().int(),
  groupName: z.string(),
  memberCount: z.number().int(),
});
export type Unit = z.infer<typeof Unit>;

/** What the secretariat and the unit's own admin see: includes the invite code members bind with. */
export const UnitDetail = Unit.extend({
  inviteCode: z.string(),
  branches: z.array(z.object({ id: z.number().int(), name: z.string() })),
});
export type UnitDetail = z.infer<typeof UnitDetail>;

export const UnitInput = z.object({
  name: z.string().trim().min(2, '单位名称至少 2 个字').max(100).meta({ label: '单位名称' }),
  kind: z.enum(UNIT_KINDS).meta({ label: '单位类型' }),
  groupId: Id.meta({ label: '片组' }),
});
export type UnitInput = z.output<typeof UnitInput>;
export const UnitChanges = changesOf(UnitInput);
export type UnitChanges = z.output<typeof UnitChanges>;

export const UnitListQuery = PageQuery.extend({
  groupId: Id.optional().meta({ label: '片组' }),
  q: z.string().trim().max(50).optional().meta({ label: '单位名称' }),
});

export const BranchInput = z.object({ name: z.string().trim().min(1, '请填写党组织名称').max(100).meta({ label: '党组织名称' }) });
export type BranchInput = z.output<typeof BranchInput>;
export const Branch = z.object({ id: z.number().int(), unitId: z.number().int(), name: z.string() });

export const units = {
  list: endpoint({
    method: 'GET',
    path: '/api/units',
    summary: '会员单位列表',
    access: ['secretariat'],
    query: UnitListQuery,
    response: pageOf(Unit),
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/units/:id',
    summary: '单位详情（秘书处或本单位党务工作者）',
    access: ['secretariat', 'unit_admin'],
    params: IdParams,
    response: UnitDetail,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/units',
    summary: '新建会员单位',
    access: ['secretariat'],
    body: UnitInput,
    response: UnitDetail,
    status: 201,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/units/:id',
    summary: '修改会员单位',
    access: ['secretariat'],
    params: IdParams,
    body: UnitChanges,
    response: UnitDetail,
  }),
  rotateInviteCode: endpoint({
    method: 'POST',
    path: '/api/units/:id/invite-code',
    summary: '重新生成单位邀请码（旧码失效）',
    access: ['secretariat', 'unit_admin'],
    params: IdParams,
    response: UnitDetail,
  }),
  createBranch: endpoint({
    method: 'POST',
    path: '/api/units/:id/branches',
    summary: '新增党组织（支部）',
    access: ['secretariat', 'unit_admin'],
    params: IdParams,
    body: BranchInput,
    response: Branch,
    status: 201,
  }),
};
