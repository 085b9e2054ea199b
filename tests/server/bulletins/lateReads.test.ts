import { api, randomIdempotencyKey } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleReads, pointsLedger } from '../../../server/src/db/schema';
import { createIssue } from '../../support/bulletinFactories';
import { signedInMember } from '../../support/factories';
import { setClock } from '../../support/recordFactories';
import { startTestServer, type TestServer } from '../../support/testServer';

/** Reads made offline and reported from the device's outbox later, with the time they were made. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ TOKEN_TTL_SECONDS: String(30 * 24 * 3600) });
});
afterAll(() => server.close());

async function readerAndArticle() {
  // createIssue publishes at 2026-11-01 01:00Z.
  const { articles } = await createIssue(server.db, { articles: [{ title: '离线读的文章', paragraphs: ['一段短文。'] }] });
  const reader = await signedInMember(server, ['member']);
  const report = (readAt: string, seconds = 60) =>
    reader.client.call(api.bulletins.reportRead, { params: { id: articles[0]!.id }, body: { seconds, readAt } });
  const traces = async () => {
    const [read] = await server.db
      .select({ readAt: articleReads.readAt })
      .from(articleReads)
      .where(and(eq(articleReads.memberId, reader.member.id), eq(articleReads.articleId, articles[0]!.id)));
    const points = await server.db
      .select({ at: pointsLedger.createdAt })
      .from(pointsLedger)
      .where(eq(pointsLedger.memberId, reader.member.id));
    return { readAt: read?.readAt.toISOString(), points: points.map((row) => row.at.toISOString()) };
  };
  return { reader, articleId: articles[0]!.id, report, traces };
}

describe('reportRead with the time the read was made', () => {
  it('dates a late read, and its 学习积分, when it was made', async () => {
    setClock(server, '2026-12-02 09:00:00');
    const { report, traces } = await readerAndArticle();
    expect(await report('2026-12-01T20:30:00+08:00')).toMatchObject({ read: true });
    expect(await traces()).toEqual({ readAt: '2026-12-01T12:30:00.000Z', points: ['2026-12-01T12:30:00.000Z'] });
  });

  it('still needs the skim time: a short late read does not count', async () => {
    setClock(server, '2026-12-02 09:00:00');
    const { report, traces } = await readerAndArticle();
    expect(await report('2026-12-01T20:30:00+08:00', 1)).toMatchObject({ read: false });
    expect(await traces()).toEqual({ readAt: undefined, points: [] });
  });

  it('believes no time after its own clock, before publication, or more than 7 days back', async () => {
    setClock(server, '2026-12-02 09:00:00');
    const future = await readerAndArticle();
    await future.report('2027-01-01T00:00:00+08:00');
    expect((await future.traces()).readAt).toBe('2026-12-02T01:00:00.000Z');

    const longAgo = await readerAndArticle();
    await longAgo.report('2026-11-10T00:00:00+08:00');
    expect((await longAgo.traces()).readAt).toBe('2026-11-25T01:00:00.000Z');

    setClock(server, '2026-11-03 09:00:00');
    const beforePublication = await readerAndArticle();
    await beforePublication.report('2026-10-30T00:00:00+08:00');
    expect((await beforePublication.traces()).readAt).toBe('2026-11-01T01:00:00.000Z');
  });

  it('counts a report sent twice from the outbox (same key) once', async () => {
    setClock(server, '2026-12-02 09:00:00');
    const { reader, articleId, traces } = await readerAndArticle();
    const key = randomIdempotencyKey();
    const body = { seconds: 60, readAt: '2026-12-01T20:30:00+08:00' };
    await reader.client.call(api.bulletins.reportRead, { params: { id: articleId }, body }, { idempotencyKey: key });
    await reader.client.call(api.bulletins.reportRead, { params: { id: articleId }, body }, { idempotencyKey: key });
    expect((await traces()).points).toHaveLength(1);
  });
});
