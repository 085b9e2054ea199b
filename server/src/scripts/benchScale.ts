/**
 * `npm run bench:scale -- --scale 1|5|25 [--runs 20] [--json]`: the association generated at a
 * scale (1× = 200 units, ~6,500 members, 14,600 past activities, ~340,000 attendance rows, 48,000
 * audit rows, 50 years of 简报; 5× and 25× proportional, the 简报 catalogue the same) with SQL
 * (`generate_series`) into a fresh database — a temporary PGlite directory, or with DATABASE_URL a
 * new database on that server, dropped afterwards; 25× only on the server — then the real server
 * started as in production, and each request of the table timed as its user makes it: the median
 * of `--runs` requests, each followed by `/api/me` of the same user as the baseline of the same run.
 * `--keep` leaves the generated database in place (its address is printed) for EXPLAIN ANALYZE;
 * `--reuse <DATABASE_URL>` times the requests again on such a kept database (migrated first, not
 * generated anew, left in place): a change measured in seconds, not in a generation's minutes.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Role } from '@zhijian/shared';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { rebuildAttendanceFigures } from '../attendanceFigures/keptFigures';
import { newRefreshToken } from '../auth/refreshTokens';
import { TokenService } from '../auth/tokens';
import { systemClock } from '../clock';
import { openDatabase, selectRows, type DatabaseHandle } from '../db/client';
import { runMigrations } from '../db/migrate';
import { sessions } from '../db/schema';
import { readDemoBulletins, saveDemoBulletins } from '../seed/bulletins';
import { startServer, stopServer } from './benchSupport';

const SCALES = [1, 5, 25] as const;
const UNITS_PER_SCALE = 200;
const MONTHS_OF_HISTORY = 73;
const AUDIT_ROWS_PER_SCALE = 48_000;
const BULLETIN_YEARS = 50;

interface Target {
  label: string;
  env: Record<string, string>;
  open(): Promise<DatabaseHandle>;
  cleanUp(): Promise<void>;
}

async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function freshTarget(adminUrl = process.env.DATABASE_URL): Promise<Target> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zhijian-bench-scale-'));
  if (!adminUrl) {
    return {
      label: 'PGlite',
      env: { DATA_DIR: dataDir },
      open: () => openDatabase({ dataDir: path.join(dataDir, 'pglite') }),
      cleanUp: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `zj_bench_scale_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    label: 'PostgreSQL',
    env: { DATABASE_URL: url.toString(), DATA_DIR: dataDir },
    open: () => openDatabase({ databaseUrl: url.toString() }),
    cleanUp: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/** A database kept by an earlier `--keep` run, measured again as it stands. */
function keptTarget(databaseUrl: string): Target {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zhijian-bench-scale-'));
  return {
    label: 'PostgreSQL',
    env: { DATABASE_URL: databaseUrl, DATA_DIR: dataDir },
    open: () => openDatabase({ databaseUrl }),
    cleanUp: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** The generated association, as SQL run in order. Unit 1 is the market district of 300 members. */
function generation(scale: number): { name: string; statement: ReturnType<typeof sql> }[] {
  const unitCount = UNITS_PER_SCALE * scale;
  const rosterSize = sql`(case when u.id = 1 then 300 else 8 + (u.id * 37) % 48 end)`;
  return [
    {
      name: '片组与单位',
      statement: sql`with g as (insert into groups (name, sort_order) select '第' || n || '片组', n from generate_series(1, 7) n returning id)
        insert into units (name, kind, group_id, invite_code)
        select '规模单位' || n, (array['enterprise','social_org','park','market','trade_body','college','other'])[1 + n % 7],
               (select min(id) from g) + n % 7, 'SC' || lpad(n::text, 6, '0')
          from generate_series(1, ${unitCount}) n`,
    },
    {
      name: '党员',
      statement: sql`insert into members (name, phone, unit_id, roles, kind)
        select '党员' || u.id || '-' || k, '13' || lpad((u.id * 1000 + k)::text, 9, '0'), u.id, '{member}'::text[],
               case when k % 10 = 0 then 'mobile' else 'fixed' end
          from units u cross join lateral generate_series(1, ${rosterSize}) k`,
    },
    {
      name: '党务工作者与秘书处',
      statement: sql`insert into members (name, phone, unit_id, roles)
        select '党务' || u.id, '15' || lpad(u.id::text, 9, '0'), u.id, '{unit_admin}'::text[] from units u
        union all select '秘书处', '18800000000', null, '{secretariat}'::text[]`,
    },
    {
      name: '活动（过去 73 个月，每单位每月一次）',
      statement: sql`insert into activities (unit_id, origin, title, starts_at, ends_at, place_name)
        select u.id, 'extra', '党员固定活动日', s.at, s.at + interval '2 hours', '党群服务中心'
          from units u cross join generate_series(1, ${MONTHS_OF_HISTORY}) k
          cross join lateral (select ((date_trunc('month', now() at time zone 'Asia/Shanghai') - make_interval(months => k)
                + make_interval(days => (array[4, 14, 24])[1 + u.id % 3], hours => 14)) at time zone 'Asia/Shanghai') as at) s`,
    },
    {
      name: '签到记录',
      statement: sql`insert into attendance (activity_id, member_id, status, method, checked_in_at)
        select a.id, m.id, case when random() < 0.9 then 'present' else 'late' end, 'scan', a.starts_at
          from activities a join members m on m.unit_id = a.unit_id and 'member' = any(m.roles)
         where random() < 0.74`,
    },
    {
      name: '请假',
      statement: sql`insert into attendance_requests (activity_id, member_id, kind, reason, status, decided_at, created_at)
        select a.id, m.id, 'leave', '出差', 'approved', a.starts_at - interval '1 day', a.starts_at - interval '2 days'
          from activities a join members m on m.unit_id = a.unit_id and 'member' = any(m.roles)
         where random() < 0.02
           and not exists (select 1 from attendance t where t.activity_id = a.id and t.member_id = m.id)`,
    },
    {
      name: '审计日志',
      statement: sql`insert into audit_log (actor_id, action, entity, entity_id, before, after, at)
        select (select id from members where phone = '18800000000'), 'unit.update', 'unit', (1 + n % ${unitCount})::text,
               jsonb_build_object('name', '旧名' || n), jsonb_build_object('name', '新名' || n),
               now() - make_interval(mins => n)
          from generate_series(1, ${AUDIT_ROWS_PER_SCALE * scale}) n`,
    },
  ];
}

/** 50 years × 12 issues: the three sample issues imported, then their articles copied into every other issue. */
async function generateBulletins(handle: DatabaseHandle): Promise<void> {
  const bulletins = await readDemoBulletins();
  await handle.db.transaction((tx) => saveDemoBulletins(tx, bulletins, new Date()));
  const firstYear = new Date().getFullYear() - BULLETIN_YEARS;
  await handle.db.execute(sql`with samples as (select id, row_number() over (order by id) - 1 as k from bulletin_issues),
      issues as (
        insert into bulletin_issues (year, number, total_number, date, publisher, title_lines, status, distribution_report, distribution_send, published_at)
        select y, n, 100000 + y * 12 + n, make_date(y, n, 18), '杭州市“两新”党务工作者协会', '{}'::text[], 'published', '{市委组织部}'::text[], '{协会会员}'::text[], make_date(y, n, 18)::timestamptz
          from generate_series(${firstYear}::int, ${firstYear + BULLETIN_YEARS - 1}::int) y cross join generate_series(1, 12) n
         where not exists (select 1 from bulletin_issues b where b.year = y and b.number = n)
        returning id
      )
      insert into bulletin_articles (issue_id, position, title, section, blocks, plain_text, search_title, search_body, bigrams)
      select i.id, a.position, a.title, a.section, a.blocks, a.plain_text, a.search_title, a.search_body, a.bigrams
        from issues i join samples s on s.k = i.id % 3 join bulletin_articles a on a.issue_id = s.id`);
  // The newest issue read by about half the association.
  await handle.db.execute(sql`insert into article_reads (member_id, article_id, read_at)
      select m.id, a.id, now() from members m
        join bulletin_articles a on a.issue_id = (select id from bulletin_issues order by year desc, number desc limit 1)
       where m.unit_id is not null and random() < 0.5`);
}

interface Actor {
  role: Role;
  bearer: string;
}

async function signInAs(handle: DatabaseHandle, tokens: TokenService, phone: string, roles: Role[]): Promise<Actor> {
  const [member] = await selectRows<{ id: number }>(handle.db, sql`select id from members where phone = ${phone}`);
  if (!member) throw new Error(`没有手机号为 ${phone} 的成员`);
  const refresh = newRefreshToken();
  const now = systemClock.now();
  const [session] = await handle.db
    .insert(sessions)
    .values({
      memberId: member.id,
      familyId: refresh.familyId,
      refreshTokenHash: refresh.hash,
      createdAt: now,
      expiresAt: new Date(now.getTime() + 86_400_000),
    })
    .returning({ id: sessions.id });
  return { role: roles[0]!, bearer: `Bearer ${tokens.issueAccess({ memberId: member.id, sessionId: session!.id, roles }).token}` };
}

/** One request, timed from sending to the last byte of the answer; a non-2xx answer is an error. */
async function timed(url: string, bearer: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization: bearer, 'accept-encoding': 'gzip, br' } });
  const body = await response.arrayBuffer();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`${url} 返回 ${response.status}：${Buffer.from(body).toString('utf8').slice(0, 200)}`);
  return { ms, bytes: body.byteLength };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface Row {
  request: string;
  role: Role;
  medianMs: number;
  baselineMs: number;
  ratio: number;
  bytes: number;
}

function monthsAgo(count: number): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - count, 1));
  return `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      runs: { type: 'string', default: '20' },
      keep: { type: 'boolean', default: false },
      reuse: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const scale = Number(values.scale);
  if (!SCALES.includes(scale as (typeof SCALES)[number])) throw new Error('--scale 应为 1、5 或 25');
  if (scale === 25 && !process.env.DATABASE_URL) throw new Error('25 倍规模只在 PostgreSQL 服务器上运行：请设置 DATABASE_URL');
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 3) throw new Error('--runs 应为不小于 3 的整数');
  const log = (message: string) => !values.json && console.log(message);

  const target = values.reuse ? keptTarget(values.reuse) : await freshTarget();
  const jwtSecret = randomBytes(32).toString('hex');
  let server: ChildProcess | undefined;
  try {
    const handle = await target.open();
    await runMigrations(handle);
    for (const step of values.reuse ? [] : generation(scale)) {
      const started = performance.now();
      // Rows generated before the figures are built: the figures' triggers (and foreign-key checks) have nothing to do.
      await handle.db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(step.statement);
      });
      log(`生成${step.name}：${((performance.now() - started) / 1000).toFixed(1)} 秒`);
    }
    const buildStarted = performance.now();
    let figureRows = 0;
    if (!values.reuse) {
      await generateBulletins(handle);
      await handle.db.execute(sql`analyze`);
      figureRows = (await rebuildAttendanceFigures(handle.db, systemClock.now())).rows;
    }
    const rebuildSeconds = (performance.now() - buildStarted) / 1000;
    const [counts] = await selectRows<Record<string, number>>(
      handle.db,
      sql`select (select count(*) from units)::int as units, (select count(*) from members)::int as members,
                 (select count(*) from activities)::int as activities, (select count(*) from attendance)::int as attendance,
                 (select count(*) from audit_log)::int as audit, (select count(*) from bulletin_issues)::int as issues`,
    );
    log(`规模 ${scale}×（${target.label}）：${JSON.stringify(counts)}；出勤统计重建 ${figureRows} 行，${rebuildSeconds.toFixed(1)} 秒`);

    const tokens = new TokenService(jwtSecret, 7200, systemClock);
    const secretary = await signInAs(handle, tokens, '18800000000', ['secretariat']);
    const admin = await signInAs(handle, tokens, `15${'1'.padStart(9, '0')}`, ['unit_admin']);
    const member = await signInAs(handle, tokens, `13${String(1000 + 7).padStart(9, '0')}`, ['member']);
    const [issue] = await selectRows<{ id: number }>(
      handle.db,
      sql`select id from bulletin_issues order by year desc, number desc limit 1`,
    );
    await handle.close();

    const started = await startServer({ ...target.env, JWT_SECRET: jwtSecret });
    server = started.child;
    const year = { from: monthsAgo(12), to: monthsAgo(1) };
    const requests: { request: string; actor: Actor; path: string }[] = [
      {
        request: '出勤看板，12 个月：片组与合计',
        actor: secretary,
        path: `/api/attendance-dashboard?from=${monthsAgo(12)}&to=${monthsAgo(1)}`,
      },
      {
        request: '出勤看板，12 个月：单位第 1 页',
        actor: secretary,
        path: `/api/attendance-dashboard/units?from=${monthsAgo(12)}&to=${monthsAgo(1)}&pageSize=50`,
      },
      {
        request: '出勤看板，24 个月：片组与合计',
        actor: secretary,
        path: `/api/attendance-dashboard?from=${monthsAgo(24)}&to=${monthsAgo(1)}`,
      },
      {
        request: '出勤看板，24 个月：单位第 1 页',
        actor: secretary,
        path: `/api/attendance-dashboard/units?from=${monthsAgo(24)}&to=${monthsAgo(1)}&pageSize=50`,
      },
      { request: '单位台账导出，一年，300 名党员', actor: admin, path: `/api/units/1/attendance-export?from=${year.from}&to=${year.to}` },
      { request: '一期简报的阅读统计', actor: secretary, path: `/api/bulletins/issues/${issue!.id}/stats` },
      { request: '党员本人的签到记录', actor: member, path: '/api/me/attendance' },
      { request: '审计日志第 1 页', actor: secretary, path: '/api/audit' },
      { request: `简报检索“党建”，${BULLETIN_YEARS} 年`, actor: member, path: `/api/bulletins/search?q=${encodeURIComponent('党建')}` },
      { request: '其他：单位出勤统计，12 个月', actor: admin, path: `/api/units/1/attendance-stats?from=${year.from}&to=${year.to}` },
      { request: '其他：单位党员名册', actor: admin, path: '/api/units/1/members' },
      { request: '其他：单位的活动', actor: admin, path: '/api/units/1/activities' },
      { request: '其他：我的活动', actor: member, path: '/api/me/activities' },
      { request: '其他：我的活动积分', actor: member, path: '/api/me/points' },
      { request: '其他：简报目录', actor: member, path: '/api/bulletins/issues' },
      { request: '其他：一期简报', actor: member, path: `/api/bulletins/issues/${issue!.id}` },
      { request: '其他：片组', actor: secretary, path: '/api/groups' },
    ];
    const rows: Row[] = [];
    for (const { request, actor, path: route } of requests) {
      const times: number[] = [];
      const baseline: number[] = [];
      let bytes = 0;
      // Two unmeasured rounds first (connections, caches); then each request followed by /api/me.
      for (let i = 0; i < runs + 2; i += 1) {
        const answer = await timed(started.url + route, actor.bearer);
        const me = await timed(`${started.url}/api/me`, actor.bearer);
        if (i < 2) continue;
        times.push(answer.ms);
        baseline.push(me.ms);
        bytes = answer.bytes;
      }
      const row = {
        request,
        role: actor.role,
        medianMs: Math.round(median(times) * 10) / 10,
        baselineMs: Math.round(median(baseline) * 10) / 10,
        ratio: 0,
        bytes,
      };
      row.ratio = Math.round((row.medianMs / row.baselineMs) * 10) / 10;
      rows.push(row);
      log(`  ${request}：${row.medianMs} ms（/api/me ${row.baselineMs} ms，${row.ratio}×，${bytes} 字节）`);
    }
    await stopServer(server);
    server = undefined;

    if (values.json) {
      console.log(JSON.stringify({ scale, database: target.label, counts, figureRows, rebuildSeconds, runs, rows }, null, 2));
    } else {
      console.log('');
      console.log(`| 请求（${scale}× ${target.label}，${runs} 次中位数） | 角色 | 中位数 | /api/me | 比值 |`);
      console.log('| --- | --- | --- | --- | --- |');
      for (const row of rows) console.log(`| ${row.request} | ${row.role} | ${row.medianMs} ms | ${row.baselineMs} ms | ${row.ratio} |`);
    }
  } finally {
    if (server) await stopServer(server);
    // --keep leaves the generated database for EXPLAIN ANALYZE (and its removal to you).
    if (values.keep) console.error(`保留数据库：${JSON.stringify(target.env)}`);
    else await target.cleanUp();
  }
}

await main();
