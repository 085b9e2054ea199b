import { api } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members, pointsLedger } from '../../../server/src/db/schema';
import { loadDemoAssociation } from '../../../server/src/seed/loadDemo';
import { signIn } from '../../support/factories';
import { setClock } from '../../support/recordFactories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  setClock(server, '2026-11-20 09:00:00');
  await loadDemoAssociation(server.db, server.clock.now());
});
afterAll(() => server.close());

async function clientOf(openid: string) {
  const [member] = await server.db.select().from(members).where(eq(members.openid, openid));
  return { member: member!, client: (await signIn(server, member!)).client };
}

describe('demo records of 建华文创园', () => {
  it('give 李青 two bonus claims, one approved and one pending, and the unit admin the pending one first', async () => {
    const { client } = await clientOf('demo-member');
    const mine = await client.call(api.bonuses.mine, {});
    expect(mine.items.map((c) => c.status).sort()).toEqual(['approved', 'pending']);
    const approved = mine.items.find((c) => c.status === 'approved')!;
    expect(approved).toMatchObject({ points: 2, kindName: '志愿服务' });
    expect(approved.timeline.map((s) => [s.action, s.actor])).toEqual([
      ['declared', '李青'],
      ['approved', '王建华'],
    ]);
    expect(mine.items.find((c) => c.status === 'pending')!.description.length).toBeGreaterThan(10);
    const admin = await clientOf('demo-unit-admin');
    const list = await admin.client.call(api.bonuses.listForUnit, { params: { unitId: admin.member.unitId! }, query: {} });
    expect(list.items[0]).toMatchObject({ status: 'pending', member: { name: '李青' } });
  });

  it('have a deduction under appeal, recorded three days ago, and an effective one booked to the 诚信 ledger', async () => {
    const admin = await clientOf('demo-unit-admin');
    const list = await admin.client.call(api.deductions.listForUnit, { params: { unitId: admin.member.unitId! }, query: {} });
    expect(list.items.map((d) => d.phase)).toEqual(['appealed', 'effective']);
    const [appealed, effective] = list.items as [(typeof list.items)[0], (typeof list.items)[0]];
    expect(new Date(appealed.recordedAt).getTime()).toBe(server.clock.now().getTime() - 3 * 24 * 3600_000);
    expect(appealed.appeal?.text).toContain('请假');
    expect(appealed.member.id).not.toBe(effective.member.id);
    expect(new Date(effective.appealDeadline).getTime()).toBeLessThan(server.clock.now().getTime());
    expect(effective.timeline.map((s) => s.action)).toEqual(['recorded', 'took_effect']);
    const ledger = await server.db
      .select()
      .from(pointsLedger)
      .where(and(eq(pointsLedger.category, 'integrity'), eq(pointsLedger.memberId, effective.member.id)));
    expect(ledger).toMatchObject([{ points: -effective.points, sourceType: 'deduction', sourceId: effective.id }]);
  });

  it('keep dues from January of last year with exactly one member three months behind, and last year’s 民主评议 for everyone', async () => {
    const admin = await clientOf('demo-unit-admin');
    const unitId = admin.member.unitId!;
    const dues = await admin.client.call(api.dues.sheet, { params: { unitId }, query: { year: 2026 } });
    expect(dues.rows.length).toBe(16);
    const behind = dues.rows.filter((r) => r.monthsBehind > 0);
    expect(behind).toHaveLength(1);
    expect(behind[0]!.monthsBehind).toBe(3);
    const list = await admin.client.call(api.deductions.listForUnit, { params: { unitId }, query: { phase: 'effective' } });
    expect(list.items[0]!.member.id).toBe(behind[0]!.member.id);

    const member = await clientOf('demo-member');
    const mine = await member.client.call(api.dues.mine, { query: { year: 2026 } });
    expect(mine.months.map((m) => m.month)).toEqual(Array.from({ length: 10 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    expect(mine.monthsBehind).toBe(0);

    const sheet = await admin.client.call(api.appraisals.sheet, { params: { unitId }, query: { year: 2025 } });
    expect(sheet.rows).toHaveLength(16);
    expect(sheet.rows.every((r) => r.tier !== null && r.meetingOn === '2026-01-12')).toBe(true);
    expect(sheet.rows.find((r) => r.member.name === '李青')).toMatchObject({ tier: 'excellent', tierLabel: '优秀' });
  });
});
