import { z } from 'zod';
import { endpoint } from '../contract';
import { isMobilePhone, normalizePhone } from '../domain/phone';
import { parseDate } from '../domain/shanghaiTime';
import { MEMBER_KINDS } from '../domain/unitKinds';
import { defineRefusals, refusal } from '../refusal';
import { Role, ROLE_LABELS } from '../roles';
import { changesOf, Id, IdParams, Ok, PageQuery, pageOf } from './common';
import { uploadRefusals } from './uploads';

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
  /** 入党日期 (`YYYY-MM-DD`), when the roster gives it. */
  joinedPartyOn: z.string().nullable(),
});
export type MemberListItem = z.infer<typeof MemberListItem>;

export const MemberInput = z.object({
  name: z.string().trim().min(1, '请填写姓名').max(50).meta({ label: '姓名' }),
  phone: Phone.meta({ label: '手机号' }),
  kind: z.enum(MEMBER_KINDS).default('fixed').meta({ label: '党员类型' }),
  branchId: Id.nullable().optional().meta({ label: '党组织' }),
  roles: z.array(Role).min(1, '至少需要一个角色').default(['member']).meta({ label: '角色' }),
  /** Optional; not after today (checked by the server, whose clock decides). */
  joinedPartyOn: z
    .string()
    .refine((value) => parseDate(value) !== undefined, '日期格式应为 YYYY-MM-DD')
    .nullable()
    .optional()
    .meta({ label: '入党日期' }),
});
export type MemberInput = z.output<typeof MemberInput>;
/** A PATCH keeps what it leaves out: no kind or roles reset to their create-time defaults. */
export const MemberChanges = changesOf(MemberInput);
export type MemberChanges = z.output<typeof MemberChanges>;

export const MemberListQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional().meta({ label: '姓名或手机号尾号' }),
});

export const UnitParams = z.object({ unitId: Id.meta({ label: '单位' }) });

/** One problem of a roster file: which row (as the spreadsheet numbers it), which column, what is wrong. */
export const RosterProblem = z.object({ row: z.number().int(), column: z.string(), problem: z.string() });
export type RosterProblem = z.infer<typeof RosterProblem>;

export const memberRefusals = defineRefusals({
  phone_taken: refusal({ code: 'conflict', message: '本单位名册中已有这个手机号' }),
  cannot_remove_self: refusal({ code: 'conflict', message: '不能从名册中移除自己' }),
  cannot_drop_own_admin_role: refusal({ code: 'conflict', message: '不能移除自己的管理角色，请由其他管理员操作' }),
  /** Reviewer and secretariat roles are the secretariat's to grant and to take away. */
  role_reserved_for_secretariat: refusal({
    code: 'forbidden',
    details: z.object({ roles: z.array(Role) }),
    message: ({ roles }) => `${roles.map((role) => ROLE_LABELS[role]).join('、')}角色只能由秘书处授予或撤销`,
  }),
  /** Every problem of the file at once; nothing is imported while there is one. */
  roster_invalid: refusal({
    code: 'invalid_input',
    details: z.object({ rows: z.array(RosterProblem) }),
    message: ({ rows }) => `名册中有 ${rows.length} 处问题，未导入任何数据`,
  }),
});

export const RosterImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  dryRun: z.boolean(),
});

export const RosterImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((value) => value === 'true' || value === '1')
    .meta({ label: '仅预检' }),
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
    refusals: [memberRefusals.phone_taken, memberRefusals.role_reserved_for_secretariat],
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/members/:id',
    summary: '修改名册条目',
    access: ['secretariat', 'unit_admin'],
    params: IdParams,
    body: MemberChanges,
    response: MemberListItem,
    refusals: [memberRefusals.phone_taken, memberRefusals.cannot_drop_own_admin_role, memberRefusals.role_reserved_for_secretariat],
  }),
  remove: endpoint({
    method: 'DELETE',
    path: '/api/members/:id',
    summary: '从名册移除党员',
    access: ['secretariat', 'unit_admin'],
    params: IdParams,
    response: Ok,
    refusals: [memberRefusals.cannot_remove_self],
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
    refusals: [
      memberRefusals.roster_invalid,
      uploadRefusals.file_missing,
      uploadRefusals.file_empty,
      uploadRefusals.file_type_refused,
      uploadRefusals.file_unreadable,
      uploadRefusals.file_too_complex,
    ],
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
