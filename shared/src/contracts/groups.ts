import { z } from 'zod';
import { endpoint } from '../contract';
import { defineRefusals, refusal } from '../refusal';
import { changesOf, IdParams, Ok } from './common';

export const Group = z.object({
  id: z.number().int(),
  name: z.string(),
  sortOrder: z.number().int(),
  unitCount: z.number().int(),
});
export type Group = z.infer<typeof Group>;

export const GroupInput = z.object({
  name: z.string().trim().min(1, '请填写片组名称').max(50).meta({ label: '片组名称' }),
  sortOrder: z.number().int().min(0).max(1000).default(0).meta({ label: '排序' }),
});
export type GroupInput = z.output<typeof GroupInput>;
export const GroupChanges = changesOf(GroupInput);
export type GroupChanges = z.output<typeof GroupChanges>;

export const groupRefusals = defineRefusals({
  group_has_units: refusal({
    code: 'conflict',
    details: z.object({ unitCount: z.number().int() }),
    message: ({ unitCount }) => `片组内还有 ${unitCount} 个单位，请先调整到其他片组`,
  }),
});

export const groups = {
  list: endpoint({
    method: 'GET',
    path: '/api/groups',
    summary: '片组列表',
    access: 'signedIn',
    response: z.object({ items: z.array(Group) }),
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/groups',
    summary: '新建片组',
    access: ['secretariat'],
    body: GroupInput,
    response: Group,
    status: 201,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/groups/:id',
    summary: '修改片组',
    access: ['secretariat'],
    params: IdParams,
    body: GroupChanges,
    response: Group,
  }),
  remove: endpoint({
    method: 'DELETE',
    path: '/api/groups/:id',
    summary: '删除片组（片组内没有单位时）',
    access: ['secretariat'],
    params: IdParams,
    response: Ok,
    refusals: [groupRefusals.group_has_units],
  }),
};
