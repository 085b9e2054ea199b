/**
 * `npm run bench:exports [-- --members 300] [-- --rounds 3] [-- --json]`: how much the API still
 * answers while ledgers are exported. A unit of N members with a year of monthly activity days
 * (12 activities, ~85 % attendance) is seeded into a fresh database (PGlite, or a new database on
 * DATABASE_URL's server); the server runs as `npm start` runs it. In the same run:
 *   1. `GET /api/health` alone, probed by two keep-alive connections, one request every 10 ms each;
 *   2. the same probe while four clients export that year's 台账 at once, `rounds` times each.
 * Latencies are per request (performance.now()); the figures are health's p50/p95/p99 in both.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { parseArgs } from 'node:util';
import { TokenService } from '../auth/tokens';
import { systemClock } from '../clock';
import { freshTarget, seedLedgerUnit, startServer, stopServer } from './benchSupport';

const EXPORTERS = 4;
const PROBE_CONNECTIONS = 2;
const PROBE_PAUSE_MS = 10;
const ALONE_MS = 5_000;

function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

function get(agent: http.Agent, url: string, headers: Record<string, string> = {}): Promise<{ status: number; bytes: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const request = http.get(url, { agent, headers, timeout: 60_000 }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes, ms: performance.now() - began }));
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
  });
}

/** Probes /api/health until `until` settles; answers the sorted latencies and the failures. */
async function probeHealth(base: string, until: Promise<unknown>): Promise<{ latencies: number[]; errors: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: PROBE_CONNECTIONS });
  let done = false;
  void until.finally(() => (done = true));
  const latencies: number[] = [];
  let errors = 0;
  await Promise.all(
    Array.from({ length: PROBE_CONNECTIONS }, async () => {
      while (!done) {
        try {
          const answer = await get(agent, `${base}/api/health`);
          if (answer.status === 200) latencies.push(answer.ms);
          else errors += 1;
        } catch {
          errors += 1;
        }
        await new Promise((resolve) => setTimeout(resolve, PROBE_PAUSE_MS));
      }
    }),
  );
  agent.destroy();
  return { latencies: latencies.sort((a, b) => a - b), errors };
}

function summary({ latencies, errors }: { latencies: number[]; errors: number }) {
  return {
    requests: latencies.length,
    p50Ms: round(quantile(latencies, 0.5)),
    p95Ms: round(quantile(latencies, 0.95)),
    p99Ms: round(quantile(latencies, 0.99)),
    maxMs: round(latencies.at(-1) ?? 0),
    errors,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      members: { type: 'string', default: '300' },
      rounds: { type: 'string', default: '3' },
      json: { type: 'boolean', default: false },
    },
  });
  const count = Number(values.members);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(count) || count < 1) throw new Error('--members 应为正整数');
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds 应为正整数');
  const log = (message: string) => !values.json && console.log(message);

  const target = await freshTarget(process.env.DATABASE_URL, 'zj_bench_exports');
  const jwtSecret = randomBytes(32).toString('hex');
  let server: ChildProcess | undefined;
  try {
    const seeding = await target.open();
    const seeded = await seedLedgerUnit(seeding, count);
    await seeding.close();
    log(`已准备 ${count} 名党员、12 次活动的单位（${process.env.DATABASE_URL ? 'PostgreSQL 服务器' : 'PGlite'}）`);

    const started = await startServer({ ...target.env, JWT_SECRET: jwtSecret });
    server = started.child;
    const token = new TokenService(jwtSecret, 7200, systemClock).issueAccess({ ...seeded.admin, roles: ['unit_admin'] }).token;
    const exportUrl = `${started.url}/api/units/${seeded.unitId}/attendance-export?from=${seeded.from}&to=${seeded.to}`;
    const exportAgent = new http.Agent({ keepAlive: true, maxSockets: EXPORTERS });
    const exportOnce = async () => {
      const answer = await get(exportAgent, exportUrl, { authorization: `Bearer ${token}` });
      if (answer.status !== 200) throw new Error(`导出失败：HTTP ${answer.status}`);
      return answer;
    };
    // The first export starts the worker pool; it is timed, not counted in the figures below.
    const cold = await exportOnce();

    const alone = summary(await probeHealth(started.url, new Promise((resolve) => setTimeout(resolve, ALONE_MS))));
    const exportTimes: number[] = [];
    const exporting = Promise.all(
      Array.from({ length: EXPORTERS }, async () => {
        for (let i = 0; i < rounds; i += 1) exportTimes.push((await exportOnce()).ms);
      }),
    );
    const during = summary(await probeHealth(started.url, exporting));
    await exporting;
    exportAgent.destroy();
    exportTimes.sort((a, b) => a - b);
    await stopServer(server);
    server = undefined;

    const report = {
      members: count,
      workbookKb: Math.round(cold.bytes / 102.4) / 10,
      coldExportMs: round(cold.ms),
      exports: exportTimes.length,
      exportP50Ms: round(quantile(exportTimes, 0.5)),
      healthAlone: alone,
      healthDuringExports: during,
      p95Ratio: Math.round((during.p95Ms / alone.p95Ms) * 100) / 100,
    };
    if (values.json) console.log(JSON.stringify(report));
    else {
      log(
        `台账 ${report.workbookKb} KB；首次导出（启动工作线程）${report.coldExportMs} ms；并发导出 ${report.exports} 次，中位 ${report.exportP50Ms} ms`,
      );
      log(`/api/health 单独：p50 ${alone.p50Ms} ms，p95 ${alone.p95Ms} ms，p99 ${alone.p99Ms} ms（${alone.requests} 次）`);
      log(
        `/api/health 四个导出同时进行时：p50 ${during.p50Ms} ms，p95 ${during.p95Ms} ms，p99 ${during.p99Ms} ms（${during.requests} 次）`,
      );
      log(`错误 ${alone.errors + during.errors}`);
    }
    if (alone.errors + during.errors !== 0) process.exitCode = 1;
  } finally {
    if (server) await stopServer(server);
    await target.cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error('压测失败：', error);
  process.exit(1);
});
