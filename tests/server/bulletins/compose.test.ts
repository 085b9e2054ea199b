import { api, type ApiError } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members } from '../../../server/src/db/schema';
import { paragraph } from '../../support/bulletinFactories';
import { signedInMember } from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const appConfigSource = readFileSync(new URL('../../../miniapp/src/app.config.ts', import.meta.url), 'utf8');
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined as never,
    (error: ApiError) => error,
  );
let nextNumber = 1;

async function draftWithArticles(titles: string[]) {
  const { client } = await signedInMember(server, ['secretariat']);
  const issue = await client.call(api.bulletins.createIssue, { body: { year: 2026, number: nextNumber++, date: '2026-11-25' } });
  const articles = [];
  for (const title of titles) {
    articles.push(
      await client.call(api.bulletins.addArticle, { params: { id: issue.id }, body: { title, blocks: [paragraph(`${title}的正文。`)] } }),
    );
  }
  return { client, issue, articles };
}

describe('composing an issue', () => {
  it('creates a draft with the usual title-page lines and distribution', async () => {
    const { issue } = await draftWithArticles([]);
    expect(issue).toMatchObject({
      status: 'draft',
      titleLines: ['内部刊物', '注意保存'],
      distribution: { report: [], send: ['协会会员'] },
      toc: [],
    });
    expect(issue.label).toMatch(/^2026 年第 \d+ 期$/);
  });

  it('refuses an issue that cannot be identified and a duplicate 期', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const anonymous = await failure(client.call(api.bulletins.createIssue, { body: { year: null, number: null } }));
    expect(anonymous.status).toBe(400);
    await client.call(api.bulletins.createIssue, { body: { year: 2030, number: 1 } });
    expect((await failure(client.call(api.bulletins.createIssue, { body: { year: 2030, number: 1 } }))).status).toBe(409);
  });

  it('adds, edits, reorders and removes articles; the 导读 follows', async () => {
    const { client, issue, articles } = await draftWithArticles(['甲', '乙', '丙']);
    const [a, b, c] = articles.map((x) => x.id) as [number, number, number];
    await client.call(api.bulletins.updateArticle, { params: { id: b }, body: { title: '乙（修订）', section: '协会动态' } });
    const reordered = await client.call(api.bulletins.reorder, { params: { id: issue.id }, body: { articleIds: [c, a, b] } });
    expect(reordered.toc.map((t) => t.title)).toEqual(['丙', '甲', '乙（修订）']);
    await client.call(api.bulletins.removeArticle, { params: { id: a } });
    const after = await client.call(api.bulletins.getIssue, { params: { id: issue.id } });
    expect(after.toc.map((t) => [t.title, t.section])).toEqual([
      ['丙', null],
      ['乙（修订）', '协会动态'],
    ]);
    expect((await client.call(api.bulletins.getArticle, { params: { id: b } })).position).toBe(2);
  });

  it("refuses an order that is not exactly the issue's articles", async () => {
    const { client, issue, articles } = await draftWithArticles(['一', '二']);
    const error = await failure(client.call(api.bulletins.reorder, { params: { id: issue.id }, body: { articleIds: [articles[0]!.id] } }));
    expect(error.status).toBe(400);
  });

  it('refuses an article without body and raw HTML sneaking in as a block type', async () => {
    const { client, issue } = await draftWithArticles([]);
    expect(
      (await failure(client.call(api.bulletins.addArticle, { params: { id: issue.id }, body: { title: '空', blocks: [] } }))).status,
    ).toBe(400);
    const html = await failure(
      client.call(api.bulletins.addArticle, {
        params: { id: issue.id },
        body: { title: 'x', blocks: [{ type: 'html', html: '<script>' }] as never },
      }),
    );
    expect(html.status).toBe(400);
  });

  it('lets the secretariat preview a draft exactly as members will read it once published', async () => {
    const { client, issue, articles } = await draftWithArticles(['预览文章']);
    const preview = await client.call(api.bulletins.getArticle, { params: { id: articles[0]!.id } });
    const member = await signedInMember(server, ['member']);
    expect((await failure(member.client.call(api.bulletins.getArticle, { params: { id: articles[0]!.id } }))).status).toBe(404);
    await client.call(api.bulletins.publish, { params: { id: issue.id }, body: { notify: false } });
    const published = await member.client.call(api.bulletins.getArticle, { params: { id: articles[0]!.id } });
    expect({ ...published, issueStatus: 'draft' }).toEqual(preview);
  });
});

describe('publishing', () => {
  it('publishes once, reminding members who allowed it (each allowance used once)', async () => {
    const reader = await signedInMember(server, ['member']);
    await server.db.update(members).set({ openid: 'reader-openid' }).where(eq(members.id, reader.member.id));
    await reader.client.call(api.bulletins.subscribe);
    const { client, issue } = await draftWithArticles(['要闻']);
    const result = await client.call(api.bulletins.publish, { params: { id: issue.id }, body: { notify: true } });
    expect(result.issue.status).toBe('published');
    expect(result.notified).toBe(1);
    const sent = server.notifier.sent.filter((m) => m.openid === 'reader-openid');
    expect(sent).toHaveLength(1);
    expect(Array.from(sent[0]!.notice.title).length).toBeLessThanOrEqual(20);
    // The reminder opens the mini-program's issue page, which app.config.ts declares in the bulletin subpackage.
    expect(sent[0]!.notice.page).toBe(`packages/bulletin/issue/index?id=${issue.id}`);
    expect(appConfigSource).toMatch(/root: 'packages\/bulletin'[^}]*'issue\/index'/);
    expect((await failure(client.call(api.bulletins.publish, { params: { id: issue.id }, body: { notify: true } }))).status).toBe(409);

    const second = await draftWithArticles(['下一期']);
    const again = await second.client.call(api.bulletins.publish, { params: { id: second.issue.id }, body: { notify: true } });
    expect(server.notifier.sent.filter((m) => m.openid === 'reader-openid')).toHaveLength(1);
    expect(again.notified).toBe(0);
  });

  it('refuses to publish an issue without articles', async () => {
    const { client, issue } = await draftWithArticles([]);
    expect((await failure(client.call(api.bulletins.publish, { params: { id: issue.id }, body: {} }))).status).toBe(400);
  });

  it('lets a published issue be corrected, with every change in the audit log', async () => {
    const { client, issue, articles } = await draftWithArticles(['原标题']);
    await client.call(api.bulletins.publish, { params: { id: issue.id }, body: {} });
    await client.call(api.bulletins.updateIssue, { params: { id: issue.id }, body: { date: '2026-11-26' } });
    await client.call(api.bulletins.updateArticle, { params: { id: articles[0]!.id }, body: { title: '更正后的标题' } });
    const log = await client.call(api.audit.list, { query: { pageSize: 100 } });
    const actions = log.items.map((e) => `${e.action}:${e.entityId}`);
    expect(actions).toContain(`bulletin.publish:${issue.id}`);
    expect(actions).toContain(`bulletin.correct:${issue.id}`);
    expect(actions).toContain(`bulletin.article_update:${articles[0]!.id}`);
    const search = await client.call(api.bulletins.search, { query: { q: '更正后的标题' } });
    expect(search.items.map((h) => h.articleId)).toContain(articles[0]!.id);
  });
});
