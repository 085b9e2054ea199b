import { z } from 'zod';
import { endpoint } from '../contract';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '../domain/auditNames';
import { CalendarDay } from './activities';
import { Id, PageQuery } from './common';

export const AuditEntry = z.object({
  id: z.number().int(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  /** The action in Chinese (`AUDIT_ACTION_NAMES`), e.g. 发布简报. */
  actionName: z.string(),
  entity: z.string(),
  /** The kind of record in Chinese (`AUDIT_ENTITY_NAMES`), e.g. 简报. */
  entityName: z.string(),
  entityId: z.string().nullable(),
  /** What changed, in a line: 「名称：甲 → 乙」, 「导出 12 行」; empty when the entry holds nothing to tell. */
  summary: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  at: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/**
 * The log grows by every change in the association (a million rows in a city-wide deployment), so
 * it is paged by position, not by number: `before` is the last id shown, and no exact total is
 * counted — only whether more entries follow. Filters narrow the same walk down the key.
 */
export const AuditListQuery = z
  .object({
    pageSize: PageQuery.shape.pageSize,
    before: Id.optional().meta({ label: '起始位置' }),
    entity: z.enum(AUDIT_ENTITIES).optional().meta({ label: '对象类型' }),
    action: z.enum(AUDIT_ACTIONS).optional().meta({ label: '操作' }),
    /** Part of the acting person's name. */
    actor: z.string().trim().min(1).max(50).optional().meta({ label: '操作人' }),
    /** Days in Shanghai, both included. */
    from: CalendarDay.optional().meta({ label: '开始日期' }),
    to: CalendarDay.optional().meta({ label: '结束日期' }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: '结束日期不能早于开始日期' });
export type AuditListQuery = z.output<typeof AuditListQuery>;

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
    summary: '管理操作审计日志（新的在前），可按操作人、操作、对象类型和日期筛选',
    access: ['secretariat'],
    query: AuditListQuery,
    response: AuditPage,
  }),
};
