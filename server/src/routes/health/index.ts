import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { sql } from 'drizzle-orm';
import { mountPublic } from '../../routing/mount';
import type { AppServices } from '../../services';

/** Whether the server is up and its database answers. */
export function healthRoutes(services: AppServices, router: Router): Router {
  mountPublic(router, services, api.health.get, async ({ services: { db, database } }) => {
    await db.execute(sql`select 1`);
    return { status: 'ok' as const, db: database.kind };
  });
  return router;
}
