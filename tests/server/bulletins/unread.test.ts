import { api } from '@zhijian/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIssue } from '../../support/bulletinFactories';
import { signedInMember } from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('unread markers', () => {
  it("counts each issue's articles I have not read, and marks its 导读 entries, for me alone", async () => {
    const { issue, articles } = await createIssue(server.db, {
      year: 2031,
      number: 1,
      articles: [
        { title: '甲', paragraphs: ['正文'] },
        { title: '乙', paragraphs: ['正文'] },
        { title: '丙', paragraphs: ['正文'] },
      ],
    });
    const me = await signedInMember(server, ['member']);
    const other = await signedInMember(server, ['member']);
    await me.client.call(api.bulletins.reportRead, { params: { id: articles[1]!.id }, body: { seconds: 600 } });

    const mine = await me.client.call(api.bulletins.listIssues, { query: { pageSize: 100 } });
    const listed = mine.years.flatMap((y) => y.issues).find((i) => i.id === issue.id);
    expect(listed).toMatchObject({ articleCount: 3, unreadCount: 2 });
    const theirs = await other.client.call(api.bulletins.listIssues, { query: { pageSize: 100 } });
    expect(theirs.years.flatMap((y) => y.issues).find((i) => i.id === issue.id)).toMatchObject({ unreadCount: 3 });

    const detail = await me.client.call(api.bulletins.getIssue, { params: { id: issue.id } });
    expect(detail.toc.map((entry) => [entry.title, entry.read])).toEqual([
      ['甲', false],
      ['乙', true],
      ['丙', false],
    ]);
    expect(detail.unreadCount).toBe(2);
  });
});
