import { z } from 'zod';
import { endpoint } from '../contract';
import { isMobilePhone, normalizePhone } from '../domain/phone';
import { MEMBER_KINDS } from '../domain/unitKinds';
import { Role } from '../roles';
import { Id, IdParams, Ok, PageQuery, pageOf } from './common';

export const Phone = z.string().transform(normalizePhone).refine(isMobilePhone, '手机号应为 11 位中国大陆手机号');

/** A roster entry as lists show it: the phone is always masked. */
export const MemberListItem = z.object({
  id: z.number().int(),
  name: z.string(),
  phoneMasked: z.string(),
  kind: z.enum(MEMBER_KINDS),
  roles: z.array(Role),
  unitId: z.number().int().nullable(),
  branchId: z.number().int().nullable(),
  branchName: z.string().nullable(),
  /** Whether a WeChat account is bound to this entry. */
  bound: z.boolean(),
});
export type MemberListItem = z.infer<typeof MemberListItem>;

export const MemberInput = z.object({
  name: z.string().trim().min(1, '请填写姓名').max(50),
  phone: Phone,
  kind: z.enum(MEMBER_KINDS).default('fixed'),
  branchId: Id.nullable().optional(),
  roles: z.array(Role).min(1, '至少需要一个角色').default(['member']),
});

export const MemberListQuery = PageQuery.extend({ q: z.string().trim().max(50).optional() });

export const UnitParams = z.object({ unitId: Id });

/** One bad row of a roster file: which row (as the spreadsheet numbers it), which column, why. */
export const RosterRowError = z.object({ row: z.number().int(), column: z.string(), reason: z.string() });
export type RosterRowError = z.infer<typeof RosterRowError>;

export const RosterImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  dryRun: z.boolean(),
});

export const RosterImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((value) => value === 'true' || value === '1'),
});

export const members = {
  list: endpoint({
    method: 'GET',
    path: '/api/units/:unitId/members',
    summary: '单位党员名册（手机号脱敏）',
    access: ['secretariat', 'unit_admin'],
    params: UnitParams,
    query: MemberListQuery,
    response: pageOf(MemberListItem),
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/units/:unitId/members',
    summary: '向名册添加党员',
    access: ['secretariat', 'unit_admin'],
    params: UnitParams,
    body: MemberInput,
    response: MemberListItem,
    status: 201,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/members/:id',
    summary: '修改名册条目',
    access: ['secretariat', 'unit_admin'],
    params: IdParams,
    body: MemberInput.partial(),
    response: MemberListItem,
  }),
  remove: endpoint({
    method: 'DELETE',
    path: '/api/members/:id',
    summary: '从名册移除党员',
    access: ['secretariat', 'unit_admin'],
    params: IdParams,
    response: Ok,
  }),
  importRoster: endpoint({
    method: 'POST',
    path: '/api/units/:unitId/members/import',
    summary: '从 Excel（xlsx）或 CSV 导入名册：全部行有效才导入',
    access: ['secretariat', 'unit_admin'],
    params: UnitParams,
    query: RosterImportQuery,
    bodyKind: 'multipart',
    maxUploadBytes: 5 * 1024 * 1024,
    response: RosterImportResult,
  }),
  exportRoster: endpoint({
    method: 'GET',
    path: '/api/units/:unitId/members/export',
    summary: '导出单位名册为 xlsx',
    access: ['secretariat', 'unit_admin'],
    params: UnitParams,
    response: z.unknown(),
    responseKind: 'binary',
  }),
};
