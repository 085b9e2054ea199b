import { api } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members } from '../../../server/src/db/schema';
import { loadDemoAssociation } from '../../../server/src/seed/loadDemo';
import { signIn } from '../../support/factories';
import { setClock } from '../../support/recordFactories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  setClock(server, '2026-11-20 09:00:00');
  await loadDemoAssociation(server.db, server.clock.now());
  // Loading the whole demo association takes most of a minute on a loaded machine.
}, 180_000);
afterAll(() => server.close());

async function clientOf(openid: string) {
  const [member] = await server.db.select().from(members).where(eq(members.openid, openid));
  return { member: member!, client: (await signIn(server, member!)).client };
}

describe('demo 爱E客栈 of 建华文创园', () => {
  it('gives 李青 wishes to claim, the returned one first, the wishers masked', async () => {
    const { client } = await clientOf('demo-member');
    const open = await client.call(api.wishes.list, { query: { status: 'open' } });
    expect(open.items.length).toBeGreaterThanOrEqual(3);
    expect(open.items[0]).toMatchObject({ title: '冬天的一床棉被', returned: true, actions: { claim: true } });
    expect(open.items.every((w) => w.wisher.masked)).toBe(true);
    expect(open.items.map((w) => w.scope)).toContain('association');
  });

  it('gives the unit admin a request to review, and people with profiles and commitments', async () => {
    const admin = await clientOf('demo-unit-admin');
    const queue = await admin.client.call(api.wishes.list, { query: { view: 'review' } });
    expect(queue.items.map((w) => w.title)).toEqual(['一辆二手自行车']);
    const commitments = await admin.client.call(api.commitments.listForUnit, {
      params: { unitId: admin.member.unitId! },
      query: { view: 'review' },
    });
    expect(commitments.items.map((c) => c.status)).toEqual(['reported']);
    const people = await admin.client.call(api.profiles.list, {});
    expect(people.items.length).toBeGreaterThanOrEqual(4);
    const member = await clientOf('demo-member');
    const mine = await member.client.call(api.profiles.mine, {});
    expect(mine.commitments.map((c) => c.status).sort()).toEqual(['in_progress', 'kept']);
    expect((await member.client.call(api.cards.mine, {})).index.commitment).toBe(30);
  });
});
