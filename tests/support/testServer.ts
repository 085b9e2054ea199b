import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import type { Server } from 'node:http';
import { createApiClient, fetchTransport, type ApiClient } from '@zhijian/shared';
import { createApp } from '../../server/src/app';
import { loadConfig, type Config } from '../../server/src/config';
import { createHttpServer } from '../../server/src/httpServer';
import type { DatabaseHandle } from '../../server/src/db/client';
import { createLogger } from '../../server/src/logger';
import { memoryStorage } from '../../server/src/storage/memoryStorage';
import { TestClock } from './clock';
import { FakeWechat } from './fakeWechat';
import { RecordingNotifier } from './recordingNotifier';
import { ScriptedContentChecker } from './scriptedContentChecker';
import { createTestDatabase } from './testDatabase';

export interface TestServer {
  url: string;
  database: DatabaseHandle;
  db: DatabaseHandle['db'];
  clock: TestClock;
  wechat: FakeWechat;
  notifier: RecordingNotifier;
  /** Holds text containing 违规词 (or a word given to `flag`) for review; passes the rest. */
  contentChecker: ScriptedContentChecker;
  /** Uploaded files, kept in memory. */
  storage: ReturnType<typeof memoryStorage>;
  config: Config;
  /** A client without a token. */
  client: ApiClient;
  /** A client that sends this token. */
  clientWith(token: string | undefined): ApiClient;
  close(): Promise<void>;
}

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';

/** The real app on an ephemeral port, over a database of its own. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: '/nonexistent-test-data-dir',
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SIGN_IN_RATE_PER_MINUTE: '1000',
    ...env,
  });
  const clock = new TestClock();
  const wechat = new FakeWechat();
  const notifier = new RecordingNotifier();
  const contentChecker = new ScriptedContentChecker();
  const storage = memoryStorage();
  // REDIS_URL in `env` puts the limits in Redis, as in a deployment of several instances.
  // As main.ts connects it (bootstrap.ts), except that an unreachable one is allowed: the health tests use one.
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 })
    : undefined;
  redis?.on('error', () => undefined);
  await redis?.connect().catch(() => undefined);
  const app = createApp({
    config,
    database,
    clock,
    wechat,
    notifier,
    contentChecker,
    storage,
    redis,
    logger: createLogger(config.logLevel),
  });
  const server: Server = createHttpServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientWith = (token: string | undefined) => createApiClient({ transport: fetchTransport(), baseUrl: url, getToken: () => token });
  return {
    url,
    database,
    db: database.db,
    clock,
    wechat,
    notifier,
    contentChecker,
    storage,
    config,
    client: clientWith(undefined),
    clientWith,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      redis?.disconnect();
      await database.close();
    },
  };
}
