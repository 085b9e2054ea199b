import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createApiClient, fetchTransport } from '@zhijian/shared';
import { openDatabase, type DatabaseHandle } from '../../server/src/db/client';
import { loadConfig } from '../../server/src/config';
import { memoryStorage } from '../../server/src/storage/memoryStorage';
import { TestClock } from './clock';
import { RecordingNotifier } from './recordingNotifier';
import { createServerDatabase, postgresServerUrl } from './testDatabase';
import { startServerProcess, type ServerProcess } from './serverProcess';
import { TEST_JWT_SECRET, type TestServer } from './testServer';

/** The Redis the shared-state tests use: REDIS_URL when set, else the local one (`.ci/run` starts it). */
export function redisServerUrl(): string {
  return process.env.REDIS_URL || 'redis://127.0.0.1:6379';
}

export interface ServerCluster {
  instances: ServerProcess[];
  /** The database they share, opened by the test for seeding and counting. */
  database: DatabaseHandle;
  /** Every Redis key this cluster writes starts with it, so runs never meet. */
  redisKeyPrefix: string;
  /**
   * The cluster as the factories see one server (`signedInMember`, `openCall`): its database,
   * a clock at the real time (the processes run on the system clock) and clients of instance `i`.
   */
  asTestServer(i: number): TestServer;
  close(): Promise<void>;
}

/**
 * `count` server processes as an operator runs them behind a load balancer: the real server
 * (`node --import tsx server/src/main.ts`) on one new PostgreSQL database, one Redis, files in
 * the database (STORAGE=postgres), started at once — they migrate the empty database between them.
 */
export async function startServerCluster(count: number, env: Record<string, string> = {}): Promise<ServerCluster> {
  const fresh = await createServerDatabase(postgresServerUrl());
  const redisKeyPrefix = `zj-test-${randomBytes(4).toString('hex')}:`;
  const dataDirs = Array.from({ length: count }, () => mkdtempSync(path.join(tmpdir(), 'zhijian-cluster-')));
  const instances: ServerProcess[] = [];
  const started = await Promise.allSettled(
    dataDirs.map((dataDir) =>
      startServerProcess({
        how: 'node',
        dataDir,
        databaseUrl: fresh.url,
        env: {
          JWT_SECRET: TEST_JWT_SECRET,
          REDIS_URL: redisServerUrl(),
          REDIS_KEY_PREFIX: redisKeyPrefix,
          STORAGE: 'postgres',
          DEMO_DATA: 'false',
          ...env,
        },
      }).then((instance) => (instances.push(instance), instance)),
    ),
  );
  const stopAll = async () => {
    for (const instance of instances) instance.child.kill('SIGTERM');
    await Promise.all(instances.map((instance) => instance.closed));
    for (const dataDir of dataDirs) rmSync(dataDir, { recursive: true, force: true });
  };
  const failed = started.find((outcome) => outcome.status === 'rejected');
  if (failed) {
    await stopAll();
    await fresh.drop();
    throw (failed as PromiseRejectedResult).reason;
  }
  const ordered = started.map((outcome) => (outcome as PromiseFulfilledResult<ServerProcess>).value);
  const database = await openDatabase({ databaseUrl: fresh.url });
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: '/nonexistent-test-data-dir', JWT_SECRET: TEST_JWT_SECRET, ...env });
  const notifier = new RecordingNotifier();
  const storage = memoryStorage();
  return {
    instances: ordered,
    database,
    redisKeyPrefix,
    asTestServer(i) {
      const url = ordered[i]!.url;
      const clientWith = (token: string | undefined) =>
        createApiClient({ transport: fetchTransport(), baseUrl: url, getToken: () => token });
      return {
        url,
        database,
        db: database.db,
        clock: new TestClock(new Date()),
        config,
        notifier,
        storage,
        client: clientWith(undefined),
        clientWith,
      } as unknown as TestServer;
    },
    async close() {
      await stopAll();
      await database.close();
      await fresh.drop();
    },
  };
}
