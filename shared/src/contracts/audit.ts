import { z } from 'zod';
import { endpoint } from '../contract';
import { Id, PageQuery } from './common';

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

/**
 * The log grows by every change in the association (a million rows in a city-wide deployment), so
 * it is paged by position, not by number: `before` is the last id shown, and no exact total is
 * counted — only whether more entries follow.
 */
export const AuditListQuery = z.object({
  pageSize: PageQuery.shape.pageSize,
  before: Id.optional().meta({ label: '起始位置' }),
  entity: z.string().trim().max(50).optional().meta({ label: '对象类型' }),
});

export const AuditPage = z.object({
  items: z.array(AuditEntry),
  pageSize: z.number().int().min(1),
  /** The `before` of the next page, or null at the log's start. */
  nextBefore: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;

export const audit = {
  list: endpoint({
    method: 'GET',
    path: '/api/audit',
    summary: '管理操作审计日志（新的在前）',
    access: ['secretariat'],
    query: AuditListQuery,
    response: AuditPage,
  }),
};
