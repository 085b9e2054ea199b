import { api } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members } from '../../../server/src/db/schema';
import { loadDemoAssociation } from '../../../server/src/seed/loadDemo';
import { signIn } from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await loadDemoAssociation(server.db, server.clock.now());
});
afterAll(() => server.close());

async function demo(openid: string) {
  const [person] = await server.db.select().from(members).where(eq(members.openid, openid));
  return (await signIn(server, person!)).client;
}

describe('年度评优 demo data', () => {
  it('has last year in 公示 ended, the demo unit selected, one objection to answer', async () => {
    const secretary = await demo('demo-secretary');
    const [review] = await secretary.call(api.awards.list, {});
    expect(review).toMatchObject({ year: 2025, status: 'publicity', objections: { total: 1, unanswered: 1 } });
    expect(review!.awards.find((a) => a.award === 'unit')).toMatchObject({ recommended: 1, selected: 1 });
    const leader = await demo('demo-group-leader');
    const seen = await leader.call(api.awards.candidates, { params: { id: review!.id }, query: { award: 'unit' } });
    expect(seen.items.find((c) => c.name === '建华文创园党总支')?.recommendation).not.toBeNull();
    const member = await demo('demo-member');
    const [publicity] = await member.call(api.awards.publicity, {});
    expect(publicity).toMatchObject({
      year: 2025,
      objectionsOpen: false,
      winners: [expect.objectContaining({ name: '建华文创园党总支' })],
    });
  });
});
