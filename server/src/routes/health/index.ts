import type Router from '@koa/router';
import { api, healthRefusals, type HealthResponse } from '@zhijian/shared';
import { sql } from 'drizzle-orm';
import { refuse } from '../../errors';
import { mountPublic } from '../../routing/mount';
import type { AppServices } from '../../services';

/** A dependency that has not answered in this long is down, as far as a load balancer cares. */
const PROBE_TIMEOUT_MS = 2000;

async function answers(probe: () => Promise<unknown>): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'down'>((resolve) => (timer = setTimeout(() => resolve('down'), PROBE_TIMEOUT_MS)));
  try {
    return await Promise.race([probe().then(() => 'up' as const), timeout]);
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

async function report({ db, database, redis }: AppServices): Promise<HealthResponse> {
  const [databaseState, redisState] = await Promise.all([
    answers(() => db.execute(sql`select 1`)),
    redis ? answers(() => redis.ping()) : Promise.resolve('not_configured' as const),
  ]);
  const status = databaseState === 'up' && redisState !== 'down' ? 'ok' : 'degraded';
  return { status, db: database.kind, database: databaseState, redis: redisState };
}

/**
 * Health for people and load balancers: the report (always 200), readiness (503 while the
 * database or a configured Redis does not answer) and liveness (200 while the process runs).
 */
export function healthRoutes(services: AppServices, router: Router): Router {
  mountPublic(router, services, api.health.get, () => report(services));

  mountPublic(router, services, api.health.ready, async () => {
    const health = await report(services);
    if (health.status !== 'ok') throw refuse(healthRefusals.not_ready, { database: health.database, redis: health.redis });
    return health;
  });

  mountPublic(router, services, api.health.live, async () => ({ status: 'ok' as const }));
  return router;
}
