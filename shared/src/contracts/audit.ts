import { z } from 'zod';
import { endpoint } from '../contract';
import { PageQuery, pageOf } from './common';

export const AuditEntry = z.object({
  id: z.number().int(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  at: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditListQuery = PageQuery.extend({
  entity: z.string().trim().max(50).optional().meta({ label: '对象类型' }),
});

export const audit = {
  list: endpoint({
    method: 'GET',
    path: '/api/audit',
    summary: '管理操作审计日志（新的在前）',
    access: ['secretariat'],
    query: AuditListQuery,
    response: pageOf(AuditEntry),
  }),
};
