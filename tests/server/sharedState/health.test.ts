import { api, healthRefusals } from '@zhijian/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused } from '../../support/refusals';
import { redisServerUrl } from '../../support/serverCluster';
import { startTestServer, type TestServer } from '../../support/testServer';

const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';

describe('health without Redis (one process)', () => {
  let server: TestServer;
  beforeAll(async () => (server = await startTestServer()));
  afterAll(async () => server.close());

  it('reports the database up and Redis not configured, ready and live', async () => {
    const healthy = { status: 'ok', db: kind, database: 'up', redis: 'not_configured' };
    expect(await server.client.call(api.health.get)).toEqual(healthy);
    expect(await server.client.call(api.health.ready)).toEqual(healthy);
    expect(await server.client.call(api.health.live)).toEqual({ status: 'ok' });
  });
});

describe('health with Redis', () => {
  it('reports Redis up when it answers', async () => {
    const server = await startTestServer({ REDIS_URL: redisServerUrl() });
    try {
      expect(await server.client.call(api.health.ready)).toMatchObject({ status: 'ok', database: 'up', redis: 'up' });
    } finally {
      await server.close();
    }
  });

  it('is not ready (503) while Redis does not answer, and still live', async () => {
    // Nothing listens on port 1.
    const server = await startTestServer({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      expect(await server.client.call(api.health.get)).toMatchObject({ status: 'degraded', database: 'up', redis: 'down' });
      const details = await expectRefused(server.client.call(api.health.ready), healthRefusals.not_ready);
      expect(details).toMatchObject({ database: 'up', redis: 'down' });
      const raw = await fetch(`${server.url}/api/health/ready`);
      expect(raw.status).toBe(503);
      expect(((await raw.json()) as { error: { message: string } }).error.message).toBe('Redis 暂时无法连接');
      expect(await server.client.call(api.health.live)).toEqual({ status: 'ok' });
    } finally {
      await server.close();
    }
  });
});

describe('health without its database', () => {
  it('is not ready (503) once the database is gone, and still live', async () => {
    const server = await startTestServer();
    await server.database.close();
    try {
      expect(await server.client.call(api.health.get)).toMatchObject({ status: 'degraded', database: 'down' });
      const details = await expectRefused(server.client.call(api.health.ready), healthRefusals.not_ready);
      expect(details).toMatchObject({ database: 'down' });
      expect(await server.client.call(api.health.live)).toEqual({ status: 'ok' });
    } finally {
      // Closed already: close the HTTP side only.
      server.database.close = async () => undefined;
      await server.close();
    }
  });
});
