import { api, DEFAULT_RECORD_SETTINGS, type ApiClient, type RecordSettings } from '@zhijian/shared';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointsLedger } from '../../../server/src/db/schema';
import { at, codeFor, createActivity } from '../../support/checkinFactories';
import { signedInMember } from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/testServer';

/** 活动积分 under the record settings in force: points per check-in, and the caps. */
let server: TestServer;
beforeAll(async () => {
  // Tests move the clock by days; tokens outlive them.
  server = await startTestServer({ TOKEN_TTL_SECONDS: String(30 * 24 * 3600) });
});
afterAll(() => server.close());

function setNow(local: string): void {
  server.clock.advance(at(local).getTime() - server.clock.now().getTime());
}

async function saveActivityRule(rule: Partial<RecordSettings['points']['activity']>) {
  const desk = await signedInMember(server, ['secretariat']);
  const settings = structuredClone(DEFAULT_RECORD_SETTINGS);
  settings.points.activity = { ...settings.points.activity, ...rule };
  await desk.client.call(api.recordSettings.update, { body: settings });
}

async function ledgerOf(memberId: number) {
  return server.db.select().from(pointsLedger).where(eq(pointsLedger.memberId, memberId)).orderBy(asc(pointsLedger.id));
}

/** A unit with its organiser, a member, and activities at these Shanghai times. */
async function scene(starts: string[]) {
  const organiser = await signedInMember(server, ['member', 'unit_admin']);
  const unitId = organiser.member.unitId!;
  const member = await signedInMember(server, ['member'], { unitId });
  const activities = [];
  for (const [n, start] of starts.entries()) {
    activities.push(await createActivity(server.db, { unitId, startsAt: at(start), title: `组织生活${n + 1}` }));
  }
  return { organiser, member, activities };
}

const scan = (client: ApiClient, activityId: number) =>
  client.call(api.checkins.checkIn, { body: { token: codeFor(activityId, server.clock.now()) } });

// The tests of this file run in order, each saving the settings it needs from its own time on.
describe('活动积分 by the record settings', () => {
  it('writes the points of the settings in force: on time, late and a make-up', async () => {
    setNow('2026-12-01 08:00:00');
    await saveActivityRule({ onTime: 4, late: 3, makeup: 2 });
    const { organiser, member, activities } = await scene(['2026-12-01 09:00:00', '2026-12-01 14:00:00', '2026-12-01 19:00:00']);
    setNow('2026-12-01 09:00:00');
    expect((await scan(member.client, activities[0]!.id)).attendance.points).toBe(4);
    setNow('2026-12-01 14:20:00');
    expect((await scan(member.client, activities[1]!.id)).attendance.points).toBe(3);
    setNow('2026-12-01 19:31:00');
    const asked = await member.client.call(api.checkins.requestMakeup, { params: { id: activities[2]!.id }, body: { reason: '手机没电' } });
    await organiser.client.call(api.checkins.decide, { params: { id: asked.id }, body: { approve: true } });
    const ledger = await ledgerOf(member.member.id);
    expect(ledger.map((row) => [row.category, row.points, row.reason])).toEqual([
      ['activity', 4, '活动积分：出席「组织生活1」'],
      ['activity', 3, '活动积分：迟到「组织生活2」'],
      ['activity', 2, '活动积分：补签「组织生活3」'],
    ]);
  });

  it('clips to the day’s cap, writing nothing once it is reached, while attendance is still recorded', async () => {
    setNow('2026-12-02 08:00:00');
    await saveActivityRule({ onTime: 2, late: 1, makeup: 1, dailyCap: 3, yearlyCap: null });
    const { organiser, member, activities } = await scene(['2026-12-02 09:00:00', '2026-12-02 14:00:00', '2026-12-02 19:00:00']);
    setNow('2026-12-02 09:00:00');
    const first = await scan(member.client, activities[0]!.id);
    expect(first.attendance.points).toBe(2);
    setNow('2026-12-02 14:00:00');
    // The scan answers the points actually written.
    expect((await scan(member.client, activities[1]!.id)).attendance.points).toBe(1);
    setNow('2026-12-02 19:00:00');
    const third = await organiser.client.call(api.checkins.manual, {
      params: { id: activities[2]!.id },
      body: { memberId: member.member.id },
    });
    expect(third).toMatchObject({ status: 'present', method: 'manual', points: 0 });
    expect((await ledgerOf(member.member.id)).map((row) => row.points)).toEqual([2, 1]);
    // A second scan of the same activity writes nothing either, and answers the record as it is.
    expect((await scan(member.client, activities[1]!.id)).attendance.points).toBe(1);
    expect((await ledgerOf(member.member.id)).map((row) => row.points)).toEqual([2, 1]);

    // The organiser's live list (and the 台账 export built from it) shows the same.
    const live = async (id: number) =>
      (await organiser.client.call(api.activities.live, { params: { id } })).entries.find((e) => e.memberId === member.member.id)?.points;
    expect([await live(activities[0]!.id), await live(activities[1]!.id), await live(activities[2]!.id)]).toEqual([2, 1, 0]);

    // A revoked record's reversal names the row it reverses.
    await organiser.client.call(api.checkins.revoke, { params: { id: first.attendance.id }, body: { reason: '代签错了人' } });
    const ledger = await ledgerOf(member.member.id);
    expect(ledger.map((row) => row.points)).toEqual([2, 1, -2]);
    expect(ledger[2]).toMatchObject({ category: 'activity', reversesId: ledger[0]!.id, sourceType: 'attendance_revoke' });

    // The next day counts afresh.
    const next = await createActivity(server.db, { unitId: member.member.unitId!, startsAt: at('2026-12-03 09:00:00'), title: '次日活动' });
    setNow('2026-12-03 09:00:00');
    await scan(member.client, next.id);
    expect((await ledgerOf(member.member.id)).map((row) => row.points)).toEqual([2, 1, -2, 2]);
  });

  it('clips to the year’s cap, and gives exactly the cap to check-ins arriving at once', async () => {
    setNow('2026-12-10 08:00:00');
    await saveActivityRule({ onTime: 2, late: 1, makeup: 1, dailyCap: null, yearlyCap: 5 });
    const { member, activities } = await scene([
      '2026-12-10 09:00:00',
      '2026-12-10 09:00:00',
      '2026-12-10 09:00:00',
      '2026-12-10 09:00:00',
    ]);
    setNow('2026-12-10 09:00:00');
    await Promise.all(activities.map((activity) => scan(member.client, activity.id)));
    const ledger = await ledgerOf(member.member.id);
    expect(ledger.reduce((sum, row) => sum + row.points, 0)).toBe(5);
    expect(ledger.map((row) => row.points).sort()).toEqual([1, 2, 2]);

    // A new year, a new allowance.
    const next = await createActivity(server.db, { unitId: member.member.unitId!, startsAt: at('2027-01-01 09:00:00'), title: '新年活动' });
    setNow('2027-01-01 09:00:00');
    await scan(member.client, next.id);
    expect((await ledgerOf(member.member.id)).map((row) => row.points).slice(3)).toEqual([2]);
  });
});
