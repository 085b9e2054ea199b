import { z } from 'zod';
import { endpoint } from '../contract';

export const HealthResponse = z.object({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgres']),
});

export const health = {
  get: endpoint({
    method: 'GET',
    path: '/api/health',
    summary: '服务健康检查',
    access: 'public',
    response: HealthResponse,
  }),
};
