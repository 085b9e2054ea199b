import { readFile } from 'node:fs/promises';
import {
  api,
  bulletinRefusals,
  commonRefusals,
  ERROR_STATUS,
  ErrorBody,
  ImportResult,
  uploadRefusals,
  type ApiClient,
  type Refusal,
  type RefusalDetails,
} from '@zhijian/shared';
import { asc, count, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseBulletinFile, toDryRunDocument } from '../../../server/src/bulletinImport';
import { articleFavourites, articleReads, auditLog, bulletinArticles, bulletinIssues } from '../../../server/src/db/schema';
import { createMember, signedInMember } from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/testServer';
import { buildDocx, fixture, seed } from '../bulletinImport/helpers';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const NO36 = 'bulletin-2016-02-no36.txt';
const NO33 = 'bulletin-2015-09-no33.txt';
const CONGRESS = 'bulletin-2015-member-congress.txt';

type Query = { dryRun?: 'true'; year?: number; number?: number; total?: number; date?: string };

async function upload(client: ApiClient, file: Buffer, name: string, query: Query = {}) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), name);
  const response = await fetch(client.url(api.bulletins.importIssue, { query }), { method: 'POST', headers: client.headers(), body: form });
  return { status: response.status, body: (await response.json()) as unknown };
}

const seedFile = (name: string) => readFile(seed(name));

/** Asserts an upload was refused with this refusal (status, code, reason); returns the error for its details and message. */
function expectRefusedUpload<F extends Refusal>(result: { status: number; body: unknown }, refusal: F) {
  const { error } = ErrorBody.parse(result.body);
  expect({ status: result.status, code: error.code, reason: error.details.reason }).toEqual({
    status: ERROR_STATUS[refusal.code],
    code: refusal.code,
    reason: refusal.reason,
  });
  return { message: error.message, details: error.details as RefusalDetails<F> };
}

async function secretary() {
  return (await signedInMember(server, ['secretariat'])).client;
}

async function importSeed(client: ApiClient, name: string, query: Query = {}) {
  const result = await upload(client, await seedFile(name), name, query);
  expect(result.status).toBe(200);
  return ImportResult.parse(result.body);
}

/** Everything an import could change, to prove a refusal changed nothing. */
async function snapshot() {
  const [issues] = await server.db.select({ n: count() }).from(bulletinIssues);
  const [articles] = await server.db.select({ n: count() }).from(bulletinArticles);
  const audits = await server.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'bulletin.import'));
  return { issues: issues!.n, articles: articles!.n, audits: audits[0]!.n };
}

async function articlesOf(issueId: number) {
  return server.db.select().from(bulletinArticles).where(eq(bulletinArticles.issueId, issueId)).orderBy(asc(bulletinArticles.position));
}

/** A small issue in the line form of the converted samples. */
function issueText(articles: { title: string; body: string }[], header = '2019 年第 4 期 总第 75 期') {
  return [
    '内部刊物',
    '简报',
    header,
    '杭州市“两新”党务工作者协会编印 2019 年 4 月 18 日',
    ...articles.flatMap((article) => [`☆${article.title}`, article.body]),
    '报：市委组织部',
    '发：协会会员',
  ].join('\n\n');
}

describe('POST /api/bulletins/import', () => {
  it('should require authentication and the secretariat role, and change nothing otherwise', async () => {
    const file = await seedFile(NO36);
    const before = await snapshot();
    expectRefusedUpload(await upload(server.client, file, NO36), commonRefusals.unauthorized);
    for (const roles of [['member'], ['unit_admin', 'info_officer'], ['reviewer']] as const) {
      const { client } = await signedInMember(server, [...roles]);
      expectRefusedUpload(await upload(client, file, NO36), commonRefusals.forbidden);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('imports the three sample issues as published back-catalogue issues with their articles', async () => {
    const client = await secretary();
    const no33 = await importSeed(client, NO33);
    const no36 = await importSeed(client, NO36);
    const congress = await importSeed(client, CONGRESS, { year: 2015, number: 3 });
    for (const result of [no33, no36, congress]) expect(result).toMatchObject({ dryRun: false, created: true });
    expect(no36.document).toEqual(toDryRunDocument(await parseBulletinFile(seed(NO36))));

    expect(await snapshot()).toEqual({ issues: 3, articles: 5 + 5 + 6, audits: 3 });
    const [issue] = await server.db.select().from(bulletinIssues).where(eq(bulletinIssues.id, no36.issueId!));
    expect(issue).toMatchObject({
      year: 2016,
      number: 2,
      totalNumber: 36,
      date: '2016-02-18',
      publisher: '杭州市“两新”党务工作者协会',
      status: 'published',
      titleLines: ['内部刊物', '注意保存'],
      distributionSend: ['协会会员'],
    });
    // 09:00 in Hangzhou on the issue's date.
    expect(issue!.publishedAt!.toISOString()).toBe('2016-02-18T01:00:00.000Z');
    expect(issue!.distributionReport).toContain('市委组织部两新党建处');

    const articles = await articlesOf(no36.issueId!);
    expect(articles.map((a) => a.position)).toEqual([1, 2, 3, 4, 5]);
    expect(articles[4]).toMatchObject({ title: '杭州市委组织部两新处领导到协会座谈近期工作', section: '协会动态' });
    for (const article of articles) {
      expect(article.plainText.length).toBeGreaterThan(50);
      expect(article.bigrams.length).toBeGreaterThan(10);
      expect(article.searchTitle).not.toBe('');
    }

    // Members find them: listed, readable, searchable.
    const { client: member } = await signedInMember(server, ['member']);
    const list = await member.call(api.bulletins.listIssues, { query: {} });
    expect(list.years.flatMap((y) => y.issues).map((i) => i.status)).toEqual(['published', 'published', 'published']);
    const hits = await member.call(api.bulletins.search, { query: { q: '爱E客栈' } });
    expect(hits.total).toBeGreaterThan(0);
    expect(hits.items.every((hit) => hit.issueId === congress.issueId)).toBe(true);
  });

  it('audits each import with summaries, not bodies', async () => {
    const { member, client } = await signedInMember(server, ['secretariat']);
    const upload36 = await upload(client, await seedFile(NO36), '简报第36期.txt');
    const result = ImportResult.parse(upload36.body);
    const [entry] = await server.db.select().from(auditLog).where(eq(auditLog.action, 'bulletin.import'));
    expect(entry).toMatchObject({ actorId: member.id, entity: 'bulletin_issue', entityId: String(result.issueId), before: null });
    expect(entry!.after).toMatchObject({ totalNumber: 36, status: 'published', source: '简报第36期.txt', added: 5, removed: 0 });
    expect(JSON.stringify(entry!.after).length).toBeLessThan(1000);
  });

  it('updates an issue imported again instead of duplicating it, keeping article ids, reads and favourites', async () => {
    const client = await secretary();
    const first = await importSeed(client, NO36);
    const before = await articlesOf(first.issueId!);
    const reader = await createMember(server.db);
    const at = server.clock.now();
    await server.db.insert(articleReads).values({ memberId: reader.id, articleId: before[1]!.id, readAt: at });
    await server.db.insert(articleFavourites).values({ memberId: reader.id, articleId: before[1]!.id, createdAt: at });

    const again = await importSeed(client, NO36);
    expect(again).toMatchObject({ created: false, issueId: first.issueId });
    expect(await snapshot()).toEqual({ issues: 1, articles: 5, audits: 2 });
    expect((await articlesOf(first.issueId!)).map((a) => a.id)).toEqual(before.map((a) => a.id));
    expect(await server.db.select().from(articleFavourites)).toHaveLength(1);
    expect(await server.db.select().from(articleReads)).toHaveLength(1);
  });

  it('on re-import edits changed articles, adds new ones and removes the ones no longer there', async () => {
    const client = await secretary();
    const text = (articles: { title: string; body: string }[]) => Buffer.from(issueText(articles));
    const first = ImportResult.parse(
      (
        await upload(
          client,
          text([
            { title: '甲单位推行党员固定活动日', body: '每月15日为党员固定活动日。' },
            { title: '乙单位建立书记直通车', body: '党员可以直接向书记反映意见。' },
          ]),
          'a.txt',
        )
      ).body,
    );
    const [a, b] = await articlesOf(first.issueId!);
    const { status, body } = await upload(
      client,
      text([
        { title: '丙单位开展网络击鼓传花', body: '各支部轮流上传视频。' },
        { title: '甲单位推行党员固定活动日', body: '每月5日、15日或25日中固定一日开展活动。' },
      ]),
      'b.txt',
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ created: false, issueId: first.issueId });
    const after = await articlesOf(first.issueId!);
    expect(after.map((x) => x.title)).toEqual(['丙单位开展网络击鼓传花', '甲单位推行党员固定活动日']);
    expect(after[1]).toMatchObject({ id: a!.id, position: 2, plainText: '每月5日、15日或25日中固定一日开展活动。' });
    expect(after[1]!.bigrams).toContain('25');
    expect(after[1]!.bigrams).not.toContain('日为');
    expect(after.map((x) => x.id)).not.toContain(b!.id);
    const [entry] = await server.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'bulletin.import'))
      .orderBy(asc(auditLog.id))
      .offset(1);
    expect(entry!.before).toMatchObject({ articles: ['甲单位推行党员固定活动日', '乙单位建立书记直通车'] });
    expect(entry!.after).toMatchObject({ added: 1, updated: 1, unchanged: 0, removed: 1 });
  });

  it('asks for the 期号 when the file has none, and takes missing header fields from the query', async () => {
    const client = await secretary();
    const file = await seedFile(CONGRESS);
    const refused = expectRefusedUpload(await upload(client, file, CONGRESS), bulletinRefusals.issue_number_missing);
    // The message says how to give the 期号 here: by query (the mini-program's fields).
    expect(refused.message).toContain('请用参数指定期号');
    expect(await snapshot()).toEqual({ issues: 0, articles: 0, audits: 0 });
    // A preview still shows it, saying what is missing.
    const preview = await importSeed(client, CONGRESS, { dryRun: 'true' });
    expect(preview.document.articles).toHaveLength(6);
    expect(preview.document.warnings.at(-1)).toContain('请用参数指定期号');

    const created = await importSeed(client, CONGRESS, { year: 2015, number: 3, date: '2015-03-20' });
    const [issue] = await server.db.select().from(bulletinIssues).where(eq(bulletinIssues.id, created.issueId!));
    expect(issue).toMatchObject({ year: 2015, number: 3, totalNumber: null, date: '2015-03-20' });
    expect(issue!.publishedAt!.toISOString()).toBe('2015-03-20T01:00:00.000Z');

    // Learning its 总期 later fills it in on the same issue.
    const withTotal = await importSeed(client, CONGRESS, { year: 2015, number: 3, total: 27 });
    expect(withTotal).toMatchObject({ created: false, issueId: created.issueId });
    const [updated] = await server.db.select().from(bulletinIssues).where(eq(bulletinIssues.id, created.issueId!));
    expect(updated).toMatchObject({ totalNumber: 27, date: '2015-03-20' });
    expect(await snapshot()).toMatchObject({ issues: 1, articles: 6 });
  });

  it('refuses a 期 already stored under another 总期 with 409', async () => {
    const client = await secretary();
    await importSeed(client, NO36);
    const no36 = await server.db.select().from(bulletinIssues);
    const refused = expectRefusedUpload(
      await upload(client, await seedFile(NO33), NO33, { year: 2016, number: 2 }),
      bulletinRefusals.issue_number_taken,
    );
    expect(refused.details).toMatchObject({ issueId: no36[0]!.id, label: '2016 年第 2 期（总第 36 期）' });
    // Which numbers disagree, for the secretariat to check.
    expect(refused.message).toBe(
      '2016 年第 2 期已存在（2016 年第 2 期 总第 36 期），与本次导入的2016 年第 2 期 总第 33 期不符，请核对期号',
    );
    // A preview of the same file says so too.
    const preview = await upload(client, await seedFile(NO33), NO33, { dryRun: 'true', year: 2016, number: 2 });
    expectRefusedUpload(preview, bulletinRefusals.issue_number_taken);
    expect(await snapshot()).toEqual({ issues: 1, articles: 5, audits: 1 });
  });

  it('only parses on a dry run: the document, whether it would be new, nothing written', async () => {
    const client = await secretary();
    const dry = await importSeed(client, NO36, { dryRun: 'true' });
    expect(dry).toEqual({ dryRun: true, issueId: null, created: true, document: toDryRunDocument(await parseBulletinFile(seed(NO36))) });
    expect(await snapshot()).toEqual({ issues: 0, articles: 0, audits: 0 });

    await importSeed(client, NO36);
    const before = await snapshot();
    expect(await importSeed(client, NO36, { dryRun: 'true' })).toMatchObject({ created: false, issueId: null });
    expect(await snapshot()).toEqual(before);
  });

  it('reads a Word (.docx) issue', async () => {
    const client = await secretary();
    const lines = issueText([{ title: '新安集团实施“四双四化”', body: '**二是生产经营与党建工作“双经营”**。' }]).split('\n\n');
    const result = await upload(client, await buildDocx(lines), '简报.docx');
    expect(result.status).toBe(200);
    const [article] = await articlesOf(ImportResult.parse(result.body).issueId!);
    expect(article!.blocks).toEqual([
      {
        type: 'paragraph',
        spans: [
          { text: '二是生产经营与党建工作“双经营”', bold: true },
          { text: '。', bold: false },
        ],
      },
    ]);
  });

  describe('refusals change nothing', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

    // The message names what is wrong with this file: the secretariat reads it in the mini-program.
    it.each([
      ['an empty file', () => Buffer.alloc(0), 'a.txt', uploadRefusals.file_empty, {}, '文件是空的'],
      ['a file of blank lines', () => Buffer.from('\n\u3000\n'), 'a.txt', uploadRefusals.file_empty, {}, '没有任何文字内容'],
      ['a broken .docx', () => Buffer.from('this is not a Word file'), 'a.docx', uploadRefusals.file_unreadable, {}, 'Word 文件已损坏'],
      [
        'a zip that is not a Word document',
        async () => {
          const zip = new JSZip();
          zip.file('hello.txt', 'hello');
          return zip.generateAsync({ type: 'nodebuffer' });
        },
        'a.docx',
        uploadRefusals.file_unreadable,
        {},
        'Word 文件已损坏',
      ],
      ['a PNG named .docx', () => png, 'a.docx', uploadRefusals.file_type_refused, { detected: 'png' }, 'PNG 图片'],
      ['a PNG named .txt', () => png, 'a.txt', uploadRefusals.file_type_refused, { detected: 'png' }, 'PNG 图片'],
      [
        'an old Office file that is no Word document',
        () => Buffer.from('d0cf11e0a1b11ae1000000000000000000000000000000003e000300feff0900', 'hex'),
        'a.doc',
        uploadRefusals.file_type_refused,
        { detected: 'cfb' },
        '旧版 Excel 或 PowerPoint',
      ],
      [
        'binary data that is no known type',
        () => Buffer.from([0x00, 0x01, 0x02, 0x41, 0x42]),
        'a.txt',
        uploadRefusals.file_type_refused,
        { detected: null },
        '文件不是文本',
      ],
      [
        'a text that is not a newsletter',
        () => readFile(fixture('not-a-bulletin.txt')),
        'a.txt',
        bulletinRefusals.not_a_bulletin,
        {},
        '不是一期协会简报',
      ],
    ] as const)('refuses %s', async (_, content, name, refusal: Refusal, details, message) => {
      const client = await secretary();
      const refused = expectRefusedUpload(await upload(client, await content(), name), refusal);
      expect(refused.details).toEqual({ reason: refusal.reason, ...details });
      expect(refused.message).toContain(message);
      expect(await snapshot()).toEqual({ issues: 0, articles: 0, audits: 0 });
    });

    it('refuses a request without a file, and JSON instead of a form', async () => {
      const client = await secretary();
      const url = client.url(api.bulletins.importIssue, { query: {} });
      const empty = await fetch(url, { method: 'POST', headers: client.headers(), body: new FormData() });
      expectRefusedUpload({ status: empty.status, body: await empty.json() }, uploadRefusals.file_missing);
      const json = await fetch(url, { method: 'POST', headers: { ...client.headers(), 'content-type': 'application/json' }, body: '{}' });
      expectRefusedUpload({ status: json.status, body: await json.json() }, commonRefusals.unsupported_media_type);
      expect(await snapshot()).toEqual({ issues: 0, articles: 0, audits: 0 });
    });

    it('refuses an upload over 10 MB with 413', async () => {
      const client = await secretary();
      const big = Buffer.concat([await seedFile(NO36), Buffer.alloc(10 * 1024 * 1024, 0x20)]);
      expectRefusedUpload(await upload(client, big, 'big.txt'), commonRefusals.payload_too_large);
      expect(await snapshot()).toEqual({ issues: 0, articles: 0, audits: 0 });
    });

    it('refuses query flags out of range', async () => {
      const client = await secretary();
      const refused = expectRefusedUpload(
        await upload(client, await seedFile(CONGRESS), CONGRESS, { year: 15, number: 3 }),
        commonRefusals.invalid_fields,
      );
      expect(refused.details.issues).toEqual([expect.objectContaining({ path: 'query.year', label: '年份' })]);
      expect(await snapshot()).toEqual({ issues: 0, articles: 0, audits: 0 });
    });
  });
});
