import { api, DEFAULT_RECORD_SETTINGS, type ApiClient } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointsLedger } from '../../../server/src/db/schema';
import { at, codeFor, createActivity } from '../../support/checkinFactories';
import { signedInMember } from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/testServer';

/** The 签到 tab: its history and its 活动积分 total tell the same story. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ TOKEN_TTL_SECONDS: String(30 * 24 * 3600) });
});
afterAll(() => server.close());

function setNow(local: string): void {
  server.clock.advance(at(local).getTime() - server.clock.now().getTime());
}

const scan = (client: ApiClient, activityId: number) =>
  client.call(api.checkins.checkIn, { body: { token: codeFor(activityId, server.clock.now()) } });

async function activityLedgerSum(memberId: number) {
  const rows = await server.db
    .select({ points: pointsLedger.points })
    .from(pointsLedger)
    .where(and(eq(pointsLedger.memberId, memberId), eq(pointsLedger.category, 'activity')));
  return rows.reduce((sum, row) => sum + row.points, 0);
}

async function tab(client: ApiClient) {
  const history = await client.call(api.attendance.myHistory, {});
  const points = await client.call(api.attendance.myPoints, {});
  return { history, points };
}

describe('GET /api/me/attendance and /api/me/points together', () => {
  it('lists an activity still running once I checked in, and the total is the history’s points', async () => {
    setNow('2026-12-01 08:00:00');
    const organiser = await signedInMember(server, ['member', 'unit_admin']);
    const unitId = organiser.member.unitId!;
    const me = await signedInMember(server, ['member'], { unitId });
    const ended = await createActivity(server.db, { unitId, startsAt: at('2026-12-01 09:00:00'), title: '已结束的活动' });
    const missed = await createActivity(server.db, { unitId, startsAt: at('2026-12-01 10:00:00'), title: '缺席的活动' });
    const running = await createActivity(server.db, { unitId, startsAt: at('2026-12-01 14:00:00'), title: '进行中的活动' });
    await createActivity(server.db, { unitId, startsAt: at('2026-12-02 14:00:00'), title: '明天的活动' });
    setNow('2026-12-01 09:00:00');
    await scan(me.client, ended.id);
    setNow('2026-12-01 14:05:00');
    await scan(me.client, running.id);
    // Points of other categories are not the 签到 tab's.
    await server.db.insert(pointsLedger).values([
      {
        memberId: me.member.id,
        category: 'study',
        points: 1,
        reason: '学习积分：阅读「测试」',
        sourceType: 'article_read',
        sourceId: 1,
        createdAt: server.clock.now(),
      },
      {
        memberId: me.member.id,
        category: 'integrity',
        points: -2,
        reason: '诚信积分：反向扣分「测试」',
        sourceType: 'deduction',
        sourceId: 1,
        createdAt: server.clock.now(),
      },
    ]);

    const { history, points } = await tab(me.client);
    expect(history.items.map((item) => [item.activity.title, item.status, item.points])).toEqual([
      ['进行中的活动', 'present', 2],
      ['缺席的活动', 'absent', 0],
      ['已结束的活动', 'present', 2],
    ]);
    expect(history.items.find((item) => item.activity.id === missed.id)?.status).toBe('absent');
    const historySum = history.items.reduce((sum, item) => sum + item.points, 0);
    expect(points.totalPoints).toBe(historySum);
    expect(points.totalPoints).toBe(await activityLedgerSum(me.member.id));
    expect(points.items.every((item) => item.reason.startsWith('活动积分'))).toBe(true);
  });

  it('shows the points actually written when a cap clipped them', async () => {
    setNow('2026-12-03 08:00:00');
    const desk = await signedInMember(server, ['secretariat']);
    const settings = structuredClone(DEFAULT_RECORD_SETTINGS);
    settings.points.activity = { ...settings.points.activity, dailyCap: 3 };
    await desk.client.call(api.recordSettings.update, { body: settings });
    const organiser = await signedInMember(server, ['member', 'unit_admin']);
    const unitId = organiser.member.unitId!;
    const me = await signedInMember(server, ['member'], { unitId });
    const first = await createActivity(server.db, { unitId, startsAt: at('2026-12-03 09:00:00'), title: '上午活动' });
    const second = await createActivity(server.db, { unitId, startsAt: at('2026-12-03 14:00:00'), title: '下午活动' });
    setNow('2026-12-03 09:00:00');
    await scan(me.client, first.id);
    setNow('2026-12-03 14:00:00');
    await scan(me.client, second.id);

    const { history, points } = await tab(me.client);
    expect(history.items.map((item) => [item.activity.title, item.points])).toEqual([
      ['下午活动', 1],
      ['上午活动', 2],
    ]);
    expect(points.totalPoints).toBe(3);
    expect(await activityLedgerSum(me.member.id)).toBe(3);
  });
});
