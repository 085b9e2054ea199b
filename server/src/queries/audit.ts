import { and, desc, eq, lt } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { auditLog, members } from '../db/schema';

/** An audit entry with the name of who acted (null for the system, or an actor since removed). */
export interface AuditRow {
  id: number;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  at: Date;
}

/**
 * A page of the audit log, newest first, from just before `before` (an id) when given; `entity`
 * keeps one kind of record (`member`, `unit`, …). Read down the primary key with one row more
 * than the page, to know whether more follow: no count over the whole log.
 */
export async function listAuditEntries(
  db: Queryable,
  query: { pageSize: number; before?: number; entity?: string },
): Promise<{ items: AuditRow[]; pageSize: number; nextBefore: number | null }> {
  const rows = await db
    .select({
      id: auditLog.id,
      actorId: auditLog.actorId,
      actorName: members.name,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      at: auditLog.at,
    })
    .from(auditLog)
    .leftJoin(members, eq(members.id, auditLog.actorId))
    .where(and(query.entity ? eq(auditLog.entity, query.entity) : undefined, query.before ? lt(auditLog.id, query.before) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(query.pageSize + 1);
  const items = rows.slice(0, query.pageSize);
  return { items, pageSize: query.pageSize, nextBefore: rows.length > query.pageSize ? items[items.length - 1]!.id : null };
}
