import { api } from '@zhijian/shared';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../../server/src/db/client';
import { articleReads, bulletinArticles, issueReaders, issueUnitReaders, members } from '../../../server/src/db/schema';
import { createIssue } from '../../support/bulletinFactories';
import { createGroup, createMember, createUnit, signIn, signedInMember } from '../../support/factories';
import { seeded, type Seeded } from '../../support/seeded';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type ReaderRow = { issueId: number; memberId: number; unitId: number | null };

/** The kept rows of the given issues, in one order. */
async function keptReaders(db: Queryable, issueIds: number[]): Promise<ReaderRow[]> {
  return db
    .select({ issueId: issueReaders.issueId, memberId: issueReaders.memberId, unitId: issueReaders.unitId })
    .from(issueReaders)
    .where(inArray(issueReaders.issueId, issueIds))
    .orderBy(asc(issueReaders.issueId), asc(issueReaders.memberId));
}

/** The same rows derived from the reads, as the migration's backfill derives them. */
async function rebuildIssueReaders(db: Queryable, issueIds: number[]): Promise<ReaderRow[]> {
  return db
    .selectDistinct({ issueId: bulletinArticles.issueId, memberId: articleReads.memberId, unitId: members.unitId })
    .from(articleReads)
    .innerJoin(bulletinArticles, eq(bulletinArticles.id, articleReads.articleId))
    .innerJoin(members, eq(members.id, articleReads.memberId))
    .where(inArray(bulletinArticles.issueId, issueIds))
    .orderBy(asc(bulletinArticles.issueId), asc(articleReads.memberId));
}

type CountRow = { issueId: number; unitId: number; readers: number };

/** The kept counts per (issue, unit) — a count may stand at 0 once its readers have gone. */
async function keptCounts(db: Queryable, issueIds: number[]): Promise<CountRow[]> {
  return db
    .select({ issueId: issueUnitReaders.issueId, unitId: issueUnitReaders.unitId, readers: issueUnitReaders.readers })
    .from(issueUnitReaders)
    .where(and(inArray(issueUnitReaders.issueId, issueIds), gt(issueUnitReaders.readers, 0)))
    .orderBy(asc(issueUnitReaders.issueId), asc(issueUnitReaders.unitId));
}

/** The rebuilt readers counted per (issue, unit), in the same order. */
function countsOf(rows: ReaderRow[]): CountRow[] {
  const counts = new Map<string, CountRow>();
  for (const { issueId, unitId } of rows) {
    if (unitId === null) continue;
    const key = `${issueId}:${unitId}`;
    const row = counts.get(key) ?? { issueId, unitId, readers: 0 };
    row.readers += 1;
    counts.set(key, row);
  }
  return [...counts.values()].sort((a, b) => a.issueId - b.issueId || a.unitId - b.unitId);
}

/** Kept readers and counts both equal what the reads say. */
async function expectKeptEqualsRebuild(issueIds: number[]) {
  const rebuilt = await rebuildIssueReaders(server.db, issueIds);
  expect(await keptReaders(server.db, issueIds)).toEqual(rebuilt);
  expect(await keptCounts(server.db, issueIds)).toEqual(countsOf(rebuilt));
}

async function readDirectly(db: Queryable, memberId: number, articleId: number) {
  await db.insert(articleReads).values({ memberId, articleId, readAt: new Date() }).onConflictDoNothing();
}

describe('issue_readers, kept by the database', () => {
  it('equals a rebuild from the reads after a seeded random run of reads, moves, removals and re-filings', async () => {
    const rng: Seeded = seeded(1803);
    const group = await createGroup(server.db, { name: '读者片组', sortOrder: 60 });
    const unitIds: number[] = [];
    for (let u = 0; u < 3; u += 1) unitIds.push((await createUnit(server.db, { groupId: group.id, name: `读者单位${u + 1}` })).id);
    const desk = await signedInMember(server, ['secretariat']);
    const people: { id: number; client: Awaited<ReturnType<typeof signIn>>['client'] }[] = [];
    const addPerson = async () => {
      const member = await createMember(server.db, { unitId: rng.pick(unitIds) });
      people.push({ id: member.id, client: (await signIn(server, member)).client });
    };
    for (let i = 0; i < 12; i += 1) await addPerson();
    const issueIds: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { issue } = await createIssue(server.db, {
        articles: [1, 2, 3].map((n) => ({ title: `第 ${i + 1} 期第 ${n} 篇`, paragraphs: ['短文。'] })),
      });
      issueIds.push(issue.id);
    }
    const articlesNow = async () =>
      server.db
        .select({ id: bulletinArticles.id, issueId: bulletinArticles.issueId })
        .from(bulletinArticles)
        .where(inArray(bulletinArticles.issueId, issueIds))
        .orderBy(asc(bulletinArticles.id));

    const done = new Map<string, number>();
    for (let step = 0; step < 160; step += 1) {
      const articles = await articlesNow();
      const roll = rng.next();
      let change: string;
      if (roll < 0.45 && articles.length && people.length) {
        const person = rng.pick(people);
        const article = rng.pick(articles);
        if (rng.next() < 0.5) {
          await person.client.call(api.bulletins.reportRead, { params: { id: article.id }, body: { seconds: 600 } });
          change = 'read through the API';
        } else {
          await readDirectly(server.db, person.id, article.id);
          change = 'read written directly';
        }
      } else if (roll < 0.6 && people.length) {
        const person = rng.pick(people);
        await server.db
          .update(members)
          .set({ unitId: rng.next() < 0.15 ? null : rng.pick(unitIds) })
          .where(eq(members.id, person.id));
        change = 'member moved';
      } else if (roll < 0.68 && people.length > 4) {
        const person = people.splice(rng.int(people.length), 1)[0]!;
        await server.db.delete(members).where(eq(members.id, person.id));
        change = 'member removed';
      } else if (roll < 0.74) {
        await addPerson();
        change = 'member added';
      } else if (roll < 0.82 && articles.length > 3) {
        await desk.client.call(api.bulletins.removeArticle, { params: { id: rng.pick(articles).id } });
        change = 'article removed through the API';
      } else if (roll < 0.87 && articles.length > 3) {
        // Several articles of one issue in one statement: each row's trigger sees the ones before it gone.
        const issueId = rng.pick(articles).issueId;
        await server.db.delete(bulletinArticles).where(eq(bulletinArticles.issueId, issueId));
        change = 'every article of an issue removed at once';
      } else if (roll < 0.94 && articles.length) {
        await server.db
          .update(bulletinArticles)
          .set({ issueId: rng.pick(issueIds) })
          .where(eq(bulletinArticles.id, rng.pick(articles).id));
        change = 'article moved to another issue';
      } else {
        const { articles: added } = await createIssue(server.db, { articles: [{ title: '补充文章', paragraphs: ['短文。'] }] });
        await server.db
          .update(bulletinArticles)
          .set({ issueId: rng.pick(issueIds) })
          .where(eq(bulletinArticles.id, added[0]!.id));
        change = 'article added to an issue';
      }
      done.set(change, (done.get(change) ?? 0) + 1);
      if (step % 20 === 19) await expectKeptEqualsRebuild(issueIds);
    }
    await expectKeptEqualsRebuild(issueIds);
    // The run made every kind of change, and left readers to count.
    expect(done.size).toBe(9);
    expect(Math.min(...done.values())).toBeGreaterThanOrEqual(2);
    expect((await keptReaders(server.db, issueIds)).length).toBeGreaterThan(5);

    // The reading figures count the kept rows per unit: the same as counting the reads.
    for (const issueId of issueIds) {
      const stats = await desk.client.call(api.bulletins.stats, { params: { id: issueId } });
      const rebuilt = await rebuildIssueReaders(server.db, [issueId]);
      for (const unitId of unitIds) {
        expect(stats.units.find((unit) => unit.unitId === unitId)?.readers).toBe(rebuilt.filter((row) => row.unitId === unitId).length);
      }
    }
  });

  it('counts a member who reads two articles of an issue at once as one reader', async () => {
    const { issue, articles } = await createIssue(server.db, {
      articles: [
        { title: '同时读甲', paragraphs: ['短文。'] },
        { title: '同时读乙', paragraphs: ['短文。'] },
      ],
    });
    const reader = await signedInMember(server, ['member']);
    const results = await Promise.allSettled(
      articles.map((article) => reader.client.call(api.bulletins.reportRead, { params: { id: article.id }, body: { seconds: 600 } })),
    );
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(await keptReaders(server.db, [issue.id])).toEqual([
      { issueId: issue.id, memberId: reader.member.id, unitId: reader.member.unitId },
    ]);
    expect(await keptCounts(server.db, [issue.id])).toEqual([{ issueId: issue.id, unitId: reader.member.unitId, readers: 1 }]);
  });

  it('adds up the readers of one unit reading at once', async () => {
    const { issue, articles } = await createIssue(server.db, { articles: [{ title: '一起读', paragraphs: ['短文。'] }] });
    const unit = await createUnit(server.db);
    const readers = await Promise.all(Array.from({ length: 8 }, () => signedInMember(server, ['member'], { unitId: unit.id })));
    await Promise.all(
      readers.map((reader) => reader.client.call(api.bulletins.reportRead, { params: { id: articles[0]!.id }, body: { seconds: 600 } })),
    );
    expect(await keptCounts(server.db, [issue.id])).toEqual([{ issueId: issue.id, unitId: unit.id, readers: 8 }]);
    await expectKeptEqualsRebuild([issue.id]);
  });

  it('files a read made while its member moves under the unit the member ends in', async () => {
    const { issue, articles } = await createIssue(server.db, { articles: [{ title: '调动中阅读', paragraphs: ['短文。'] }] });
    const reader = await signedInMember(server, ['member']);
    const newUnit = await createUnit(server.db);
    await Promise.all([
      server.db.transaction(async (tx) => {
        await readDirectly(tx, reader.member.id, articles[0]!.id);
      }),
      server.db.transaction(async (tx) => {
        await tx.update(members).set({ unitId: newUnit.id }).where(eq(members.id, reader.member.id));
      }),
    ]);
    expect(await keptReaders(server.db, [issue.id])).toEqual([{ issueId: issue.id, memberId: reader.member.id, unitId: newUnit.id }]);
    await expectKeptEqualsRebuild([issue.id]);
  });

  it('keeps a reader whose other read of the issue commits while an article they read is removed', async () => {
    const { issue, articles } = await createIssue(server.db, {
      articles: [
        { title: '将被删除', paragraphs: ['短文。'] },
        { title: '留下的', paragraphs: ['短文。'] },
      ],
    });
    const reader = await createMember(server.db, { unitId: (await createUnit(server.db)).id });
    await readDirectly(server.db, reader.id, articles[0]!.id);
    await Promise.all([
      server.db.transaction(async (tx) => {
        await tx.delete(bulletinArticles).where(eq(bulletinArticles.id, articles[0]!.id));
      }),
      server.db.transaction(async (tx) => {
        await readDirectly(tx, reader.id, articles[1]!.id);
      }),
    ]);
    expect(await keptReaders(server.db, [issue.id])).toEqual([{ issueId: issue.id, memberId: reader.id, unitId: reader.unitId }]);
    await expectKeptEqualsRebuild([issue.id]);
  });
});
