import { api, commonRefusals } from '@zhijian/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIssue } from '../../support/bulletinFactories';
import { createUnit, signedInMember } from '../../support/factories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('GET /api/bulletins/issues', () => {
  it('should require authentication', async () => {
    await expectRefused(server.client.call(api.bulletins.listIssues), commonRefusals.unauthorized);
  });

  it('lists published issues newest first, grouped by year, hiding drafts from members', async () => {
    await createIssue(server.db, { year: 2015, number: 9, articles: [{ title: '旧的一期', paragraphs: ['正文'] }] });
    await createIssue(server.db, {
      year: 2016,
      number: 2,
      articles: [
        { title: '甲', paragraphs: ['正文'] },
        { title: '乙', paragraphs: ['正文'] },
      ],
    });
    await createIssue(server.db, { year: 2016, number: 1 });
    await createIssue(server.db, { year: 2016, number: 3, status: 'draft' });
    const { client } = await signedInMember(server, ['member']);
    const { years } = await client.call(api.bulletins.listIssues);
    const mine = years.filter((y) => y.year === 2015 || y.year === 2016);
    expect(mine.map((y) => y.year)).toEqual([2016, 2015]);
    expect(mine[0]!.issues.map((i) => i.number)).toEqual([2, 1]);
    expect(mine[0]!.issues[0]).toMatchObject({
      label: expect.stringContaining('2016 年第 2 期'),
      articleCount: 2,
      leadTitles: ['甲', '乙'],
    });

    const { client: desk } = await signedInMember(server, ['secretariat']);
    const drafts = await desk.call(api.bulletins.listIssues, { query: { status: 'draft' } });
    expect(drafts.years.flatMap((y) => y.issues).some((i) => i.number === 3 && i.status === 'draft')).toBe(true);
  });

  it('pages the list, a year that spans two pages showing on both', async () => {
    for (const number of [1, 2, 3, 4, 5]) await createIssue(server.db, { year: 2031, number });
    await createIssue(server.db, { year: 2030, number: 12 });
    const { client } = await signedInMember(server, ['member']);
    const first = await client.call(api.bulletins.listIssues, { query: { page: 1, pageSize: 4 } });
    expect(first).toMatchObject({ page: 1, pageSize: 4 });
    expect(first.years.map((y) => y.year)).toEqual([2031]);
    expect(first.years[0]!.issues.map((i) => i.number)).toEqual([5, 4, 3, 2]);
    const second = await client.call(api.bulletins.listIssues, { query: { page: 2, pageSize: 4 } });
    expect(second.total).toBe(first.total);
    // Older issues of this file's other tests follow on the same page.
    expect(second.years.slice(0, 2).map((y) => y.year)).toEqual([2031, 2030]);
    expect(second.years.flatMap((y) => y.issues.map((i) => i.number)).slice(0, 2)).toEqual([1, 12]);
    const tooLarge = await expectRefused(
      client.call(api.bulletins.listIssues, { query: { page: 1, pageSize: 101 } }),
      commonRefusals.invalid_fields,
    );
    expect(tooLarge.issues).toEqual([expect.objectContaining({ path: 'query.pageSize' })]);
  });
});

describe('GET /api/bulletins/issues/:id and articles', () => {
  it('gives the 导读 derived from the articles, and each article with previous and next', async () => {
    const { issue, articles } = await createIssue(server.db, {
      articles: [
        { title: '第一篇', paragraphs: ['一段。'] },
        { title: '第二篇', paragraphs: ['二段。'] },
        { title: '座谈会', section: '协会动态', paragraphs: ['三段。'] },
      ],
    });
    const { client } = await signedInMember(server, ['member']);
    const detail = await client.call(api.bulletins.getIssue, { params: { id: issue.id } });
    expect(detail.toc).toEqual(articles.map((a) => ({ articleId: a.id, title: a.title, section: a.section, read: false })));
    expect(detail.distribution).toEqual({ report: [], send: ['协会会员'] });
    const middle = await client.call(api.bulletins.getArticle, { params: { id: articles[1]!.id } });
    expect(middle).toMatchObject({
      title: '第二篇',
      position: 2,
      prev: { id: articles[0]!.id },
      next: { id: articles[2]!.id },
      read: false,
      favourite: false,
    });
    expect(middle.blocks).toEqual([{ type: 'paragraph', spans: [{ text: '二段。', bold: false }] }]);
    const last = await client.call(api.bulletins.getArticle, { params: { id: articles[2]!.id } });
    expect(last).toMatchObject({ section: '协会动态', next: null });
  });

  it('answers 304 when the reader already has the current version', async () => {
    const { issue } = await createIssue(server.db);
    const { token } = await signedInMember(server, ['member']);
    const url = `${server.url}/api/bulletins/issues/${issue.id}`;
    const first = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const etag = first.headers.get('etag');
    expect(first.status).toBe(200);
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await fetch(url, { headers: { authorization: `Bearer ${token}`, 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('serves an unchanged issue from the client cache after a 304, and fresh data after a change', async () => {
    const { issue } = await createIssue(server.db, { articles: [{ title: '缓存测试', paragraphs: ['正文。'] }] });
    const { client: desk } = await signedInMember(server, ['secretariat']);
    const first = await desk.call(api.bulletins.getIssue, { params: { id: issue.id } });
    const second = await desk.call(api.bulletins.getIssue, { params: { id: issue.id } });
    expect(second).toEqual(first);
    await desk.call(api.bulletins.updateIssue, { params: { id: issue.id }, body: { publisher: '更正后的编印单位' } });
    expect((await desk.call(api.bulletins.getIssue, { params: { id: issue.id } })).publisher).toBe('更正后的编印单位');
  });

  it('hides drafts from members as if they did not exist', async () => {
    const { issue, articles } = await createIssue(server.db, { status: 'draft' });
    const { client } = await signedInMember(server, ['member']);
    const issueHidden = await expectRefused(client.call(api.bulletins.getIssue, { params: { id: issue.id } }), commonRefusals.not_found);
    expect(issueHidden.resource).toBe('简报');
    const id = articles[0]!.id;
    const calls = [
      () => client.call(api.bulletins.getArticle, { params: { id } }),
      () => client.call(api.bulletins.reportRead, { params: { id }, body: { seconds: 600 } }),
      () => client.call(api.bulletins.favourite, { params: { id } }),
      () => client.call(api.bulletins.unfavourite, { params: { id } }),
    ];
    for (const call of calls) expect((await expectRefused(call(), commonRefusals.not_found)).resource).toBe('文章');
    const { client: desk } = await signedInMember(server, ['secretariat']);
    expect((await desk.call(api.bulletins.getIssue, { params: { id: issue.id } })).status).toBe('draft');
    expect((await desk.call(api.bulletins.getArticle, { params: { id } })).issueStatus).toBe('draft');
  });
});

describe('GET /api/bulletins/search', () => {
  it('finds Chinese substrings of two characters or more, title hits first, with highlighted snippets', async () => {
    await createIssue(server.db, {
      date: '2016-02-18',
      articles: [
        { title: '推进智慧党建的新探索', paragraphs: ['园区依托互联网平台开展工作。'] },
        { title: '园区工作纪实', paragraphs: ['我们坚持每月15日开展党员固定活动日，把智慧党建落到实处，党建工作更加扎实。'] },
        { title: '无关的文章', paragraphs: ['这里只谈经营管理。'] },
      ],
    });
    const { client } = await signedInMember(server, ['member']);
    const smart = await client.call(api.bulletins.search, { query: { q: '智慧党建' } });
    expect(smart.items.map((hit) => hit.titleHit)).toEqual([true, false]);
    expect(smart.items[0]!.title.filter((s) => s.hit).map((s) => s.text)).toEqual(['智慧党建']);
    expect(smart.items[1]!.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['智慧党建']);

    const day = await client.call(api.bulletins.search, { query: { q: '固定活动日' } });
    expect(day.total).toBe(1);
    expect(day.items[0]!.snippet.map((s) => s.text).join('')).toContain('固定活动日');

    const two = await client.call(api.bulletins.search, { query: { q: '党建' } });
    expect(two.total).toBeGreaterThanOrEqual(2);
  });

  it('ranks title hits, then body hits, each newest issue first, across pages with the total on each', async () => {
    const word = '排序检验词';
    const older = await createIssue(server.db, {
      date: '2019-05-01',
      articles: [
        { title: `标题含${word}`, paragraphs: ['正文。'] },
        { title: '正文三次', paragraphs: [`${word}，${word}，${word}。`] },
      ],
    });
    const newer = await createIssue(server.db, {
      date: '2021-05-01',
      articles: [
        { title: '正文一次', paragraphs: [`${word}。`] },
        { title: '正文两次', paragraphs: [`${word}与${word}。`] },
      ],
    });
    const oldOnce = await createIssue(server.db, { date: '2018-05-01', articles: [{ title: '旧刊一次', paragraphs: [`${word}。`] }] });
    const { client } = await signedInMember(server, ['member']);
    // Within one issue the article with more hits comes first; across issues the newer one does,
    // however often an older article repeats the word.
    const expected = [older.articles[0]!.id, newer.articles[1]!.id, newer.articles[0]!.id, older.articles[1]!.id, oldOnce.articles[0]!.id];
    const pages = [];
    for (const page of [1, 2, 3]) pages.push(await client.call(api.bulletins.search, { query: { q: word, page, pageSize: 2 } }));
    expect(pages.flatMap((p) => p.items.map((hit) => hit.articleId))).toEqual(expected);
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
    expect(pages[2]!.items[0]!.snippet.map((part) => part.text).join('')).toContain(word);
    const past = await client.call(api.bulletins.search, { query: { q: word, page: 4, pageSize: 2 } });
    expect(past).toMatchObject({ items: [], total: 5 });
  });

  it('puts the newest issue title hit first in a catalogue whose older title hits repeat the word', async () => {
    // A generated back catalogue: ten years of issues, every one with a title hit; the older an
    // issue, the more often its article repeats the word in the body (the 2015 articles that
    // once buried the newest issue's title hit in 8th place). Body-only hits sit in every issue too.
    const word = '新排检验';
    const made = [];
    for (let year = 2041; year <= 2050; year += 1) {
      const repeats = 2051 - year;
      made.push(
        await createIssue(server.db, {
          year,
          number: 1,
          date: `${year}-03-05`,
          articles: [
            { title: `${year}年${word}工作综述`, paragraphs: [Array.from({ length: repeats }, () => `推进${word}。`).join('')] },
            { title: `${year}年其他工作`, paragraphs: [Array.from({ length: repeats + 5 }, () => word).join('，')] },
          ],
        }),
      );
    }
    const { client } = await signedInMember(server, ['member']);
    const first = await client.call(api.bulletins.search, { query: { q: word, pageSize: 20 } });
    expect(first.total).toBe(20);
    const ids = first.items.map((hit) => hit.articleId);
    const newestFirst = [...made].reverse();
    expect(ids).toEqual([...newestFirst.map((m) => m.articles[0]!.id), ...newestFirst.map((m) => m.articles[1]!.id)]);
    expect(first.items[0]!.title.map((part) => part.text).join('')).toBe(`2050年${word}工作综述`);
    expect(first.items.slice(0, 10).every((hit) => hit.titleHit)).toBe(true);
  });

  it('does not find words spread over an article (every bigram present, substring absent)', async () => {
    await createIssue(server.db, { articles: [{ title: '分散', paragraphs: ['红色引领，引擎动力。'] }] });
    const { client } = await signedInMember(server, ['member']);
    expect((await client.call(api.bulletins.search, { query: { q: '红色引擎' } })).total).toBe(0);
  });

  it('never shows draft articles to members', async () => {
    await createIssue(server.db, { status: 'draft', articles: [{ title: '草稿里的独特词语甲乙丙', paragraphs: ['正文。'] }] });
    const { client } = await signedInMember(server, ['member']);
    expect((await client.call(api.bulletins.search, { query: { q: '独特词语甲乙丙' } })).total).toBe(0);
  });

  it('refuses a query shorter than two characters', async () => {
    const { client } = await signedInMember(server, ['member']);
    for (const q of ['党', '党 ', ' 党 \u3000']) {
      const details = await expectRefused(client.call(api.bulletins.search, { query: { q } }), commonRefusals.invalid_fields);
      expect(details.issues).toEqual([expect.objectContaining({ path: 'query.q', message: '请至少输入两个字' })]);
    }
    // One character outside the BMP is two UTF-16 units to the schema, one character to search.
    const astral = await expectRefused(client.call(api.bulletins.search, { query: { q: '𠀀' } }), commonRefusals.invalid_fields);
    expect(astral.issues).toEqual([{ path: 'query.q', message: '请至少输入两个字', label: '检索词' }]);
  });
});

describe('reading marks, history and favourites', () => {
  it('counts an article as read only after the reader stayed long enough', async () => {
    const { articles } = await createIssue(server.db, { articles: [{ title: '长文', paragraphs: ['字'.repeat(600)] }] });
    const { client } = await signedInMember(server, ['member']);
    const id = articles[0]!.id;
    const glance = await client.call(api.bulletins.reportRead, { params: { id }, body: { seconds: 5 } });
    expect(glance).toEqual({ read: false, secondsToRead: 20 });
    expect(await client.call(api.bulletins.reportRead, { params: { id }, body: { seconds: 21 } })).toEqual({
      read: true,
      secondsToRead: 20,
    });
    expect((await client.call(api.bulletins.getArticle, { params: { id } })).read).toBe(true);
    const history = await client.call(api.bulletins.myReads);
    expect(history.items.map((item) => item.articleId)).toEqual([id]);
  });

  it('refuses a negative or missing duration', async () => {
    const { articles } = await createIssue(server.db);
    const { client } = await signedInMember(server, ['member']);
    for (const body of [{ seconds: -1 }, {}]) {
      const details = await expectRefused(
        client.call(api.bulletins.reportRead, { params: { id: articles[0]!.id }, body: body as { seconds: number } }),
        commonRefusals.invalid_fields,
      );
      expect(details.issues).toEqual([expect.objectContaining({ path: 'body.seconds', label: '阅读时长（秒）' })]);
    }
  });

  it('adds and removes favourites, idempotently', async () => {
    const { articles } = await createIssue(server.db, { articles: [{ title: '值得收藏', paragraphs: ['正文。'] }] });
    const { client } = await signedInMember(server, ['member']);
    const id = articles[0]!.id;
    await client.call(api.bulletins.favourite, { params: { id } });
    await client.call(api.bulletins.favourite, { params: { id } });
    expect((await client.call(api.bulletins.myFavourites)).items.map((i) => i.title)).toEqual(['值得收藏']);
    expect((await client.call(api.bulletins.getArticle, { params: { id } })).favourite).toBe(true);
    await client.call(api.bulletins.unfavourite, { params: { id } });
    expect((await client.call(api.bulletins.myFavourites)).total).toBe(0);
  });

  it('shows the secretariat how many members of each unit and 片组 read an issue', async () => {
    const { issue, articles } = await createIssue(server.db, { articles: [{ title: '统计', paragraphs: ['短文。'] }] });
    const reader = await signedInMember(server, ['member']);
    await signedInMember(server, ['member'], { unitId: reader.member.unitId });
    await reader.client.call(api.bulletins.reportRead, { params: { id: articles[0]!.id }, body: { seconds: 60 } });
    const { client: desk } = await signedInMember(server, ['secretariat']);
    const stats = await desk.call(api.bulletins.stats, { params: { id: issue.id } });
    expect(stats.units.find((u) => u.unitId === reader.member.unitId)).toMatchObject({ members: 2, readers: 1 });
    expect(stats.readers).toBe(1);
    expect(stats.groups.reduce((sum, g) => sum + g.readers, 0)).toBe(1);
  });

  it('counts a reader of two articles once, and shows a unit without members as 0 of 0', async () => {
    const { issue, articles } = await createIssue(server.db, {
      articles: [
        { title: '第一篇', paragraphs: ['短文。'] },
        { title: '第二篇', paragraphs: ['短文。'] },
      ],
    });
    const reader = await signedInMember(server, ['member']);
    const other = await signedInMember(server, ['member'], { unitId: reader.member.unitId });
    await signedInMember(server, ['member'], { unitId: reader.member.unitId });
    for (const article of articles)
      await reader.client.call(api.bulletins.reportRead, { params: { id: article.id }, body: { seconds: 60 } });
    await other.client.call(api.bulletins.reportRead, { params: { id: articles[1]!.id }, body: { seconds: 30 } });
    const empty = await createUnit(server.db);
    const { client: desk } = await signedInMember(server, ['secretariat']);
    const stats = await desk.call(api.bulletins.stats, { params: { id: issue.id } });
    expect(stats.units.find((u) => u.unitId === reader.member.unitId)).toMatchObject({ members: 3, readers: 2 });
    expect(stats.units.find((u) => u.unitId === empty.id)).toMatchObject({ members: 0, readers: 0 });
    expect(stats.readers).toBe(2);
  });
});
