/**
 * `npm run bench:search [-- --runs N] [-- --server]`: how long the newsletter search takes over a
 * realistic back catalogue, against a plain indexed lookup measured in the same run.
 *
 * Builds 10 years × 12 issues × 6 articles from the paragraphs of the three sample issues
 * (recombined by a seeded generator, so every run has the same catalogue), writes them through the
 * importer into a fresh, migrated database — in-memory PGlite, or with `--server` a new database on
 * the server named by DATABASE_URL, dropped afterwards — then times `searchArticles` per query
 * and two baselines: one article by primary key, one issue's articles by the issue index.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Block } from '@zhijian/shared';
import { asc, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { importEnvironment } from '../bulletinImport/environment';
import type { ParsedBulletin } from '../bulletinImport/types';
import { preferBigramIndex, searchArticles } from '../bulletinSearch/search';
import { runCommand } from '../commands/context';
import { saveImportedBulletin } from '../commands/saveImportedBulletin';
import { openDatabase, selectRows, type Database, type DatabaseHandle } from '../db/client';
import { runMigrations } from '../db/migrate';
import { bulletinArticles } from '../db/schema';
import { readDemoBulletins } from '../seed/bulletins';
import { DEMO_UNITS } from '../seed/demoAssociation';

const YEARS = 10;
const ISSUES_PER_YEAR = 12;
const ARTICLES_PER_ISSUE = 6;
const FIRST_YEAR = 2016;
const QUERIES = ['党建', '固定活动日', '智慧党建', '爱E客栈', '先锋指数', '区块链'];
const WARM_UP = 3;

/** mulberry32: a small seeded generator, so the catalogue is the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTIONS = [
  '推行党员固定活动日制度',
  '建立“书记直通车”',
  '开展网络击鼓传花活动',
  '积极推进智慧党建',
  '建立党员先锋指数考评',
  '开展“红色义工”志愿服务',
  '打造“指尖上的党建”',
  '推广“三联三会”工作机制',
  '实施菁英成长计划',
  '开展创意组织生活',
];

/** The generated catalogue: paragraphs, headings and titles of the samples, recombined. */
async function generateCatalogue(): Promise<ParsedBulletin[]> {
  const samples = await readDemoBulletins();
  const articles = samples.flatMap((sample) => sample.articles);
  const paragraphs = articles.flatMap((a) => a.blocks).filter((b): b is Block => b.type !== 'heading' && b.spans.length > 0);
  const headings = articles.flatMap((a) => a.blocks).filter((b) => b.type === 'heading');
  const titles = articles.filter((a) => a.section === null).map((a) => a.title);
  const random = seededRandom(20160218);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

  const catalogue: ParsedBulletin[] = [];
  for (let y = 0; y < YEARS; y += 1) {
    for (let n = 1; n <= ISSUES_PER_YEAR; n += 1) {
      const year = FIRST_YEAR + y;
      const issueArticles = Array.from({ length: ARTICLES_PER_ISSUE }, (_, index) => {
        const last = index === ARTICLES_PER_ISSUE - 1;
        const unit = pick(DEMO_UNITS).name;
        const title = last ? `${unit}到协会交流工作` : random() < 0.5 ? pick(titles) : `${unit}${pick(ACTIONS)}`;
        const blocks: Block[] = [];
        const count = 3 + Math.floor(random() * 6);
        for (let i = 0; i < count; i += 1) {
          if (i > 0 && headings.length > 0 && random() < 0.15) blocks.push(pick(headings));
          blocks.push(pick(paragraphs));
        }
        return { title, section: last ? '协会动态' : null, blocks };
      });
      catalogue.push({
        issue: {
          year,
          number: n,
          totalNumber: 36 + y * ISSUES_PER_YEAR + n,
          date: `${year}-${String(n).padStart(2, '0')}-18`,
          publisher: '杭州市“两新”党务工作者协会',
          distribution: { report: ['市委组织部'], send: ['协会会员'] },
        },
        toc: [],
        articles: issueArticles,
        warnings: [],
      });
    }
  }
  return catalogue;
}

interface Timing {
  median: number;
  p95: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(runs: number, work: (run: number) => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARM_UP; i += 1) await work(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** A fresh database: in-memory PGlite, or a new database on the server (dropped by `drop`). */
async function freshDatabase(server: boolean): Promise<{ handle: DatabaseHandle; label: string; drop: () => Promise<void> }> {
  if (!server) {
    const handle = await openDatabase({ dataDir: null });
    await runMigrations(handle);
    return { handle, label: 'PGlite（内存）', drop: async () => {} };
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('--server 需要设置 DATABASE_URL');
  const name = `zj_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  await runMigrations(handle);
  return { handle, label: `PostgreSQL 服务器（临时数据库 ${name}）`, drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/** Whether search, under the same planner setting it runs with, goes through the GIN index. */
async function usesBigramIndex(db: Database): Promise<boolean> {
  const plan = await preferBigramIndex(db, (tx) =>
    selectRows<{ 'QUERY PLAN': string }>(
      tx,
      sql`explain select id from bulletin_articles where bigrams @> ${sql.param(['智慧', '慧党', '党建'])}::text[]`,
    ),
  );
  return plan.some((row) => row['QUERY PLAN'].includes('bulletin_articles_bigrams_idx'));
}

/** Display width: CJK characters take two columns in a terminal. */
const width = (text: string) => [...text].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
const left = (text: string, columns: number) => text + ' '.repeat(Math.max(0, columns - width(text)));
const right = (text: string, columns: number) => ' '.repeat(Math.max(0, columns - width(text))) + text;

function row(name: string, hits: string, median: string, p95: string, ratio: string): string {
  return `${left(name, 26)}${right(hits, 6)}${right(median, 10)}${right(p95, 10)}${right(ratio, 14)}`;
}

function timingRow(name: string, hits: number, timing: Timing, baseline: Timing): string {
  return row(name, String(hits), timing.median.toFixed(2), timing.p95.toFixed(2), `${(timing.median / baseline.median).toFixed(1)}×`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { server: { type: 'boolean', default: false }, runs: { type: 'string', default: '30' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 5) throw new Error('--runs 应为不小于 5 的整数');

  const catalogue = await generateCatalogue();
  const { handle, label, drop } = await freshDatabase(values.server ?? false);
  try {
    const { db } = handle;
    const loadStart = performance.now();
    const now = new Date();
    const env = importEnvironment(db, () => now);
    for (const parsed of catalogue) await runCommand(env, null, saveImportedBulletin, { parsed, status: 'published' });
    const loadSeconds = (performance.now() - loadStart) / 1000;
    await db.execute(sql`analyze`);

    const ids = (await db.select({ id: bulletinArticles.id, issueId: bulletinArticles.issueId }).from(bulletinArticles)).map((row) => row);
    const [{ characters } = { characters: 0 }] = await selectRows<{ characters: number }>(
      db,
      sql`select coalesce(sum(char_length(plain_text)), 0)::int as characters from bulletin_articles`,
    );
    const random = seededRandom(36);
    const order = Array.from({ length: runs + WARM_UP }, () => ids[Math.floor(random() * ids.length)]!);

    const byKey = await time(runs, (i) =>
      db
        .select({ id: bulletinArticles.id, title: bulletinArticles.title, plainText: bulletinArticles.plainText })
        .from(bulletinArticles)
        .where(eq(bulletinArticles.id, order[i]!.id)),
    );
    const byIssue = await time(runs, (i) =>
      db
        .select({ id: bulletinArticles.id, title: bulletinArticles.title, position: bulletinArticles.position })
        .from(bulletinArticles)
        .where(eq(bulletinArticles.issueId, order[i]!.issueId))
        .orderBy(asc(bulletinArticles.position)),
    );

    const lines: string[] = [];
    lines.push(`检索基准：${label}`);
    lines.push(
      `目录：${catalogue.length} 期，${ids.length} 篇，正文约 ${(characters / 10_000).toFixed(1)} 万字；写入（经导入程序）${loadSeconds.toFixed(1)} 秒`,
    );
    lines.push(
      `二元组 GIN 索引${(await usesBigramIndex(db)) ? '已被' : '未被'}查询计划采用；每项 ${runs} 次（另预热 ${WARM_UP} 次），单位毫秒`,
    );
    lines.push('');
    lines.push(row('项目', '命中', '中位数', 'p95', '中位数/基线'));
    lines.push(timingRow('基线：按主键取一篇文章', 1, byKey, byKey));
    lines.push(timingRow('基线：按期取文章列表', ARTICLES_PER_ISSUE, byIssue, byKey));
    for (const query of QUERIES) {
      let total = 0;
      const timing = await time(runs, async () => {
        total = (await searchArticles(db, query, { page: 1, pageSize: 20, includeDrafts: false })).total;
      });
      lines.push(timingRow(`检索“${query}”`, total, timing, byKey));
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await handle.close();
    await drop();
  }
}

try {
  await main();
} catch (error) {
  process.stderr.write(`检索基准未完成：${(error as Error).message}\n`);
  process.exitCode = 1;
}
