import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asc, count } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runImportBulletin } from '../../../server/src/bulletinImport/cli';
import { openDatabase, type DatabaseHandle } from '../../../server/src/db/client';
import { auditLog, bulletinArticles, bulletinIssues } from '../../../server/src/db/schema';
import { createTestDatabase } from '../../support/testDatabase';
import { fixture, repoRoot, seed } from './helpers';

const SCRIPT = path.join(repoRoot, 'server', 'src', 'scripts', 'importBulletin.ts');

/** Runs the CLI as `npm run import:bulletin` does, in a child process. */
function runScript(...args: string[]): { status: number | null; stdout: string; stderr: string };
function runScript(options: { env: NodeJS.ProcessEnv }, ...args: string[]): { status: number | null; stdout: string; stderr: string };
function runScript(first: string | { env: NodeJS.ProcessEnv }, ...rest: string[]) {
  const [options, args] = typeof first === 'string' ? [{}, [first, ...rest]] : [first, rest];
  const result = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000, // a child starting tsx on a loaded 2-core machine
    ...options,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the CLI in-process, collecting what it prints; `open` gives it a database to write to. */
async function runWith(open: (() => Promise<DatabaseHandle>) | undefined, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const output = {
    stdout: (text: string) => {
      stdout += text;
    },
    stderr: (text: string) => {
      stderr += text;
    },
  };
  const status = await runImportBulletin(args, output, open ? { open } : undefined);
  return { status, stdout, stderr };
}

const run = (...args: string[]) => runWith(undefined, ...args);

function expectDryRunShape(document: unknown) {
  const doc = document as Record<string, unknown>;
  expect(Object.keys(doc)).toEqual(['issue', 'articles', 'warnings']);
  const issue = doc.issue as Record<string, unknown>;
  expect(Object.keys(issue)).toEqual(['year', 'number', 'totalNumber', 'date', 'publisher', 'distribution']);
  expect(Object.keys(issue.distribution as object)).toEqual(['report', 'send']);
  for (const article of doc.articles as Record<string, unknown>[]) {
    expect(Object.keys(article)).toEqual(['title', 'section', 'paragraphs']);
    expect((article.paragraphs as unknown[]).every((paragraph) => typeof paragraph === 'string')).toBe(true);
  }
  expect((doc.warnings as unknown[]).every((warning) => typeof warning === 'string')).toBe(true);
}

describe('import:bulletin --dry-run --json (child process)', () => {
  it('prints only the JSON document of one seed issue', () => {
    const { status, stdout, stderr } = runScript('--dry-run', '--json', seed('bulletin-2016-02-no36.txt'));
    expect(status).toBe(0);
    expect(stderr).toBe('');
    const document = JSON.parse(stdout);
    expect(stdout).toBe(`${JSON.stringify(document, null, 2)}\n`);
    expectDryRunShape(document);
    expect(document.issue).toEqual({
      year: 2016,
      number: 2,
      totalNumber: 36,
      date: '2016-02-18',
      publisher: '杭州市“两新”党务工作者协会',
      distribution: {
        report: [
          '省委组织部',
          '省委“两新”工委',
          '市委组织部',
          '市委“两新”工委',
          '市委组织部两新党建处',
          '各区、县（市）委组织部',
          '各区、县（市）委“两新”工委',
          '张仲灿',
          '李志龙',
        ],
        send: ['协会会员'],
      },
    });
    expect(document.articles.map((article: { paragraphs: string[] }) => article.paragraphs.length)).toEqual([5, 6, 6, 3, 2]);
    expect(document.articles[4]).toMatchObject({ title: '杭州市委组织部两新处领导到协会座谈近期工作', section: '协会动态' });
    expect(document.warnings).toEqual([]);
  });

  it('prints an array for several files', () => {
    const { status, stdout } = runScript(
      '--dry-run',
      '--json',
      seed('bulletin-2015-09-no33.txt'),
      seed('bulletin-2015-member-congress.txt'),
    );
    expect(status).toBe(0);
    const documents = JSON.parse(stdout);
    expect(Array.isArray(documents)).toBe(true);
    expect(documents).toHaveLength(2);
    documents.forEach(expectDryRunShape);
    expect(documents.map((document: { articles: unknown[] }) => document.articles.length)).toEqual([5, 6]);
  });

  it('refuses a text that is not a newsletter: Chinese on stderr, nothing on stdout, exit 1', () => {
    const { status, stdout, stderr } = runScript('--dry-run', '--json', fixture('not-a-bulletin.txt'));
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/不是一期协会简报/);
  });
});

describe('import:bulletin flags and refusals', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bulletin-cli-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints a Chinese summary without --json', async () => {
    const { status, stdout, stderr } = await run('--dry-run', seed('bulletin-2016-02-no36.txt'));
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('期次：2016 年第 2 期，总第 36 期，2016-02-18，杭州市“两新”党务工作者协会编印');
    expect(stdout).toContain('文章 5 篇：');
    expect(stdout).toContain('5. 【协会动态】杭州市委组织部两新处领导到协会座谈近期工作（2 段）');
    expect(stdout).toContain('（预览模式，未写入数据库）');
  });

  it('lists the warnings in the summary', async () => {
    const { stdout } = await run('--dry-run', seed('bulletin-2015-member-congress.txt'));
    expect(stdout).toContain('提示 3 条：');
  });

  it('fills missing header fields from flags', async () => {
    const { status, stdout } = await run(
      '--dry-run',
      '--json',
      '--year',
      '2015',
      '--number',
      '2',
      '--total',
      '26',
      '--date',
      '2015-03-20',
      seed('bulletin-2015-member-congress.txt'),
    );
    expect(status).toBe(0);
    const document = JSON.parse(stdout);
    expect(document.issue).toMatchObject({ year: 2015, number: 2, totalNumber: 26, date: '2015-03-20' });
    expect(document.warnings.some((warning: string) => warning.startsWith('报头缺少年份'))).toBe(false);
  });

  it('shows the usage with --help', async () => {
    const { status, stdout } = await run('--help');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^用法：npm run import:bulletin --/);
  });

  it.each([
    ['an unknown flag', ['--dry-run', '--force', 'a.txt'], '未知参数：--force'],
    ['a flag without its value', ['--dry-run', 'a.txt', '--year'], '参数 --year 缺少取值'],
    ['no file', ['--dry-run'], '请指定至少一个简报文件'],
    ['a year that is not a year', ['--dry-run', '--year', '16', 'a.txt'], '--year 应为四位年份'],
    ['a number that is not a number', ['--dry-run', '--number', '二', 'a.txt'], '--number 应为 1 到 99 之间的整数'],
    ['an impossible date', ['--dry-run', '--date', '2016-02-30', 'a.txt'], '--date 应为 YYYY-MM-DD 格式的有效日期'],
    ['a date in another format', ['--dry-run', '--date', '2016/2/18', 'a.txt'], '--date 应为 YYYY-MM-DD 格式的有效日期'],
    ['per-issue flags with several files', ['--dry-run', '--total', '36', 'a.txt', 'b.txt'], '--total 只能用于单个文件'],
  ])('refuses %s with the usage and exit code 2', async (_, args, message) => {
    const { status, stdout, stderr } = await run(...args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).toContain('用法：');
  });

  it('refuses to write without a database (exit 2)', async () => {
    const { status, stdout, stderr } = await run('--json', seed('bulletin-2016-02-no36.txt'));
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('未配置数据库');
  });

  it('refuses a missing, an empty and a broken file with exit code 1', async () => {
    const empty = path.join(dir, 'empty.txt');
    const broken = path.join(dir, 'broken.docx');
    await writeFile(empty, '');
    await writeFile(broken, 'not a zip');
    for (const [file, message] of [
      [path.join(dir, 'missing.txt'), '找不到文件'],
      [empty, '文件是空的'],
      [broken, 'Word 文件已损坏'],
    ] as const) {
      const { status, stdout, stderr } = await run('--dry-run', '--json', file);
      expect(status).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toBe(`无法导入 ${file}：${message}${message === 'Word 文件已损坏' ? '或不是有效的 .docx 文件' : ''}\n`);
    }
  });

  it('prints the summaries of the good files and the errors of the bad ones without --json', async () => {
    const { status, stdout, stderr } = await run('--dry-run', seed('bulletin-2016-02-no36.txt'), fixture('not-a-bulletin.txt'));
    expect(status).toBe(1);
    expect(stdout).toContain('文章 5 篇：');
    expect(stderr).toMatch(/^无法导入 .*not-a-bulletin\.txt：这不是一期协会简报/);
  });
});

describe('import:bulletin without --dry-run (writes)', () => {
  let database: DatabaseHandle;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(() => database.close());

  /** The CLI closes what it opens; the test keeps its database open to look inside. */
  const open = async () => ({ ...database, close: async () => {} });

  async function issues() {
    return database.db.select().from(bulletinIssues).orderBy(asc(bulletinIssues.id));
  }

  it('writes each file in its own transaction; a bad file is reported and the others are written', async () => {
    const { status, stdout, stderr } = await runWith(
      open,
      seed('bulletin-2015-09-no33.txt'),
      fixture('not-a-bulletin.txt'),
      seed('bulletin-2016-02-no36.txt'),
    );
    expect(status).toBe(1);
    const [no33, no36] = await issues();
    expect(stdout).toBe(
      `新建：${seed('bulletin-2015-09-no33.txt')} → 2015 年第 9 期 总第 33 期（编号 ${no33!.id}），文章 5 篇\n` +
        `新建：${seed('bulletin-2016-02-no36.txt')} → 2016 年第 2 期 总第 36 期（编号 ${no36!.id}），文章 5 篇\n`,
    );
    expect(stderr).toMatch(/^无法导入 .*not-a-bulletin\.txt：这不是一期协会简报/);
    expect([no33!.status, no36!.status]).toEqual(['published', 'published']);
    const [articles] = await database.db.select({ n: count() }).from(bulletinArticles);
    expect(articles!.n).toBe(10);
    // Nobody signed in: the command line leaves no audit entry.
    expect(await database.db.select().from(auditLog)).toEqual([]);
  });

  it('updates an issue imported again and prints 更新', async () => {
    await runWith(open, seed('bulletin-2016-02-no36.txt'));
    const { status, stdout } = await runWith(open, seed('bulletin-2016-02-no36.txt'));
    expect(status).toBe(0);
    const [issue, ...more] = await issues();
    expect(more).toEqual([]);
    expect(stdout).toBe(`更新：${seed('bulletin-2016-02-no36.txt')} → 2016 年第 2 期 总第 36 期（编号 ${issue!.id}），文章 5 篇\n`);
  });

  it('asks for the 期号 of an issue without a header, and takes it from flags', async () => {
    const congress = seed('bulletin-2015-member-congress.txt');
    const refused = await runWith(open, congress);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('请用参数指定期号');
    expect(await issues()).toEqual([]);

    const { status, stdout } = await runWith(open, '--json', '--year', '2015', '--number', '3', congress);
    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ dryRun: false, created: true, document: { issue: { year: 2015, number: 3 } } });
    expect((await issues()).map((issue) => [issue.id, issue.year, issue.number])).toEqual([[result.issueId, 2015, 3]]);
  });

  it('reports a database it cannot open, without a stack trace', async () => {
    const { status, stderr } = await runWith(async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    }, seed('bulletin-2016-02-no36.txt'));
    expect(status).toBe(1);
    expect(stderr).toBe('无法打开数据库，未导入任何文件：connect ECONNREFUSED 127.0.0.1:5432\n');
  });
});

describe('import:bulletin without --dry-run (child process, embedded database under DATA_DIR)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'bulletin-cli-data-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('creates, then updates, the issue in the configured database', async () => {
    // DATABASE_URL is cleared so the CI pass on the PostgreSQL server does not write into it.
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'development' };
    const first = runScript({ env }, seed('bulletin-2016-02-no36.txt'));
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^新建：.*bulletin-2016-02-no36\.txt → 2016 年第 2 期 总第 36 期（编号 1），文章 5 篇\n$/);
    const second = runScript({ env }, seed('bulletin-2016-02-no36.txt'), fixture('not-a-bulletin.txt'));
    expect(second.status).toBe(1);
    expect(second.stdout).toMatch(/^更新：.*（编号 1），文章 5 篇\n$/);
    expect(second.stderr).toMatch(/^无法导入 .*not-a-bulletin\.txt：/);

    const handle = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
    try {
      const rows = await handle.db.select({ id: bulletinIssues.id, totalNumber: bulletinIssues.totalNumber }).from(bulletinIssues);
      expect(rows).toEqual([{ id: 1, totalNumber: 36 }]);
    } finally {
      await handle.close();
    }
  }, 150_000);
});
