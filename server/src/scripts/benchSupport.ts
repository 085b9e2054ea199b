/**
 * What the benchmarks share: a fresh database (a temporary PGlite directory, or a new database on
 * DATABASE_URL's server), the server started as `npm start` runs it, and a plain keep-alive HTTP
 * client timed per request.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { addMonths, formatMonth, shanghaiDate } from '@zhijian/shared';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { newRefreshToken } from '../auth/refreshTokens';
import { systemClock } from '../clock';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { runMigrations } from '../db/migrate';
import { activities, groups, members, sessions, units } from '../db/schema';

/** The repository whose server is started: this one, or BENCH_ROOT (another checkout, for before/after). */
const ROOT = process.env.BENCH_ROOT ?? path.resolve(import.meta.dirname, '../../..');

export interface Target {
  env: Record<string, string>;
  open(): Promise<DatabaseHandle>;
  cleanUp(): Promise<void>;
}

export async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function freshTarget(adminUrl = process.env.DATABASE_URL, prefix = 'zj_bench_checkin'): Promise<Target> {
  if (!adminUrl) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'zhijian-bench-checkin-'));
    return {
      env: { DATA_DIR: dataDir },
      open: () => openDatabase({ dataDir: path.join(dataDir, 'pglite') }),
      cleanUp: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zhijian-bench-checkin-'));
  return {
    env: { DATABASE_URL: url.toString(), DATA_DIR: dataDir },
    open: () => openDatabase({ databaseUrl: url.toString() }),
    cleanUp: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/** Starts `npm start`'s server process on a free port and resolves with its URL once it listens. */
export function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []),
      '--import',
      'tsx',
      path.join(ROOT, 'server/src/main.ts'),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', DEMO_DATA: 'false', LOG_LEVEL: 'info', NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; port?: number };
        if (entry.msg === 'listening' && entry.port) resolve({ child, url: `http://127.0.0.1:${entry.port}` });
      } catch {
        // not a log line
      }
    });
    child.once('exit', (code) => reject(new Error(`服务器进程提前退出（${code}）`)));
  });
}

export function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export interface Burst {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** What the errors were: `HTTP 409 already_checked_in`, `ECONNRESET`, … with their counts. */
  errorKinds: Record<string, number>;
}

export interface PlainRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** The latency at quantile q of sorted samples (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * Sends `amount` requests over `connections` keep-alive connections, each connection sending its
 * next request as soon as its previous answer has been read — a plain client, as a phone is. The
 * rate is answers over the time from the first request sent to the last answer read, timed with
 * `performance.now()`; latencies are each request's own, from being written to its answer's end.
 * (autocannon's `amount` runs end on its next 1-second tick, so a 1.1-second run counted as 2 or
 * 3 seconds and the baseline came out 2–3× too slow.)
 */
export async function fire(url: string, amount: number, connections: number, build: () => PlainRequest): Promise<Burst> {
  const origin = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  let sent = 0;
  const errorKinds: Record<string, number> = {};
  const failed = (kind: string) => {
    errors += 1;
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  };
  const one = (request: PlainRequest) =>
    new Promise<void>((resolve) => {
      const began = performance.now();
      const outgoing = http.request(
        {
          agent,
          host: origin.hostname,
          port: origin.port,
          method: request.method,
          path: request.path,
          headers: { ...request.headers, ...(request.body ? { 'content-length': Buffer.byteLength(request.body) } : {}) },
          timeout: 30_000,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            latencies.push(performance.now() - began);
            const status = response.statusCode ?? 0;
            if (status >= 200 && status < 300) ok += 1;
            else failed(`HTTP ${status} ${/"code":"([a-z_]+)"/.exec(Buffer.concat(chunks).toString())?.[1] ?? ''}`.trim());
            resolve();
          });
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')));
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        failed(error.code ?? error.message);
        resolve();
      });
      outgoing.end(request.body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(connections, amount) }, async () => {
      while (sent < amount) {
        sent += 1;
        await one(build());
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    perSecond: Math.round((ok / seconds) * 10) / 10,
    p50Ms: Math.round(quantile(latencies, 0.5) * 10) / 10,
    p99Ms: Math.round(quantile(latencies, 0.99) * 10) / 10,
    errors,
    errorKinds,
  };
}

export interface SeededUnit {
  unitId: number;
  admin: { memberId: number; sessionId: number };
  from: string;
  to: string;
  activityIds: number[];
}

/** A unit of `count` members, its admin signed in, and the last 12 months' activity days with their attendance. */
export async function seedLedgerUnit(handle: DatabaseHandle, count: number): Promise<SeededUnit> {
  await runMigrations(handle);
  return handle.db.transaction(async (tx) => {
    const [group] = await tx.insert(groups).values({ name: '压测片组' }).returning({ id: groups.id });
    const [unit] = await tx
      .insert(units)
      .values({ name: '压测单位', kind: 'market', groupId: group!.id, inviteCode: 'BENCHEXP' })
      .returning({ id: units.id });
    const unitId = unit!.id;
    await tx.insert(members).values(
      Array.from({ length: count }, (_, i) => ({
        name: `党员${i + 1}`,
        phone: `138${String(i).padStart(8, '0')}`,
        unitId,
        roles: ['member' as const],
      })),
    );
    const [admin] = await tx
      .insert(members)
      .values({ name: '党务工作者', phone: '13700000000', unitId, roles: ['unit_admin' as const] })
      .returning({ id: members.id });
    const now = systemClock.now();
    const refresh = newRefreshToken();
    const [session] = await tx
      .insert(sessions)
      .values({
        memberId: admin!.id,
        familyId: refresh.familyId,
        refreshTokenHash: refresh.hash,
        createdAt: now,
        expiresAt: new Date(now.getTime() + 86_400_000),
      })
      .returning({ id: sessions.id });
    // The 15th of each of the last 12 months, 14:00 Shanghai.
    const thisMonth = { ...shanghaiDate(now), day: 15 };
    const days = Array.from({ length: 12 }, (_, i) => addMonths(thisMonth, i - 12));
    const acts = await tx
      .insert(activities)
      .values(
        days.map((day) => {
          const startsAt = new Date(`${formatMonth(day.year, day.month)}-15T06:00:00Z`);
          return {
            unitId,
            origin: 'extra' as const,
            title: '党员固定活动日',
            startsAt,
            endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
            placeName: '党群服务中心',
          };
        }),
      )
      .returning({ id: activities.id });
    await tx.execute(sql`
      insert into attendance (activity_id, member_id, status, method, checked_in_at)
      select a.id, m.id, case when random() < 0.1 then 'late' else 'present' end, 'scan', a.starts_at
        from activities a join members m on m.unit_id = a.unit_id and 'member' = any(m.roles)
       where a.id in (${sql.join(
         acts.map((act) => sql`${act.id}`),
         sql`, `,
       )}) and random() < 0.85`);
    return {
      unitId,
      activityIds: acts.map((act) => act.id),
      admin: { memberId: admin!.id, sessionId: session!.id },
      from: formatMonth(days[0]!.year, days[0]!.month),
      to: formatMonth(days[11]!.year, days[11]!.month),
    };
  });
}
