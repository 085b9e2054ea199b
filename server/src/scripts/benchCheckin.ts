/**
 * `npm run bench:checkin [-- --members N] [-- --no-keys] [-- --json]`: the real burst of a fixed activity day —
 * N members checking in at once — against the server started as it runs in production (one
 * process, PORT=0), compared with a trivial JSON endpoint (GET /api/health) of the same server
 * measured the same way in the same run.
 *
 * The database is fresh: a temporary PGlite data directory, or with DATABASE_URL a new database on
 * that server, dropped afterwards. It is migrated and seeded here (a unit, N members, an activity
 * whose check-in window is open) before the server starts, because PGlite allows one process per
 * data directory; `recorded` and `duplicates` are counted from the database after the server stopped.
 * Load comes from a plain keep-alive HTTP client (100 connections), one request per member with its
 * own access token, a check-in code computed when the request is sent (codes change every 15
 * seconds) and, as the mini-program sends with every write, an Idempotency-Key of its own (unless
 * --no-keys); rates are timed to the millisecond and latencies are per request.
 *
 * `--instances N` (N > 1) starts N server processes on one PostgreSQL database (DATABASE_URL's
 * server, else 127.0.0.1:5432) and one Redis (REDIS_URL, else 127.0.0.1:6379), and in the same run
 * fires the burst at one of them (activity A), then spread over all N (activity B, the same members).
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { slotOf } from '@zhijian/shared';
import { eq, sql } from 'drizzle-orm';
import { newRefreshToken } from '../auth/refreshTokens';
import { TokenService } from '../auth/tokens';
import { CheckinCodes } from '../checkinCodes/rotatingCodes';
import { systemClock } from '../clock';
import { selectRows, type DatabaseHandle } from '../db/client';
import { runMigrations } from '../db/migrate';
import { activities, groups, members, sessions, units } from '../db/schema';
import { fire, freshTarget, startServer, stopServer, type Burst } from './benchSupport';

const CONNECTIONS = 100;

/** A unit of N members, each signed in, and an activity starting in ten minutes (its check-in window is open). */
async function seed(
  handle: DatabaseHandle,
  count: number,
): Promise<{ activityId: number; signedIn: { memberId: number; sessionId: number }[] }> {
  const { db } = handle;
  await runMigrations(handle);
  return db.transaction(async (tx) => {
    const [group] = await tx.insert(groups).values({ name: '压测片组' }).returning({ id: groups.id });
    const [unit] = await tx
      .insert(units)
      .values({ name: '压测单位', kind: 'market', groupId: group!.id, inviteCode: 'BENCH001' })
      .returning({ id: units.id });
    const signedIn: { memberId: number; sessionId: number }[] = [];
    const now = systemClock.now();
    for (let start = 0; start < count; start += 500) {
      const batch = Array.from({ length: Math.min(500, count - start) }, (_, i) => ({
        name: `党员${start + i + 1}`,
        phone: `139${String(start + i).padStart(8, '0')}`,
        unitId: unit!.id,
        roles: ['member' as const],
      }));
      const ids = (await tx.insert(members).values(batch).returning({ id: members.id })).map((m) => m.id);
      // Each a live sign-in, as after `POST /api/auth/wechat`: every check-in checks its session.
      const rows = ids.map((memberId) => {
        const refresh = newRefreshToken();
        return {
          memberId,
          familyId: refresh.familyId,
          refreshTokenHash: refresh.hash,
          createdAt: now,
          expiresAt: new Date(now.getTime() + 86_400_000),
        };
      });
      const started = await tx.insert(sessions).values(rows).returning({ id: sessions.id, memberId: sessions.memberId });
      signedIn.push(...started.map((row) => ({ memberId: row.memberId, sessionId: row.id })));
    }
    const startsAt = new Date(systemClock.now().getTime() + 10 * 60_000);
    const [activity] = await tx
      .insert(activities)
      .values({
        unitId: unit!.id,
        origin: 'extra',
        title: '党员固定活动日',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
        placeName: '党群服务中心',
      })
      .returning({ id: activities.id });
    return { activityId: activity!.id, signedIn };
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      members: { type: 'string', default: '2000' },
      json: { type: 'boolean', default: false },
      instances: { type: 'string', default: '1' },
      // As the mini-program sends every write (issue 19); --no-keys sends none.
      keys: { type: 'boolean', default: true },
    },
    allowNegative: true,
  });
  const count = Number(values.members);
  if (!Number.isInteger(count) || count < 1) throw new Error('--members 应为正整数');
  const instances = Number(values.instances);
  if (!Number.isInteger(instances) || instances < 1 || instances > 16) throw new Error('--instances 应为 1 到 16 的整数');
  if (instances > 1) return benchInstances(count, instances, values.json);
  const log = (message: string) => !values.json && console.log(message);

  const target = await freshTarget();
  const jwtSecret = randomBytes(32).toString('hex');
  let server: ChildProcess | undefined;
  try {
    const seeding = await target.open();
    const { activityId, signedIn } = await seed(seeding, count);
    await seeding.close();
    log(`已准备 ${count} 名党员和一次签到中的活动（${process.env.DATABASE_URL ? 'PostgreSQL 服务器' : 'PGlite'}）`);

    const started = await startServer({ ...target.env, JWT_SECRET: jwtSecret });
    server = started.child;
    const tokens = new TokenService(jwtSecret, 7200, systemClock);
    const codes = new CheckinCodes(jwtSecret);
    const bearer = signedIn.map((access) => `Bearer ${tokens.issueAccess({ ...access, roles: ['member'] }).token}`);
    let next = 0;

    const connections = Math.min(CONNECTIONS, count);
    const checkins = await fire(started.url, count, connections, () => ({
      method: 'POST',
      path: '/api/checkins',
      headers: {
        'content-type': 'application/json',
        authorization: bearer[next++ % count]!,
        ...(values.keys ? { 'idempotency-key': randomBytes(16).toString('hex') } : {}),
      },
      // The code is computed as the request is sent: codes change every 15 seconds.
      body: JSON.stringify({ token: codes.sign({ activityId, slot: slotOf(new Date()) }) }),
    }));
    // The same plain client, the same number of requests and connections, in the same run.
    const baseline = await fire(started.url, count, connections, () => ({ method: 'GET', path: '/api/health' }));
    await stopServer(server);
    server = undefined;

    const counting = await target.open();
    const [row] = await selectRows<{ rows: number; people: number }>(
      counting.db,
      sql`select count(*)::int as rows, count(distinct member_id)::int as people from attendance where activity_id = ${activityId}`,
    );
    const [activity] = await counting.db.select({ id: activities.id }).from(activities).where(eq(activities.id, activityId));
    await counting.close();
    if (!activity) throw new Error('活动丢失');

    const report = {
      members: count,
      checkinsPerSecond: checkins.perSecond,
      p50Ms: checkins.p50Ms,
      p99Ms: checkins.p99Ms,
      baselinePerSecond: baseline.perSecond,
      ratio: Math.round((checkins.perSecond / baseline.perSecond) * 1000) / 1000,
      errors: checkins.errors + baseline.errors,
      errorKinds: Object.fromEntries(
        [...new Set([...Object.keys(checkins.errorKinds), ...Object.keys(baseline.errorKinds)])].map((kind) => [
          kind,
          (checkins.errorKinds[kind] ?? 0) + (baseline.errorKinds[kind] ?? 0),
        ]),
      ),
      duplicates: row!.rows - row!.people,
      recorded: row!.people,
    };
    if (values.json) console.log(JSON.stringify(report));
    else {
      log(`签到：${report.checkinsPerSecond} 次/秒，p50 ${report.p50Ms} ms，p99 ${report.p99Ms} ms`);
      log(`基线（GET /api/health）：${report.baselinePerSecond} 次/秒；比值 ${report.ratio}`);
      log(`错误 ${report.errors}，重复 ${report.duplicates}，入库 ${report.recorded}/${count}`);
      if (report.errors) log(`错误明细：${JSON.stringify(report.errorKinds)}`);
    }
    if (report.errors !== 0 || report.duplicates !== 0 || report.recorded !== count) process.exitCode = 1;
  } finally {
    if (server) await stopServer(server);
    await target.cleanUp();
  }
}

/** The same burst fired at several servers at once: the plain client per server, one member per request across them. */
async function fireAcross(urls: string[], count: number, activityId: number, bearer: string[], codes: CheckinCodes): Promise<Burst> {
  let next = 0;
  const started = performance.now();
  const shares = urls.map((url, i) => Math.floor(count / urls.length) + (i < count % urls.length ? 1 : 0));
  const bursts = await Promise.all(
    urls.map((url, i) =>
      fire(url, shares[i]!, Math.max(1, Math.min(Math.ceil(CONNECTIONS / urls.length), shares[i]!)), () => ({
        method: 'POST',
        path: '/api/checkins',
        headers: { 'content-type': 'application/json', authorization: bearer[next++ % count]! },
        body: JSON.stringify({ token: codes.sign({ activityId, slot: slotOf(new Date()) }) }),
      })),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    perSecond: Math.round(((count - bursts.reduce((sum, burst) => sum + burst.errors, 0)) / seconds) * 10) / 10,
    p50Ms: Math.max(...bursts.map((burst) => burst.p50Ms)),
    p99Ms: Math.max(...bursts.map((burst) => burst.p99Ms)),
    errors: bursts.reduce((sum, burst) => sum + burst.errors, 0),
    errorKinds: Object.assign({}, ...bursts.map((burst) => burst.errorKinds)) as Record<string, number>,
  };
}

/**
 * `--instances N`: the burst against one instance and against N, in one run, on one database and
 * one Redis as a deployment behind a load balancer has them. On a machine of few cores the N
 * processes share those cores and the one database: the gain is what it is, reported as measured.
 */
async function benchInstances(count: number, instances: number, json: boolean): Promise<void> {
  const log = (message: string) => !json && console.log(message);
  const target = await freshTarget(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test');
  const jwtSecret = randomBytes(32).toString('hex');
  const shared = {
    ...target.env,
    JWT_SECRET: jwtSecret,
    REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
    REDIS_KEY_PREFIX: `zj-bench-${randomBytes(4).toString('hex')}:`,
    STORAGE: 'postgres',
  };
  const servers: ChildProcess[] = [];
  try {
    const seeding = await target.open();
    const { activityId, signedIn } = await seed(seeding, count);
    // A second activity of the same unit: the same members check in again, through every instance.
    const [first] = await seeding.db.select().from(activities).where(eq(activities.id, activityId));
    const [second] = await seeding.db
      .insert(activities)
      .values({ ...first!, id: undefined, title: '党员固定活动日（多实例）' })
      .returning({ id: activities.id });
    await seeding.close();
    log(`已准备 ${count} 名党员和两次签到中的活动（PostgreSQL 服务器，${instances} 个实例，Redis）`);

    const started = await Promise.all(Array.from({ length: instances }, () => startServer(shared)));
    servers.push(...started.map((server) => server.child));
    const tokens = new TokenService(jwtSecret, 7200, systemClock);
    const codes = new CheckinCodes(jwtSecret);
    const bearer = signedIn.map((access) => `Bearer ${tokens.issueAccess({ ...access, roles: ['member'] }).token}`);

    const one = await fireAcross([started[0]!.url], count, activityId, bearer, codes);
    const all = await fireAcross(
      started.map((server) => server.url),
      count,
      second!.id,
      bearer,
      codes,
    );
    await Promise.all(servers.map(stopServer));
    servers.length = 0;

    const counting = await target.open();
    const recorded = await selectRows<{ activity_id: number; rows: number; people: number }>(
      counting.db,
      sql`select activity_id, count(*)::int as rows, count(distinct member_id)::int as people from attendance
          where activity_id in (${activityId}, ${second!.id}) group by activity_id`,
    );
    await counting.close();
    const of = (id: number) => recorded.find((row) => row.activity_id === id) ?? { rows: 0, people: 0 };

    const report = {
      members: count,
      instances,
      oneInstance: { checkinsPerSecond: one.perSecond, p50Ms: one.p50Ms, p99Ms: one.p99Ms, errors: one.errors },
      allInstances: { checkinsPerSecond: all.perSecond, p50Ms: all.p50Ms, p99Ms: all.p99Ms, errors: all.errors },
      speedup: Math.round((all.perSecond / one.perSecond) * 100) / 100,
      errors: one.errors + all.errors,
      duplicates: of(activityId).rows - of(activityId).people + of(second!.id).rows - of(second!.id).people,
      recorded: Math.min(of(activityId).people, of(second!.id).people),
    };
    if (json) console.log(JSON.stringify(report));
    else {
      log(`一个实例：${one.perSecond} 次/秒，p50 ${one.p50Ms} ms，p99 ${one.p99Ms} ms`);
      log(`${instances} 个实例：${all.perSecond} 次/秒，p50 ${all.p50Ms} ms，p99 ${all.p99Ms} ms；倍数 ${report.speedup}`);
      log(`错误 ${report.errors}，重复 ${report.duplicates}，每次入库 ${report.recorded}/${count}`);
    }
    if (report.errors !== 0 || report.duplicates !== 0 || report.recorded !== count) process.exitCode = 1;
  } finally {
    await Promise.all(servers.map(stopServer));
    await target.cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error('压测失败：', error);
  process.exit(1);
});
