import { api, bulletinRefusals, commonRefusals } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, bulletinArticles, bulletinIssues, bulletinSubscriptions, members } from '../../../server/src/db/schema';
import { paragraph } from '../../support/bulletinFactories';
import { signedInMember } from '../../support/factories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const appConfigSource = readFileSync(new URL('../../../miniapp/src/app.config.ts', import.meta.url), 'utf8');
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

/** A member who allowed one reminder and can receive it. */
async function subscribedReader(openid: string) {
  const reader = await signedInMember(server, ['member']);
  await server.db.update(members).set({ openid }).where(eq(members.id, reader.member.id));
  await reader.client.call(api.bulletins.subscribe);
  return reader;
}

/**
 * Starts concurrent calls. On PostgreSQL they start while the test holds the issue's row, so
 * that they all meet at it; PGlite runs one transaction at a time anyway.
 */
async function together<T>(issueId: number, start: () => Promise<T>): Promise<T> {
  if (server.database.kind !== 'postgres') return start();
  let started!: Promise<T>;
  await server.db.transaction(async (tx) => {
    await tx.select({ id: bulletinIssues.id }).from(bulletinIssues).where(eq(bulletinIssues.id, issueId)).for('update');
    started = start();
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
  return started;
}

describe('POST /api/bulletins/issues', () => {
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

  it('refuses an issue that cannot be identified', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    await expectRefused(
      client.call(api.bulletins.createIssue, { body: { year: null, number: null } }),
      bulletinRefusals.issue_number_missing,
    );
    await expectRefused(
      client.call(api.bulletins.createIssue, { body: { year: 2030, number: null } }),
      bulletinRefusals.issue_number_missing,
    );
  });

  it('refuses a 期 or a 总期 that another issue already has, naming it', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const first = await client.call(api.bulletins.createIssue, { body: { year: 2030, number: 1, totalNumber: 3001 } });
    const sameIssue = await expectRefused(
      client.call(api.bulletins.createIssue, { body: { year: 2030, number: 1 } }),
      bulletinRefusals.issue_number_taken,
    );
    expect(sameIssue).toEqual({ reason: 'issue_number_taken', issueId: first.id, label: first.label });
    const sameTotal = await expectRefused(
      client.call(api.bulletins.createIssue, { body: { year: null, number: null, totalNumber: 3001 } }),
      bulletinRefusals.issue_number_taken,
    );
    expect(sameTotal.issueId).toBe(first.id);
  });

  it('refuses fields out of range, naming them in Chinese', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const details = await expectRefused(
      client.call(api.bulletins.createIssue, { body: { year: 1800, number: 1 } }),
      commonRefusals.invalid_fields,
    );
    expect(details.issues).toEqual([expect.objectContaining({ path: 'body.year', label: '年份' })]);
  });
});

describe('PATCH /api/bulletins/issues/:id', () => {
  it('changes only the fields it names: title lines, publisher and distribution keep their values', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const issue = await client.call(api.bulletins.createIssue, {
      body: {
        year: 2027,
        number: 1,
        publisher: '某编印单位',
        titleLines: ['内部资料'],
        distribution: { report: ['市委组织部'], send: ['各会员单位'] },
      },
    });
    const changed = await client.call(api.bulletins.updateIssue, { params: { id: issue.id }, body: { date: '2027-01-18' } });
    expect(changed).toMatchObject({
      date: '2027-01-18',
      publisher: '某编印单位',
      titleLines: ['内部资料'],
      distribution: { report: ['市委组织部'], send: ['各会员单位'] },
      totalNumber: null,
    });
  });

  it('refuses an empty change, and numbers that would leave the issue unidentified or taken', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const one = await client.call(api.bulletins.createIssue, { body: { year: 2027, number: 2 } });
    const two = await client.call(api.bulletins.createIssue, { body: { year: 2027, number: 3 } });
    await expectRefused(client.call(api.bulletins.updateIssue, { params: { id: one.id }, body: {} }), commonRefusals.invalid_fields);
    await expectRefused(
      client.call(api.bulletins.updateIssue, { params: { id: one.id }, body: { number: null } }),
      bulletinRefusals.issue_number_missing,
    );
    const taken = await expectRefused(
      client.call(api.bulletins.updateIssue, { params: { id: two.id }, body: { number: 2 } }),
      bulletinRefusals.issue_number_taken,
    );
    expect(taken.issueId).toBe(one.id);
    // Its own numbers are not "taken".
    expect((await client.call(api.bulletins.updateIssue, { params: { id: two.id }, body: { year: 2027, number: 3 } })).number).toBe(3);
  });

  it('answers 404 for an issue that does not exist', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const details = await expectRefused(
      client.call(api.bulletins.updateIssue, { params: { id: 999_999 }, body: { date: '2027-01-18' } }),
      commonRefusals.not_found,
    );
    expect(details.resource).toBe('简报');
  });
});

describe('articles: POST /api/bulletins/issues/:id/articles, PATCH and DELETE /api/bulletins/articles/:id', () => {
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

  it('keeps the section and body of an article when only its title changes, and searches the new title', async () => {
    const { client, articles } = await draftWithArticles(['原来的标题']);
    const id = articles[0]!.id;
    await client.call(api.bulletins.updateArticle, { params: { id }, body: { section: '协会动态' } });
    const renamed = await client.call(api.bulletins.updateArticle, { params: { id }, body: { title: '换过的独特标题丁戊' } });
    expect(renamed).toMatchObject({ title: '换过的独特标题丁戊', section: '协会动态', blocks: [paragraph('原来的标题的正文。')] });
    const hits = await client.call(api.bulletins.search, { query: { q: '独特标题丁戊' } });
    expect(hits.items.map((hit) => hit.articleId)).toEqual([id]);
  });

  it('refuses an article without body and raw HTML sneaking in as a block type', async () => {
    const { client, issue } = await draftWithArticles([]);
    const empty = await expectRefused(
      client.call(api.bulletins.addArticle, { params: { id: issue.id }, body: { title: '空', blocks: [] } }),
      commonRefusals.invalid_fields,
    );
    expect(empty.issues).toEqual([expect.objectContaining({ path: 'body.blocks', label: '正文' })]);
    await expectRefused(
      client.call(api.bulletins.addArticle, {
        params: { id: issue.id },
        body: { title: 'x', blocks: [{ type: 'html', html: '<script>' }] as never },
      }),
      commonRefusals.invalid_fields,
    );
  });

  it('gives concurrent additions positions of their own', async () => {
    const { client, issue } = await draftWithArticles([]);
    const titles = ['一', '二', '三', '四'];
    const added = await together(issue.id, () =>
      Promise.all(
        titles.map((title) =>
          client.call(api.bulletins.addArticle, { params: { id: issue.id }, body: { title, blocks: [paragraph('正文。')] } }),
        ),
      ),
    );
    const stored = await server.db
      .select({ id: bulletinArticles.id, position: bulletinArticles.position })
      .from(bulletinArticles)
      .where(eq(bulletinArticles.issueId, issue.id));
    expect(stored.map((article) => article.position).sort()).toEqual([1, 2, 3, 4]);
    expect(stored.map((article) => article.id).sort()).toEqual(added.map((article) => article.id).sort());
    expect((await client.call(api.bulletins.getIssue, { params: { id: issue.id } })).toc).toHaveLength(4);
  });

  it('answers 404 for an article or issue that does not exist', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const missingIssue = await expectRefused(
      client.call(api.bulletins.addArticle, { params: { id: 999_999 }, body: { title: '无处安放', blocks: [paragraph('正文。')] } }),
      commonRefusals.not_found,
    );
    expect(missingIssue.resource).toBe('简报');
    const missingArticle = await expectRefused(
      client.call(api.bulletins.removeArticle, { params: { id: 999_999 } }),
      commonRefusals.not_found,
    );
    expect(missingArticle.resource).toBe('文章');
  });

  it('lets the secretariat preview a draft exactly as members will read it once published', async () => {
    const { client, issue, articles } = await draftWithArticles(['预览文章']);
    const preview = await client.call(api.bulletins.getArticle, { params: { id: articles[0]!.id } });
    const member = await signedInMember(server, ['member']);
    await expectRefused(member.client.call(api.bulletins.getArticle, { params: { id: articles[0]!.id } }), commonRefusals.not_found);
    await client.call(api.bulletins.publish, { params: { id: issue.id }, body: { notify: false } });
    const published = await member.client.call(api.bulletins.getArticle, { params: { id: articles[0]!.id } });
    expect({ ...published, issueStatus: 'draft' }).toEqual(preview);
  });
});

describe('PUT /api/bulletins/issues/:id/order', () => {
  it("refuses an order that is not exactly the issue's articles, saying what they are", async () => {
    const { client, issue, articles } = await draftWithArticles(['一', '二']);
    const ids = articles.map((article) => article.id);
    for (const articleIds of [[ids[0]!], [ids[0]!, ids[0]!], [ids[0]!, ids[1]!, 999_999]]) {
      const details = await expectRefused(
        client.call(api.bulletins.reorder, { params: { id: issue.id }, body: { articleIds } }),
        bulletinRefusals.article_order_mismatch,
      );
      expect(details.articleIds).toEqual(ids);
    }
    expect((await client.call(api.bulletins.getIssue, { params: { id: issue.id } })).toc.map((t) => t.articleId)).toEqual(ids);
  });
});

describe('POST /api/bulletins/issues/:id/publish', () => {
  it('publishes once, reminding members who allowed it (each allowance used once)', async () => {
    await subscribedReader('reader-openid');
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
    const again = await expectRefused(
      client.call(api.bulletins.publish, { params: { id: issue.id }, body: { notify: true } }),
      bulletinRefusals.issue_already_published,
    );
    expect(again.publishedAt).toBe(result.issue.publishedAt);

    const second = await draftWithArticles(['下一期']);
    const next = await second.client.call(api.bulletins.publish, { params: { id: second.issue.id }, body: { notify: true } });
    expect(server.notifier.sent.filter((m) => m.openid === 'reader-openid')).toHaveLength(1);
    expect(next.notified).toBe(0);
  });

  it('publishes an issue once when several publish it at the same time', async () => {
    const reader = await subscribedReader('race-openid');
    const { client, issue } = await draftWithArticles(['同时发布']);
    const outcomes = await together(issue.id, () =>
      Promise.allSettled(
        Array.from({ length: 4 }, () => client.call(api.bulletins.publish, { params: { id: issue.id }, body: { notify: true } })),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') await expectRefused(Promise.reject(outcome.reason), bulletinRefusals.issue_already_published);
    }
    expect(server.notifier.sent.filter((m) => m.openid === 'race-openid')).toHaveLength(1);
    const [subscription] = await server.db.select().from(bulletinSubscriptions).where(eq(bulletinSubscriptions.memberId, reader.member.id));
    expect(subscription!.remaining).toBe(0);
    const publishes = await server.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(issue.id)));
    expect(publishes.filter((entry) => entry.action === 'bulletin.publish')).toHaveLength(1);
  });

  it('keeps the issue published when the reminders cannot be sent, answering that none went out', async () => {
    await subscribedReader('unlucky-openid');
    const { client, issue } = await draftWithArticles(['提醒发不出去']);
    const sending = vi.spyOn(server.notifier, 'bulletinPublished').mockRejectedValueOnce(new Error('WeChat is down'));
    try {
      const result = await client.call(api.bulletins.publish, { params: { id: issue.id }, body: { notify: true } });
      expect(result).toMatchObject({ issue: { status: 'published' }, notified: 0 });
      expect(sending).toHaveBeenCalledOnce();
    } finally {
      sending.mockRestore();
    }
    expect((await client.call(api.bulletins.getIssue, { params: { id: issue.id } })).status).toBe('published');
  });

  it('refuses to publish an issue without articles', async () => {
    const { client, issue } = await draftWithArticles([]);
    await expectRefused(client.call(api.bulletins.publish, { params: { id: issue.id }, body: {} }), bulletinRefusals.issue_has_no_articles);
    expect((await client.call(api.bulletins.getIssue, { params: { id: issue.id } })).status).toBe('draft');
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
