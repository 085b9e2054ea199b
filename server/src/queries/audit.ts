import type { PageQuery } from '@zhijian/shared';
import { count, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { auditLog, members } from '../db/schema';
import { paginate, type Page } from './paginate';

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

/** The audit log, newest first; `entity` keeps one kind of record (`member`, `unit`, …). */
export async function listAuditEntries(db: Queryable, query: PageQuery & { entity?: string }): Promise<Page<AuditRow>> {
  const where = query.entity ? eq(auditLog.entity, query.entity) : undefined;
  return paginate(query, {
    count: db.select({ n: count() }).from(auditLog).where(where),
    rows: db
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
      .where(where)
      .orderBy(desc(auditLog.id))
      .$dynamic(),
  });
}
