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

describe('demo 爱E客栈 of 建华文创园', () => {
  it('shows 李青 open, full and association activities to sign up for, and one held last week', async () => {
    const { client } = await clientOf('demo-member');
    const list = await client.call(api.volunteerActivities.list, {});
    expect(list.items.map((a) => [a.title, a.scope])).toEqual([
      ['社区垃圾分类宣传', 'unit'],
      ['园区“邻里守望”敬老志愿服务', 'unit'],
      ['协会“红色健步走”环湖志愿服务', 'association'],
      ['无偿献血志愿服务', 'unit'],
    ]);
    const [full, open] = list.items;
    expect(full).toMatchObject({ placesLeft: 0, waitlistCount: 2, open: true, mySignUp: null });
    expect(open).toMatchObject({ placesLeft: 3, open: true, mySignUp: null });
    const admin = await clientOf('demo-unit-admin');
    const held = list.items[3]!;
    const roster = await admin.client.call(api.volunteerActivities.roster, { params: { id: held.id } });
    expect(roster.items.filter((entry) => entry.attendedAt)).toHaveLength(4);
    const attendee = roster.items.find((entry) => entry.attendedAt)!;
    const ledger = await server.db
      .select()
      .from(pointsLedger)
      .where(and(eq(pointsLedger.memberId, attendee.member.id), eq(pointsLedger.sourceType, 'volunteer_activity')));
    expect(ledger.map((row) => row.points)).toEqual([2]);
  });

  it('has 传帮带 questions, two solved, and an answer held for the unit admin', async () => {
    const { client } = await clientOf('demo-member');
    const list = await client.call(api.questions.list, {});
    expect(list.items).toHaveLength(4);
    expect(list.items.filter((q) => q.solved)).toHaveLength(2);
    const admin = await clientOf('demo-unit-admin');
    const queue = await admin.client.call(api.questions.queue, { params: { unitId: admin.member.unitId! } });
    expect(queue.answers.map((a) => [a.moderation, a.questionTitle])).toEqual([['held', '党费基数怎么核定']]);
    expect((await client.call(api.questions.list, { query: { q: '党费' } })).items.map((q) => q.title)).toEqual(['党费基数怎么核定']);
  });
});
