import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { api, createApiClient, fetchTransport, type ApiClient } from '@zhijian/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerDatabase, usingPostgresServer } from '../support/testDatabase';

/**
 * `npm start` as an operator runs it: a real process on a data directory, stopped by signal and
 * started again. Proves first-start demo data, sign-in as every demo role, and persistence.
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'zhijian-start-'));
let databaseUrl: string | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

interface Running {
  child: ChildProcess;
  url: string;
  client: ApiClient;
  logs: Record<string, unknown>[];
}

async function start(): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl ?? '',
      H5_DIR: path.join(dataDir, 'no-console'),
      WECHAT_APPID: '',
      WECHAT_SECRET: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.msg === 'listening') resolve(String(entry.url));
      } catch {
        // not a log line
      }
    });
    child.on('close', (code) => reject(new Error(`server exited with ${code} before listening: ${stderr}`)));
  });
  return { child, url, logs, client: clientFor(url) };
}

function clientFor(baseUrl: string, token?: string): ApiClient {
  return createApiClient({ transport: fetchTransport(), baseUrl, getToken: () => token });
}

/** Resolves on 'close', not 'exit': only then has the child's last output been read. */
function stop(running: Running, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    running.child.on('close', (code) => resolve(code));
    running.child.kill(signal);
  });
}

async function signIn(client: ApiClient, code: string) {
  const result = await client.call(api.auth.wechat, { body: { code } });
  if (result.status !== 'signed_in') throw new Error(`${code} is not bound`);
  return result;
}

beforeAll(async () => {
  if (usingPostgresServer()) {
    const fresh = await createServerDatabase();
    databaseUrl = fresh.url;
    dropDatabase = fresh.drop;
  }
});
afterAll(async () => {
  await dropDatabase?.();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  let groupId: number;

  it('starts, loads the demo association once, signs in every demo role and stops cleanly on SIGTERM', async () => {
    const running = await start();
    expect(running.logs.some((entry) => entry.msg === 'demo association loaded (first start)')).toBe(true);
    expect(running.logs.some((entry) => String(entry.msg).includes('DEVELOPMENT SIGN-IN IS ON'))).toBe(true);
    expect(await running.client.call(api.health.get)).toEqual({
      status: 'ok',
      db: usingPostgresServer() ? 'postgres' : 'pglite',
      database: 'up',
      redis: 'not_configured',
    });

    const expectations = {
      'dev:demo-secretary': ['secretariat'],
      'dev:demo-unit-admin': ['member', 'unit_admin', 'info_officer'],
      'dev:demo-member': ['member'],
      'dev:demo-reviewer': ['member', 'reviewer'],
    };
    for (const [code, roles] of Object.entries(expectations)) {
      expect((await signIn(running.client, code)).user.roles).toEqual(roles);
    }
    const secretary = await running.client.call(api.auth.password, { body: { username: 'secretary', password: 'zhijian-demo' } });
    const desk = clientFor(running.url, secretary.token);
    const groups = await desk.call(api.groups.list);
    expect(groups.items).toHaveLength(7);
    const units = await desk.call(api.units.list, { query: { pageSize: 100 } });
    expect(units.total).toBeGreaterThanOrEqual(20);
    expect(units.items.reduce((sum, unit) => sum + unit.memberCount, 0)).toBeGreaterThanOrEqual(200);
    expect(new Set(units.items.map((unit) => unit.kind)).size).toBeGreaterThanOrEqual(5);
    groupId = (await desk.call(api.groups.create, { body: { name: '重启后仍在的片组' } })).id;

    expect(await stop(running, 'SIGTERM')).toBe(0);
    expect(running.logs.at(-1)?.msg).toBe('stopped');
  });

  it('keeps everything written before across a restart, without loading the demo again (SIGINT)', async () => {
    const running = await start();
    expect(running.logs.some((entry) => entry.msg === 'demo association loaded (first start)')).toBe(false);
    const secretary = await signIn(running.client, 'dev:demo-secretary');
    const desk = clientFor(running.url, secretary.token);
    const groups = await desk.call(api.groups.list);
    expect(groups.items.find((group) => group.id === groupId)?.name).toBe('重启后仍在的片组');
    expect(groups.items).toHaveLength(8);
    expect(await stop(running, 'SIGINT')).toBe(0);
  });
});
