import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { count, desc, eq } from 'drizzle-orm';
import { auditLog, members } from '../../db/schema';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

export function auditRoutes(services: AppServices, router: Router): Router {
  const { db } = services;

  mount(router, services, api.audit.list, async ({ query }) => {
    const where = query.entity ? eq(auditLog.entity, query.entity) : undefined;
    const [total] = await db.select({ n: count() }).from(auditLog).where(where);
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
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    return {
      items: rows.map((row) => ({ ...row, at: row.at.toISOString() })),
      total: total?.n ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  });

  return router;
}
