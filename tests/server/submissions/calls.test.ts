import { api, DEFAULT_RUBRIC, DEFAULT_TIERS } from '@zhijian/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInMember } from '../../support/factories';
import {
  days,
  entryInReview,
  failure,
  fromNow,
  hours,
  LONG_TOKENS,
  openCall,
  reviewer,
  unitAdmin,
} from '../../support/submissionFactories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
let secretary: Awaited<ReturnType<typeof signedInMember>>;
beforeAll(async () => {
  server = await startTestServer(LONG_TOKENS);
  secretary = await signedInMember(server, ['secretariat'], { unitId: null });
});
afterAll(() => server.close());

describe('calls', () => {
  it("open with the association's defaults and number AL, AL2 … within a year", async () => {
    const first = await openCall(server, secretary.client, { title: '第一次案例征集' });
    const second = await openCall(server, secretary.client, { title: '第二次案例征集' });
    expect(first.rubric).toEqual(DEFAULT_RUBRIC);
    expect(first.tiers).toEqual(DEFAULT_TIERS);
    expect([first.entryLimit, first.reviewersPerEntry]).toEqual([3, 3]);
    expect(second.code).not.toBe(first.code);
    expect(second.code).toMatch(/^AL\d+$/);
  });

  it('refuse a close time before the open time, a bad rubric and bad tiers', async () => {
    const bad = [
      { closesAt: fromNow(server, -hours(2)) },
      {
        rubric: [
          { key: 'a', name: '甲', weight: 1, max: 10 },
          { key: 'a', name: '乙', weight: 1, max: 10 },
        ],
      },
      { rubric: [{ key: 'a', name: '甲', weight: 0, max: 10 }] },
      {
        tiers: [
          { name: '一等奖', share: 60, showcase: true },
          { name: '二等奖', share: 60, showcase: true },
        ],
      },
      { opensAt: '2026-11-20 09:00' },
    ];
    for (const overrides of bad) expect((await failure(openCall(server, secretary.client, overrides))).status).toBe(400);
  });

  it('show a unit its places left and the secretariat its counts; filter by phase', async () => {
    const call = await openCall(server, secretary.client, { entryLimit: 2 });
    await openCall(server, secretary.client, { opensAt: fromNow(server, days(10)), closesAt: fromNow(server, days(20)) });
    const unit = await unitAdmin(server);
    expect((await unit.client.call(api.calls.get, { params: { id: call.id } })).myUnit).toEqual({ used: 0, remaining: 2, drafts: 0 });
    expect((await unit.client.call(api.calls.get, { params: { id: call.id } })).entryCounts).toBeNull();
    const upcoming = await unit.client.call(api.calls.list, { query: { phase: 'upcoming' } });
    expect(upcoming.items.every((c) => c.phase === 'upcoming')).toBe(true);
    expect(upcoming.items.length).toBeGreaterThan(0);
    const open = await secretary.client.call(api.calls.list, { query: { phase: 'open', kind: 'case' } });
    expect(open.items.map((c) => c.id)).toContain(call.id);
    expect(open.items.find((c) => c.id === call.id)!.entryCounts).toEqual({});
  });

  it('change only the fields an update names', async () => {
    const call = await openCall(server, secretary.client, { description: '征集说明', entryLimit: 5 });
    const edited = await secretary.client.call(api.calls.update, { params: { id: call.id }, body: { title: '新标题' } });
    expect(edited).toMatchObject({ title: '新标题', description: '征集说明', entryLimit: 5 });
    const bad = await failure(secretary.client.call(api.calls.update, { params: { id: call.id }, body: { entryLimit: 0 } }));
    expect(bad.status).toBe(400);
  });

  it('close early, and keep the rubric once reviewing has begun', async () => {
    const call = await openCall(server, secretary.client);
    const expert = await reviewer(server);
    await entryInReview(server, secretary.client, await unitAdmin(server), call.id, [expert.member.id]);
    const edited = await secretary.client.call(api.calls.update, {
      params: { id: call.id },
      body: { description: '补充说明', entryLimit: 5 },
    });
    expect(edited).toMatchObject({ description: '补充说明', entryLimit: 5 });
    const rubric = await failure(
      secretary.client.call(api.calls.update, {
        params: { id: call.id },
        body: { rubric: [{ key: 'x', name: '新标准', weight: 1, max: 10 }] },
      }),
    );
    expect(rubric.status).toBe(409);
    const closed = await secretary.client.call(api.calls.close, { params: { id: call.id } });
    expect(closed.phase).toBe('closed');
    expect((await failure(secretary.client.call(api.calls.close, { params: { id: call.id } }))).status).toBe(409);
    const unit = await unitAdmin(server);
    expect((await failure(unit.client.call(api.calls.close, { params: { id: call.id } }))).status).toBe(403);
  });
});
