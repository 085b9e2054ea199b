import { api } from '@zhijian/shared';
import { asc, count, like } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, bulletinArticles, bulletinIssues } from '../../../server/src/db/schema';
import { clearOrganisation, demoLoaded, loadDemoAssociation } from '../../../server/src/seed/loadDemo';
import { signedInMember } from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/testServer';

/** The demo association brings the three sample newsletter issues with it. */
let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

async function storedIssues() {
  return server.db
    .select({
      year: bulletinIssues.year,
      number: bulletinIssues.number,
      totalNumber: bulletinIssues.totalNumber,
      status: bulletinIssues.status,
      publishedAt: bulletinIssues.publishedAt,
    })
    .from(bulletinIssues)
    .orderBy(asc(bulletinIssues.id));
}

describe('demo data', () => {
  it('loads the three sample issues, published, with the demo association on the first start', async () => {
    const now = server.clock.now();
    const loaded = await loadDemoAssociation(server.db, now);
    expect(loaded.bulletins).toBe(3);
    expect(await demoLoaded(server.db)).toBe(true);

    const issues = await storedIssues();
    expect(issues.map((issue) => [issue.year, issue.number, issue.totalNumber, issue.status])).toEqual([
      [2015, 9, 33, 'published'],
      [2015, 3, null, 'published'],
      [2016, 2, 36, 'published'],
    ]);
    expect(issues[2]!.publishedAt!.toISOString()).toBe('2016-02-18T01:00:00.000Z');
    // No date printed in the member-congress issue: published as of loading.
    expect(issues[1]!.publishedAt!.getTime()).toBe(now.getTime());
    const [articles] = await server.db.select({ n: count() }).from(bulletinArticles);
    expect(articles!.n).toBe(16);
    // The back catalogue is loaded as the system, unaudited (the demo's member records are written through their commands, audited).
    expect(await server.db.select().from(auditLog).where(like(auditLog.entity, 'bulletin%'))).toEqual([]);

    const { client } = await signedInMember(server, ['member']);
    const list = await client.call(api.bulletins.listIssues, { query: {} });
    expect(list.years.map((year) => [year.year, year.issues.length])).toEqual([
      [2016, 1],
      [2015, 2],
    ]);
  });

  it('seed:demo --reset clears the newsletters with the organisation and loads them again', async () => {
    await loadDemoAssociation(server.db, server.clock.now());
    await clearOrganisation(server.db);
    expect(await storedIssues()).toEqual([]);
    expect(await demoLoaded(server.db)).toBe(false);
    await loadDemoAssociation(server.db, server.clock.now());
    expect((await storedIssues()).map((issue) => issue.totalNumber)).toEqual([33, null, 36]);
    const [articles] = await server.db.select({ n: count() }).from(bulletinArticles);
    expect(articles!.n).toBe(16);
  });
});
