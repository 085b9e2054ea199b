import { addDays, parseDate, shanghaiInstant, type AuditListQuery } from '@zhijian/shared';
import { and, desc, eq, gte, lt } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { auditLog, members } from '../db/schema';
import { containsText } from './textSearch';

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

/** The instant a Shanghai day starts: `2026-09-01` → 2026-08-31T16:00Z. */
function dayStart(day: string, offsetDays = 0): Date {
  return shanghaiInstant(addDays(parseDate(day)!, offsetDays), '00:00');
}

/**
 * A page of the audit log, newest first, from just before `before` (an id) when given, narrowed by
 * kind of record, action, part of the actor's name and a range of Shanghai days. Read down the
 * primary key with one row more than the page, to know whether more follow: no count over the
 * whole log, and a filter only skips rows on the same walk.
 */
export async function listAuditEntries(
  db: Queryable,
  query: Omit<AuditListQuery, 'pageSize'> & { pageSize: number },
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
    .where(
      and(
        query.entity ? eq(auditLog.entity, query.entity) : undefined,
        query.action ? eq(auditLog.action, query.action) : undefined,
        query.actor ? containsText(query.actor, members.name) : undefined,
        query.from ? gte(auditLog.at, dayStart(query.from)) : undefined,
        query.to ? lt(auditLog.at, dayStart(query.to, 1)) : undefined,
        query.before ? lt(auditLog.id, query.before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(query.pageSize + 1);
  const items = rows.slice(0, query.pageSize);
  return { items, pageSize: query.pageSize, nextBefore: rows.length > query.pageSize ? items[items.length - 1]!.id : null };
}
