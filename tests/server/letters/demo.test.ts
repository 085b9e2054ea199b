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

describe('书记直通车 demo data', () => {
  it('gives 赵书记 an inbox with an overdue and a new letter, and the answered anonymous one without a name', async () => {
    const secretary = await demo('demo-party-secretary');
    const open = await secretary.call(api.letters.inbox, { query: {} });
    expect(open.items.map((letter) => [letter.kindLabel, letter.overdue])).toEqual([
      ['反映问题', true],
      ['求助', false],
    ]);
    const done = await secretary.call(api.letters.inbox, { query: { view: 'done' } });
    expect(done.items).toEqual([expect.objectContaining({ anonymous: true, writer: null, status: 'rated', ratingLabel: '满意' })]);
    expect(JSON.stringify(done)).not.toContain('李青');
  });

  it('shows 李青 her letters and her unit’s board', async () => {
    const member = await demo('demo-member');
    const mine = await member.call(api.letters.mine, { query: {} });
    expect(mine.items.map((letter) => letter.recipient).sort()).toEqual(['secretariat', 'secretary']);
    const board = await member.call(api.letters.board, { query: {} });
    expect(board.items).toEqual([expect.objectContaining({ writerName: null, kindLabel: '建议' })]);
  });

  it('counts the demo unit’s letters for the secretariat', async () => {
    const secretariat = await demo('demo-secretary');
    const rows = await secretariat.call(api.letters.timeliness, {});
    expect(rows).toEqual([
      expect.objectContaining({ unitName: '建华文创园党总支', total: 3, waiting: 2, overdueNow: 1, replied: 1, satisfied: 1 }),
    ]);
  });
});
