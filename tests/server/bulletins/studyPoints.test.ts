import { api, type ApiClient } from '@zhijian/shared';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointsLedger } from '../../../server/src/db/schema';
import { createIssue } from '../../support/bulletinFactories';
import { signedInMember } from '../../support/factories';
import { setClock, signedIn } from '../../support/recordFactories';
import { startTestServer, type TestServer } from '../../support/testServer';

/** 学习积分 under the default settings: 1 per effective read, at most 2 a day and 20 a year. */
let server: TestServer;
beforeAll(async () => {
  // The clock moves by days; tokens outlive them (across the year, the reader signs in again).
  server = await startTestServer({ TOKEN_TTL_SECONDS: String(30 * 24 * 3600) });
});
afterAll(() => server.close());

async function articles(count: number) {
  const { articles: rows } = await createIssue(server.db, {
    articles: Array.from({ length: count }, (_, n) => ({ title: `学习材料${n + 1}`, paragraphs: ['一段短文。'] })),
  });
  return rows;
}

const read = (client: ApiClient, id: number, seconds = 600) => client.call(api.bulletins.reportRead, { params: { id }, body: { seconds } });

async function studyRows(memberId: number) {
  return server.db
    .select()
    .from(pointsLedger)
    .where(and(eq(pointsLedger.memberId, memberId), eq(pointsLedger.category, 'study')))
    .orderBy(asc(pointsLedger.id));
}

describe('学习积分 from reading 简报 articles', () => {
  it('earns a point for an effective read, once per article, nothing for a glance', async () => {
    setClock(server, '2026-12-02 09:00:00');
    const [article] = await articles(1);
    const reader = await signedInMember(server, ['member']);
    const other = await signedInMember(server, ['member']);
    expect(await read(reader.client, article!.id, 0)).toMatchObject({ read: false });
    expect(await studyRows(reader.member.id)).toEqual([]);
    await read(reader.client, article!.id);
    await read(reader.client, article!.id);
    // Another reader of the same article earns their own point.
    await read(other.client, article!.id);
    const rows = await studyRows(reader.member.id);
    expect(rows).toEqual([
      expect.objectContaining({
        points: 1,
        category: 'study',
        sourceType: 'article_read',
        sourceId: article!.id,
        reason: '学习积分：阅读「学习材料1」',
        createdAt: server.clock.now(),
      }),
    ]);
    expect((await studyRows(other.member.id)).map((row) => row.points)).toEqual([1]);
  });

  it('stops at two points a day (Asia/Shanghai), and earns again the next day', async () => {
    setClock(server, '2026-12-03 23:00:00');
    const rows = await articles(5);
    const reader = await signedInMember(server, ['member']);
    for (const article of rows.slice(0, 3)) await read(reader.client, article.id);
    expect((await studyRows(reader.member.id)).map((row) => row.points)).toEqual([1, 1]);
    // 00:30 in Shanghai is still 16:30 UTC of the day before: a new day here.
    setClock(server, '2026-12-04 00:30:00');
    for (const article of rows.slice(3)) await read(reader.client, article.id);
    expect((await studyRows(reader.member.id)).map((row) => row.points)).toEqual([1, 1, 1, 1]);
    // The third read of the first day still counts as read, without points.
    const history = await reader.client.call(api.bulletins.myReads);
    expect(history.items).toHaveLength(5);
  });

  it('gives exactly the day’s two points to six reads arriving at once', async () => {
    setClock(server, '2026-12-05 10:00:00');
    const rows = await articles(6);
    const reader = await signedInMember(server, ['member']);
    await Promise.all(rows.map((article) => read(reader.client, article.id)));
    const earned = await studyRows(reader.member.id);
    expect(earned.map((row) => row.points)).toEqual([1, 1]);
    expect((await reader.client.call(api.bulletins.myReads)).items).toHaveLength(6);
  });

  it('stops at twenty points a year, and starts again on 1 January', async () => {
    setClock(server, '2027-06-01 10:00:00');
    const reader = await signedInMember(server, ['member']);
    // Eighteen earlier days' reads, already on the ledger.
    const earlier = await articles(18);
    for (const [n, article] of earlier.entries()) {
      await server.db.insert(pointsLedger).values({
        memberId: reader.member.id,
        category: 'study',
        points: 1,
        reason: `学习积分：阅读「${article.title}」`,
        sourceType: 'article_read',
        sourceId: article.id,
        createdAt: new Date(Date.UTC(2027, 4, 1 + n, 2)),
      });
    }
    const rows = await articles(4);
    await read(reader.client, rows[0]!.id);
    await read(reader.client, rows[1]!.id);
    setClock(server, '2027-06-02 10:00:00');
    await read(reader.client, rows[2]!.id);
    const total = (await studyRows(reader.member.id)).reduce((sum, row) => sum + row.points, 0);
    expect(total).toBe(20);
    setClock(server, '2028-01-01 00:10:00');
    await read(await signedIn(server, reader.member), rows[3]!.id);
    const latest = (await studyRows(reader.member.id)).at(-1)!;
    expect(latest).toMatchObject({ points: 1, sourceId: rows[3]!.id, createdAt: server.clock.now() });
  });
});
