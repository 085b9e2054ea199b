import { POINT_CATEGORIES, shanghaiYearRange } from '@zhijian/shared';
import { and, eq, gte, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleReads, members, pointsLedger } from '../../../server/src/db/schema';
import { loadDemoAssociation } from '../../../server/src/seed/loadDemo';
import { setClock } from '../../support/recordFactories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  setClock(server, '2026-11-20 09:00:00');
  await loadDemoAssociation(server.db, server.clock.now());
});
afterAll(() => server.close());

describe('demo points of 建华文创园', () => {
  it('give 李青 points of this year in every category, 学习 from effective reads within the caps', async () => {
    const [li] = await server.db.select().from(members).where(eq(members.openid, 'demo-member'));
    const year = shanghaiYearRange(2026);
    const rows = await server.db
      .select({ category: pointsLedger.category, points: sql<number>`sum(${pointsLedger.points})::int`, n: sql<number>`count(*)::int` })
      .from(pointsLedger)
      .where(and(eq(pointsLedger.memberId, li!.id), gte(pointsLedger.createdAt, year.start)))
      .groupBy(pointsLedger.category);
    const byCategory = new Map(rows.map((row) => [row.category, row]));
    for (const category of POINT_CATEGORIES.filter((c) => c !== 'integrity')) {
      expect(byCategory.get(category)?.points ?? 0, category).toBeGreaterThan(0);
    }
    const study = byCategory.get('study')!;
    expect(study.points).toBeLessThanOrEqual(20);
    const reads = await server.db.select().from(articleReads).where(eq(articleReads.memberId, li!.id));
    expect(reads.length).toBeGreaterThanOrEqual(study.n);
    const volunteer = await server.db
      .select()
      .from(pointsLedger)
      .where(and(eq(pointsLedger.memberId, li!.id), eq(pointsLedger.sourceType, 'volunteer_demo')));
    expect(volunteer.every((row) => row.category === 'public_service' && row.reason.startsWith('公益积分：'))).toBe(true);
    // Every point of the demo is dated by now.
    const [latest] = await server.db
      .select({ at: sql<Date>`max(${pointsLedger.createdAt})` })
      .from(pointsLedger)
      .where(eq(pointsLedger.memberId, li!.id));
    expect(new Date(latest!.at).getTime()).toBeLessThanOrEqual(server.clock.now().getTime());
  });

  it('gives every member of the demo unit 学习 and 公益 points, nobody over the year’s 学习 cap', async () => {
    const rows = await server.db
      .select({ memberId: pointsLedger.memberId, category: pointsLedger.category, points: sql<number>`sum(${pointsLedger.points})::int` })
      .from(pointsLedger)
      .innerJoin(members, eq(members.id, pointsLedger.memberId))
      .where(sql`${members.unitId} = (select unit_id from members where openid = 'demo-member')`)
      .groupBy(pointsLedger.memberId, pointsLedger.category);
    const study = rows.filter((row) => row.category === 'study');
    const service = rows.filter((row) => row.category === 'public_service');
    const unitSize = new Set(rows.map((row) => row.memberId)).size;
    expect(unitSize).toBeGreaterThanOrEqual(14);
    expect(study).toHaveLength(unitSize);
    expect(service).toHaveLength(unitSize);
    expect(study.every((row) => row.points > 0 && row.points <= 20)).toBe(true);
  });
});
