import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { uploadRefusals } from '@zhijian/shared';
import { count } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runImportBulletin } from '../../../server/src/bulletinImport/cli';
import type { DatabaseHandle } from '../../../server/src/db/client';
import { bulletinIssues } from '../../../server/src/db/schema';
import { buildZip, docxParagraphsBomb } from '../../support/bombs';
import { issueText } from '../../support/catalogueFactories';
import { createTestDatabase } from '../../support/testDatabase';

/**
 * A folder of 40 back-catalogue issues (总第 1–41 without 25, with 总第 7 and 总第 30 each given twice)
 * and a Word bomb among them, through `import:bulletin -- DIR`.
 */

let dir: string;
let folder: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'catalogue-'));
  folder = path.join(dir, '往期');
  await mkdir(path.join(folder, '2014'), { recursive: true });
  const totals = Array.from({ length: 41 }, (_, index) => index + 1).filter((total) => total !== 25);
  for (const total of totals) {
    const sub = total > 10 && total <= 20 ? '2014' : '';
    await writeFile(path.join(folder, sub, `简报-${String(total).padStart(2, '0')}.txt`), issueText(total));
  }
  // Two duplicates: the same 总期 under other names (re-typed copies people keep).
  await writeFile(path.join(folder, '简报-07-副本.txt'), issueText(7));
  await writeFile(path.join(folder, '简报-30-重排.txt'), issueText(30, { title: '重排版' }));
  // A bomb among them: a .docx of eight million paragraphs in a few kilobytes.
  await writeFile(path.join(folder, '简报-炸弹.docx'), await docxParagraphsBomb(8_000_000));
  // Not a newsletter by its name: left alone.
  await writeFile(path.join(folder, '说明.xlsx'), 'not read');
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

async function runWith(open: (() => Promise<DatabaseHandle>) | undefined, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const output = { stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text) };
  const status = await runImportBulletin(args, output, open ? { open } : undefined);
  return { status, stdout, stderr, json: stdout ? JSON.parse(stdout) : null };
}

describe('import:bulletin -- DIR --dry-run', () => {
  it('lists every issue, reports the duplicates and the gap, and refuses the bomb without stopping', async () => {
    const { status, json, stderr } = await runWith(undefined, '--dry-run', folder);
    expect(status).toBe(1); // one file refused
    expect(json.dryRun).toBe(true);
    expect(json.files).toHaveLength(43);
    const read = json.files.filter((file: { document: unknown }) => file.document);
    expect(read).toHaveLength(42);
    const bomb = json.files.find((file: { name: string }) => file.name.endsWith('简报-炸弹.docx'));
    expect(bomb.refused.reason).toBe(uploadRefusals.file_too_complex.reason);
    expect(json.review.duplicates).toEqual([
      { totalNumber: 7, names: [path.join(folder, '简报-07-副本.txt'), path.join(folder, '简报-07.txt')] },
      { totalNumber: 30, names: [path.join(folder, '简报-30-重排.txt'), path.join(folder, '简报-30.txt')] },
    ]);
    expect(json.review.gaps).toEqual([{ from: 25, to: 25 }]);
    const first = read.find((file: { name: string }) => file.name.endsWith('简报-01.txt'));
    expect(first.document.issue).toMatchObject({ year: 2013, number: 1, totalNumber: 1 });
    expect(first.document.articles.map((article: { title: string }) => article.title)).toEqual(['第 1 期党建工作交流', '协会动态']);
    expect(stderr).toContain('[43/43]');
    expect(stderr).toContain('缺少总第 25 期');
    expect(stderr).toContain('总第 7 期出现 2 次');
  }, 120_000);
});

describe('import:bulletin -- DIR', () => {
  let database: DatabaseHandle;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(() => database.close());
  const open = async () => ({ ...database, close: async () => {} });

  it('imports the batch once, skips the second copy of a 总期, and reports it all', async () => {
    const { status, json } = await runWith(open, folder);
    expect(status).toBe(1);
    expect(json.totals).toEqual({ created: 40, updated: 0, skipped: 2, refused: 1, articles: 80, openWarnings: expect.any(Number) });
    const skipped = json.report.items.filter((item: { outcome: string }) => item.outcome === 'skipped');
    expect(skipped.map((item: { why: string }) => item.why)).toEqual([
      expect.stringContaining('同为总第 7 期'),
      expect.stringContaining('同为总第 30 期'),
    ]);
    const refused = json.report.items.find((item: { outcome: string }) => item.outcome === 'refused');
    expect(refused.name).toMatch(/简报-炸弹\.docx$/);
    const [stored] = await database.db.select({ n: count() }).from(bulletinIssues);
    expect(stored!.n).toBe(40);

    // Again: every issue is already stored, so the dry run says so and the import updates.
    const again = await runWith(open, '--dry-run', folder);
    expect(again.json.review.alreadyStored).toHaveLength(42);
    const second = await runWith(open, folder);
    expect(second.json.totals).toMatchObject({ created: 0, updated: 40, skipped: 2, refused: 1 });
  }, 180_000);

  it('reads a .zip of the folder the same way, and refuses a zip bomb as one file', async () => {
    const zip = await buildZip([
      { name: '往期/简报-01.txt', prefix: issueText(1) },
      { name: '往期/简报-02.txt', prefix: issueText(2) },
      { name: '往期/简报-04.txt', prefix: issueText(4) },
    ]);
    const archive = path.join(dir, '往期.zip');
    await writeFile(archive, zip);
    const bomb = path.join(dir, '炸弹.zip');
    await writeFile(bomb, await buildZip([{ name: 'a.txt', repeat: { piece: '党', times: 200 * 1024 * 1024 }, declaredSize: 1000 }]));
    const { json } = await runWith(open, archive, bomb);
    expect(json.totals).toMatchObject({ created: 3, refused: 1 });
    expect(json.review.gaps).toEqual([{ from: 3, to: 3 }]);
    expect(json.report.items.map((item: { name: string }) => item.name)).toEqual([
      `${archive}/往期/简报-01.txt`,
      `${archive}/往期/简报-02.txt`,
      `${archive}/往期/简报-04.txt`,
      bomb,
    ]);
  }, 120_000);
});
