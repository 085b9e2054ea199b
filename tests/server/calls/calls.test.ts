import { api, callRefusals, commonRefusals, DEFAULT_RUBRIC, DEFAULT_TIERS } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, calls } from '../../../server/src/db/schema';
import { expectRefused } from '../../support/refusals';
import {
  days,
  entryInReview,
  fromNow,
  hours,
  LONG_TOKENS,
  openCall,
  reviewer,
  secretariat,
  unitAdmin,
} from '../../support/submissionFactories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
let secretary: Awaited<ReturnType<typeof secretariat>>;
beforeAll(async () => {
  server = await startTestServer(LONG_TOKENS);
  secretary = await secretariat(server);
});
afterAll(() => server.close());

describe('GET /api/calls', () => {
  it('should require authentication', async () => {
    await expectRefused(server.client.call(api.calls.list), commonRefusals.unauthorized);
  });

  it('shows a unit its places left and the secretariat its counts; filters by phase and kind', async () => {
    const call = await openCall(server, secretary.client, { entryLimit: 2 });
    await openCall(server, secretary.client, { opensAt: fromNow(server, days(10)), closesAt: fromNow(server, days(20)) });
    const unit = await unitAdmin(server);
    const seen = await unit.client.call(api.calls.get, { params: { id: call.id } });
    expect(seen.myUnit).toEqual({ used: 0, remaining: 2, drafts: 0 });
    expect(seen.entryCounts).toBeNull();
    const upcoming = await unit.client.call(api.calls.list, { query: { phase: 'upcoming' } });
    expect(upcoming.items.length).toBeGreaterThan(0);
    expect(upcoming.items.every((c) => c.phase === 'upcoming')).toBe(true);
    const open = await secretary.client.call(api.calls.list, { query: { phase: 'open', kind: 'case' } });
    expect(open.items.map((c) => c.id)).toContain(call.id);
    expect(open.items.find((c) => c.id === call.id)).toMatchObject({ entryCounts: {}, myUnit: null });
  });
});

describe('GET /api/calls/:id', () => {
  it('answers 404 for a call that does not exist', async () => {
    const missing = await expectRefused(secretary.client.call(api.calls.get, { params: { id: 987_654 } }), commonRefusals.not_found);
    expect(missing.resource).toBe('征集');
  });
});

describe('POST /api/calls', () => {
  it("opens with the association's defaults and numbers AL, AL2 … within a year, audited", async () => {
    const first = await openCall(server, secretary.client, { title: '第一次案例征集' });
    const second = await openCall(server, secretary.client, { title: '第二次案例征集' });
    expect(first.rubric).toEqual(DEFAULT_RUBRIC);
    expect(first.tiers).toEqual(DEFAULT_TIERS);
    expect([first.entryLimit, first.reviewersPerEntry, first.description]).toEqual([3, 3, '']);
    expect(second.code).not.toBe(first.code);
    expect(second.code).toMatch(/^AL\d+$/);
    const news = await openCall(server, secretary.client, { kind: 'news', title: '信息报送' });
    expect(news).toMatchObject({ code: 'XX', reviewersPerEntry: 0, categories: [] });
    const [entry] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'call'), eq(auditLog.entityId, String(first.id))));
    expect(entry).toMatchObject({ action: 'call.create', entity: 'call', actorId: secretary.member.id });
  });

  it('refuses a close time before the open time, naming the field', async () => {
    const { issues } = await expectRefused(
      openCall(server, secretary.client, { closesAt: fromNow(server, -hours(2)) }),
      commonRefusals.invalid_fields,
    );
    expect(issues).toEqual([expect.objectContaining({ path: 'body.closesAt', label: '截止时间' })]);
  });

  it('refuses a bad rubric, bad tiers and a time without its offset', async () => {
    const bad = [
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
    for (const overrides of bad) await expectRefused(openCall(server, secretary.client, overrides), commonRefusals.invalid_fields);
  });

  it('refuses anyone but the secretariat', async () => {
    const unit = await unitAdmin(server);
    await expectRefused(openCall(server, unit.client), commonRefusals.forbidden);
  });
});

describe('PATCH /api/calls/:id', () => {
  it('changes only the fields it names and refuses an empty change', async () => {
    const call = await openCall(server, secretary.client, { description: '征集说明', entryLimit: 5 });
    const edited = await secretary.client.call(api.calls.update, { params: { id: call.id }, body: { title: '新标题' } });
    expect(edited).toMatchObject({ title: '新标题', description: '征集说明', entryLimit: 5 });
    await expectRefused(
      secretary.client.call(api.calls.update, { params: { id: call.id }, body: { entryLimit: 0 } }),
      commonRefusals.invalid_fields,
    );
    await expectRefused(secretary.client.call(api.calls.update, { params: { id: call.id }, body: {} }), commonRefusals.invalid_fields);
  });

  it("refuses a close time before the call's own open time", async () => {
    const call = await openCall(server, secretary.client);
    const { issues } = await expectRefused(
      secretary.client.call(api.calls.update, { params: { id: call.id }, body: { closesAt: fromNow(server, -days(1)) } }),
      commonRefusals.invalid_fields,
    );
    expect(issues[0]!.path).toBe('body.closesAt');
  });

  it('keeps the rubric once reviewing has begun, other fields stay editable', async () => {
    const call = await openCall(server, secretary.client);
    const expert = await reviewer(server);
    await entryInReview(server, secretary.client, await unitAdmin(server), call.id, [expert.member.id]);
    const edited = await secretary.client.call(api.calls.update, {
      params: { id: call.id },
      body: { description: '补充说明', entryLimit: 5 },
    });
    expect(edited).toMatchObject({ description: '补充说明', entryLimit: 5 });
    await expectRefused(
      secretary.client.call(api.calls.update, {
        params: { id: call.id },
        body: { rubric: [{ key: 'x', name: '新标准', weight: 1, max: 10 }] },
      }),
      callRefusals.rubric_locked,
    );
  });

  it('keeps the rubric and tiers once results are published', async () => {
    const call = await openCall(server, secretary.client);
    const publishedAt = server.clock.now();
    await server.db.update(calls).set({ resultsPublishedAt: publishedAt }).where(eq(calls.id, call.id));
    const details = await expectRefused(
      secretary.client.call(api.calls.update, {
        params: { id: call.id },
        body: { tiers: [{ name: '优秀', share: null, showcase: true }] },
      }),
      callRefusals.results_published,
    );
    expect(details.publishedAt).toBe(publishedAt.toISOString());
    expect((await secretary.client.call(api.calls.update, { params: { id: call.id }, body: { title: '结果已发布的征集' } })).title).toBe(
      '结果已发布的征集',
    );
  });
});

describe('POST /api/calls/:id/close', () => {
  it('closes an open call now, once', async () => {
    const call = await openCall(server, secretary.client);
    const closed = await secretary.client.call(api.calls.close, { params: { id: call.id } });
    expect(closed).toMatchObject({ phase: 'closed', closesAt: server.clock.now().toISOString() });
    const again = await expectRefused(
      secretary.client.call(api.calls.close, { params: { id: call.id } }),
      callRefusals.call_already_closed,
    );
    expect(again.closesAt).toBe(closed.closesAt);
  });

  it('refuses a call that has not opened yet', async () => {
    const call = await openCall(server, secretary.client, { opensAt: fromNow(server, days(1)), closesAt: fromNow(server, days(2)) });
    const details = await expectRefused(secretary.client.call(api.calls.close, { params: { id: call.id } }), callRefusals.call_not_open);
    expect(details.opensAt).toBe(call.opensAt);
  });

  it('refuses anyone but the secretariat', async () => {
    const call = await openCall(server, secretary.client);
    const unit = await unitAdmin(server);
    await expectRefused(unit.client.call(api.calls.close, { params: { id: call.id } }), commonRefusals.forbidden);
  });
});
