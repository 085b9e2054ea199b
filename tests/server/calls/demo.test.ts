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

/** A client signed in as one of the demo accounts (the same people `dev:<openid>` signs in). */
async function demo(openid: string) {
  const [person] = await server.db.select().from(members).where(eq(members.openid, openid));
  return (await signIn(server, person!)).client;
}

describe('报送与评审 demo data', () => {
  it("has an open 小创意发挥大作用, research topics, news reporting and last year's published contest", async () => {
    const unitAdmin = await demo('demo-unit-admin');
    const { items } = await unitAdmin.call(api.calls.list, { query: {} });
    expect(items.map((c) => [c.kind, c.phase])).toEqual(
      expect.arrayContaining([
        ['case', 'open'],
        ['case', 'closed'],
        ['research', 'open'],
        ['news', 'open'],
      ]),
    );
    const open = items.find((c) => c.kind === 'case' && c.phase === 'open')!;
    expect(open).toMatchObject({ title: '小创意发挥大作用', code: 'AL', myUnit: { used: 1, remaining: 2, drafts: 1 } });
    expect(open.rubric.map((c) => c.name)).toEqual(['创新性', '实效性', '长效性', '推广性']);
    const research = items.find((c) => c.kind === 'research')!;
    expect((await unitAdmin.call(api.topics.list, { params: { id: research.id } })).items.length).toBeGreaterThanOrEqual(3);

    const mine = await unitAdmin.call(api.entries.mine, { query: {} });
    expect(mine.items.map((e) => e.status).sort()).toEqual(['draft', 'registered', 'submitted', 'submitted']);
    const registered = mine.items.find((e) => e.status === 'registered')!;
    const detail = await unitAdmin.call(api.entries.get, { params: { id: registered.id } });
    expect(detail.registrationNumber).toMatch(/^\d{4}-AL-001$/);
    expect(detail.timeline.map((e) => e.action)).toEqual(['create', 'submit', 'register']);
  });

  it('gives the demo reviewer entries to score, blind', async () => {
    const reviewer = await demo('demo-reviewer');
    const { items } = await reviewer.call(api.reviews.queue);
    expect(items.map((i) => i.reviewStatus).sort()).toEqual(['none', 'submitted']);
    const pending = items.find((i) => i.reviewStatus === 'none')!;
    const assignment = await reviewer.call(api.reviews.get, { params: { id: pending.assignmentId } });
    expect(assignment.canEdit).toBe(true);
    expect(JSON.stringify(assignment)).not.toContain('钱江新城');
  });

  it("fills the 案例库 with last year's prize-winning cases", async () => {
    const member = await demo('demo-member');
    const cases = await member.call(api.cases.list, { query: {} });
    expect(cases.items.map((c) => c.tier)).toEqual(['一等奖', '二等奖', '三等奖']);
    expect(cases.items[0]!.unitName).toBe('浙江荣盛集团党委');
    const detail = await member.call(api.cases.get, { params: { id: cases.items[0]!.entryId } });
    expect(detail.opinions).toHaveLength(3);
    expect(detail.mean).toBeGreaterThan(80);
  });

  it("has work on the secretariat's desk and news counts", async () => {
    const secretary = await demo('demo-secretary');
    const open = (await secretary.call(api.calls.list, { query: { kind: 'case', phase: 'open' } })).items[0]!;
    expect(open.entryCounts).toMatchObject({ submitted: 1, registered: 1, in_review: 2, returned: 1 });
    const results = await secretary.call(api.results.get, { params: { id: open.id } });
    expect(results.blocking.length).toBeGreaterThan(0);
    const counts = await secretary.call(api.news.counts, { query: {} });
    expect(counts.units.find((u) => u.unitName === '建华文创园党总支')?.reported).toBe(2);
  });
});
