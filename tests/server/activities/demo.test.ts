import { api, formatMonth, shanghaiDate } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members } from '../../../server/src/db/schema';
import { loadDemoAssociation } from '../../../server/src/seed/loadDemo';
import { at } from '../../support/checkinFactories';
import { signIn } from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  server.clock.advance(at('2026-11-20 09:00:00').getTime() - server.clock.now().getTime());
  await loadDemoAssociation(server.db, server.clock.now());
});
afterAll(() => server.close());

async function clientOf(openid: string) {
  const [member] = await server.db.select().from(members).where(eq(members.openid, openid));
  return { member: member!, client: (await signIn(server, member!)).client };
}

describe('demo fixed activity days', () => {
  it('gives the demo member an activity whose check-in is open at first start', async () => {
    const { client } = await clientOf('demo-member');
    const mine = await client.call(api.activities.mine, {});
    const open = mine.items.find((a) => a.phase === 'checkin_open');
    expect(open).toMatchObject({ unitName: '建华文创园党总支', relation: 'roster', myStatus: 'waiting' });
    // The unit's rule: the 15th at 14:00, three months ahead.
    const ruled = mine.items.filter((a) => a.origin === 'generated').map((a) => a.startsAt);
    expect(ruled).toEqual([at('2026-12-15 14:00:00'), at('2027-01-15 14:00:00'), at('2027-02-15 14:00:00')].map((d) => d.toISOString()));
  });

  it('shows last month’s attendance in the unit figures and on the dashboard', async () => {
    const { member, client } = await clientOf('demo-unit-admin');
    const today = shanghaiDate(server.clock.now());
    const previous = formatMonth(today.month === 1 ? today.year - 1 : today.year, today.month === 1 ? 12 : today.month - 1);
    const stats = await client.call(api.attendance.unitStats, {
      params: { unitId: member.unitId! },
      query: { from: previous, to: formatMonth(today.year, today.month) },
    });
    expect(stats.total.activities).toBeGreaterThanOrEqual(2);
    expect(stats.total.present).toBeGreaterThan(0);
    expect(stats.total.rate).toBeGreaterThan(0.5);
    const rules = await client.call(api.schedules.listRules, { params: { unitId: member.unitId! } });
    expect(rules.items[0]).toMatchObject({
      description: '每月 15 日 14:00',
      agenda: [{ title: '创客公开课' }, { title: '创客沙龙' }, { title: '党员大讨论' }],
    });

    const secretary = await clientOf('demo-secretary');
    const board = await secretary.client.call(api.attendance.dashboard, { query: { from: previous, to: previous } });
    expect(board.groups).toHaveLength(7);
    expect(board.total.expected).toBeGreaterThan(100);
    const units = await secretary.client.call(api.attendance.dashboardUnits, { query: { from: previous, to: previous, pageSize: 100 } });
    const market = units.items.find((u) => u.unitName === '四季青服装市场党委')!;
    // Mobile members meet weekly: several activities a month.
    expect(market.activities).toBeGreaterThanOrEqual(4);
  });
});
