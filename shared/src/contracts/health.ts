import { z } from 'zod';
import { endpoint } from '../contract';
import { defineRefusals, refusal } from '../refusal';

/** Whether a dependency answered just now; `not_configured` for Redis when REDIS_URL is unset. */
export const Reachability = z.enum(['up', 'down']);

export const HealthResponse = z.object({
  /** `degraded` when the database or a configured Redis does not answer. */
  status: z.enum(['ok', 'degraded']),
  db: z.enum(['pglite', 'postgres']),
  database: Reachability,
  redis: z.enum(['up', 'down', 'not_configured']),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

export const healthRefusals = defineRefusals({
  /** The load balancer takes the instance out of rotation until both answer again. */
  not_ready: refusal({
    code: 'service_unavailable',
    details: z.object({ database: Reachability, redis: z.enum(['up', 'down', 'not_configured']) }),
    message: ({ database, redis }) =>
      database === 'down' ? '数据库暂时无法连接' : redis === 'down' ? 'Redis 暂时无法连接' : '服务暂时不可用',
  }),
});

export const health = {
  get: endpoint({
    method: 'GET',
    path: '/api/health',
    summary: '服务健康检查：数据库与 Redis 是否可达',
    access: 'public',
    response: HealthResponse,
  }),
  /** For a load balancer's readiness probe: 503 while the database or Redis is unreachable. */
  ready: endpoint({
    method: 'GET',
    path: '/api/health/ready',
    summary: '就绪检查（数据库或 Redis 不可达时 503）',
    access: 'public',
    response: HealthResponse,
    refusals: [healthRefusals.not_ready],
  }),
  /** For a liveness probe: answers while the process runs, whatever its dependencies do. */
  live: endpoint({
    method: 'GET',
    path: '/api/health/live',
    summary: '存活检查（进程运行即 200）',
    access: 'public',
    response: z.object({ status: z.literal('ok') }),
  }),
};
