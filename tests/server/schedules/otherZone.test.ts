import { restoreZone } from '../../shared/setLosAngelesZone';
import { api } from '@zhijian/shared';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities } from '../../../server/src/db/schema';
import { at, codeFor } from '../../support/checkinFactories';
import { signedInMember } from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/testServer';

/** The whole server path — generation, window, lateness, monthly figures — with the process in Los Angeles. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ TOKEN_TTL_SECONDS: String(30 * 24 * 3600) });
});
afterAll(async () => {
  await server.close();
  restoreZone();
});

describe('activity days with the server process in America/Los_Angeles', () => {
  it('runs in Los Angeles', () => {
    expect(new Date(2027, 0, 1).getTimezoneOffset()).toBe(480);
  });

  it('generates, checks in and counts by Shanghai time', async () => {
    // 2027-03-04 20:00 in Los Angeles is already 2027-03-05 12:00 in Shanghai.
    server.clock.advance(new Date('2027-03-04T20:00:00-08:00').getTime() - server.clock.now().getTime());
    const organiser = await signedInMember(server, ['member', 'unit_admin']);
    const unitId = organiser.member.unitId!;
    const member = await signedInMember(server, ['member'], { unitId });
    const { rule } = await organiser.client.call(api.schedules.createRule, {
      params: { unitId },
      body: { dayOfMonth: 5, startTime: '14:00', placeName: '党群服务中心' },
    });
    const rows = await server.db.select().from(activities).where(eq(activities.ruleId, rule.id)).orderBy(asc(activities.startsAt));
    // LA springs forward on 2027-03-14; Shanghai stays at 14:00 = 06:00 UTC.
    expect(rows.map((r) => [r.occurrenceDate, r.startsAt.toISOString()])).toEqual([
      ['2027-03-05', '2027-03-05T06:00:00.000Z'],
      ['2027-04-05', '2027-04-05T06:00:00.000Z'],
      ['2027-05-05', '2027-05-05T06:00:00.000Z'],
    ]);

    server.clock.advance(at('2027-03-05 14:10:01').getTime() - server.clock.now().getTime());
    const result = await member.client.call(api.checkins.checkIn, { body: { token: codeFor(rows[0]!.id, server.clock.now()) } });
    expect(result.attendance.status).toBe('late');

    server.clock.advance(at('2027-03-31 23:59:00').getTime() - server.clock.now().getTime());
    const stats = await organiser.client.call(api.attendance.unitStats, { params: { unitId }, query: { from: '2027-03', to: '2027-03' } });
    expect(stats.months[0]).toMatchObject({ month: '2027-03', activities: 1, expected: 2, late: 1, absent: 1 });
  });
});
