/**
 * `npm run bench:memory [-- --json]`: what the server process holds in memory (RSS) with the
 * embedded database (PGlite) and with the PostgreSQL server (DATABASE_URL's, else 127.0.0.1:5432),
 * measured the same way in one run. Each: a fresh database with a unit of 300 members and a year of
 * activity days (`seedLedgerUnit`), the server started as `npm start` runs it, then
 *   - idle: 3 seconds after it listens;
 *   - walk: its admin's everyday reads (me, my activities, the unit's activities, members, a year's
 *     figures, each activity's live list), 20 times over, and two exports of the year's 台账;
 *   - settled: 20 seconds later, once the export worker (15 s idle) has ended.
 * RSS and its peak (VmHWM) come from /proc/<pid>/status: the whole process, worker threads included.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { TokenService } from '../auth/tokens';
import { systemClock } from '../clock';
import { freshTarget, seedLedgerUnit, startServer, stopServer } from './benchSupport';

const MEMBERS = 300;
const ROUNDS = 20;

function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

function get(agent: http.Agent, url: string, token: string): Promise<void> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { authorization: `Bearer ${token}` } }, (response) => {
        response.resume();
        response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${response.statusCode} ${url}`))));
      })
      .on('error', reject);
  });
}

async function measure(databaseUrl: string | undefined) {
  const target = await freshTarget(databaseUrl, 'zj_bench_memory');
  const jwtSecret = randomBytes(32).toString('hex');
  const seeding = await target.open();
  const seeded = await seedLedgerUnit(seeding, MEMBERS);
  await seeding.close();
  const { child, url } = await startServer({ ...target.env, JWT_SECRET: jwtSecret });
  try {
    await sleep(3000);
    const idle = memoryOf(child.pid!);
    const token = new TokenService(jwtSecret, 7200, systemClock).issueAccess({ ...seeded.admin, roles: ['unit_admin'] }).token;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    const unit = `${url}/api/units/${seeded.unitId}`;
    const reads = [
      `${url}/api/me`,
      `${url}/api/me/activities`,
      `${unit}/activities?from=${seeded.from}-01`,
      `${unit}/members`,
      `${unit}/attendance-stats?from=${seeded.from}&to=${seeded.to}`,
      ...seeded.activityIds.map((id) => `${url}/api/activities/${id}/live`),
    ];
    for (let round = 0; round < ROUNDS; round += 1) await Promise.all(reads.map((read) => get(agent, read, token)));
    const ledger = `${unit}/attendance-export?from=${seeded.from}&to=${seeded.to}`;
    await Promise.all([get(agent, ledger, token), get(agent, ledger, token)]);
    agent.destroy();
    const walked = memoryOf(child.pid!);
    await sleep(20_000);
    const settled = memoryOf(child.pid!);
    return { idleMb: idle.rssMb, afterWalkMb: walked.rssMb, settledMb: settled.rssMb, peakMb: settled.peakMb };
  } finally {
    await stopServer(child);
    await target.cleanUp();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
  const pglite = await measure(undefined);
  const postgres = await measure(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test');
  const report = { pglite, postgres, embeddedCostMb: pglite.settledMb - postgres.settledMb };
  if (values.json) return console.log(JSON.stringify(report));
  for (const [name, m] of [
    ['PGlite', pglite],
    ['PostgreSQL 服务器', postgres],
  ] as const) {
    console.log(`${name}：空闲 ${m.idleMb} MB，走查后 ${m.afterWalkMb} MB，20 秒后 ${m.settledMb} MB，峰值 ${m.peakMb} MB`);
  }
  console.log(`内嵌数据库多占 ${report.embeddedCostMb} MB`);
}

main().catch((error: unknown) => {
  console.error('测量失败：', error);
  process.exit(1);
});
