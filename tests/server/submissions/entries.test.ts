import { api } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, entries } from '../../../server/src/db/schema';
import { signedInMember } from '../../support/factories';
import {
  completeDraft,
  days,
  failure,
  hours,
  LONG_TOKENS,
  openCall,
  reviewer,
  submittedEntry,
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

describe('drafts', () => {
  it('are seen by their own unit only: not by another unit, the secretariat or a reviewer', async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    const draft = await completeDraft(own.client, call.id);
    expect(draft).toMatchObject({ status: 'draft', editable: true, registrationNumber: null });
    expect((await own.client.call(api.entries.get, { params: { id: draft.id } })).id).toBe(draft.id);

    const other = await unitAdmin(server);
    for (const client of [other.client, secretary.client, (await reviewer(server)).client]) {
      const error = await failure(client.call(api.entries.get, { params: { id: draft.id } }));
      expect(error.status).toBe(403);
    }
    expect((await other.client.call(api.entries.mine)).items.map((i) => i.id)).not.toContain(draft.id);
    const desk = await secretary.client.call(api.desk.entries, { params: { id: call.id } });
    expect(desk.items.map((i) => i.id)).not.toContain(draft.id);
  });

  it("lets the unit's info officer work on the same entry, and refuses a unit admin of another unit", async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    const officer = await signedInMember(server, ['member', 'info_officer'], { unitId: own.unit.id });
    const draft = await completeDraft(own.client, call.id);
    const saved = await officer.client.call(api.entries.update, { params: { id: draft.id }, body: { title: '信息员改过的标题' } });
    expect(saved.title).toBe('信息员改过的标题');

    const other = await unitAdmin(server);
    for (const attempt of [
      other.client.call(api.entries.update, { params: { id: draft.id }, body: { title: '越权' } }),
      other.client.call(api.entries.submit, { params: { id: draft.id } }),
      other.client.call(api.entries.withdraw, { params: { id: draft.id }, body: {} }),
    ].map(failure)) {
      expect((await attempt).status).toBe(403);
    }
  });

  it('autosave refuses a stale version instead of overwriting a newer save', async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    const draft = await completeDraft(own.client, call.id);
    const first = await own.client.call(api.entries.update, {
      params: { id: draft.id },
      body: { summary: '手机甲', version: draft.version },
    });
    expect(first.version).toBe(draft.version + 1);
    const stale = await failure(
      own.client.call(api.entries.update, { params: { id: draft.id }, body: { summary: '手机乙', version: draft.version } }),
    );
    expect(stale.status).toBe(409);
    expect((await own.client.call(api.entries.get, { params: { id: draft.id } })).summary).toBe('手机甲');
  });

  it('refuses a category the call does not have', async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    const error = await failure(completeDraft(own.client, call.id, { category: '不存在的类别' }));
    expect(error.status).toBe(400);
    expect(error.message).toContain('融入发展经营');
  });
});

describe('submitting', () => {
  it('lists every missing field of an incomplete entry and keeps it a draft', async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    const draft = await own.client.call(api.entries.create, { params: { id: call.id }, body: { title: '只有标题' } });
    const error = await failure(own.client.call(api.entries.submit, { params: { id: draft.id } }));
    expect(error.status).toBe(400);
    expect((error.details as unknown as { issues: { path: string }[] }).issues.map((d) => d.path)).toEqual(['category', 'summary', 'body', 'contactPhone']);
    expect((await own.client.call(api.entries.get, { params: { id: draft.id } })).status).toBe('draft');
  });

  it("is refused after the close time by the server's clock", async () => {
    const call = await openCall(server, secretary.client, { closesAt: new Date(server.clock.now().getTime() + hours(2)).toISOString() });
    const own = await unitAdmin(server);
    const draft = await completeDraft(own.client, call.id);
    server.clock.advance(hours(2));
    const error = await failure(own.client.call(api.entries.submit, { params: { id: draft.id } }));
    expect(error.status).toBe(409);
    expect(error.code).toBe('deadline_passed');
    expect((await failure(completeDraft(own.client, call.id))).code).toBe('deadline_passed');
    expect((await own.client.call(api.entries.get, { params: { id: draft.id } })).status).toBe('draft');
  });

  it('lets the unit edit a submitted entry until the close time, not after', async () => {
    const call = await openCall(server, secretary.client, { closesAt: new Date(server.clock.now().getTime() + hours(3)).toISOString() });
    const own = await unitAdmin(server);
    const entry = await submittedEntry(own.client, call.id);
    expect(entry.editable).toBe(true);
    expect((await own.client.call(api.entries.update, { params: { id: entry.id }, body: { summary: '截止前修改' } })).summary).toBe(
      '截止前修改',
    );
    server.clock.advance(hours(3));
    const error = await failure(own.client.call(api.entries.update, { params: { id: entry.id }, body: { summary: '截止后修改' } }));
    expect(error.code).toBe('deadline_passed');
  });

  it('keeps a unit within its entry limit; a withdrawn entry frees its place', async () => {
    const call = await openCall(server, secretary.client, { entryLimit: 2 });
    const own = await unitAdmin(server);
    const first = await submittedEntry(own.client, call.id);
    await submittedEntry(own.client, call.id);
    const third = await completeDraft(own.client, call.id);
    const refused = await failure(own.client.call(api.entries.submit, { params: { id: third.id } }));
    expect(refused.status).toBe(409);
    expect(refused.message).toContain('最多报送 2 份');
    expect((await own.client.call(api.calls.get, { params: { id: call.id } })).myUnit).toEqual({ used: 2, remaining: 0, drafts: 1 });

    await own.client.call(api.entries.withdraw, { params: { id: first.id }, body: { reason: '换一个案例' } });
    expect((await own.client.call(api.entries.submit, { params: { id: third.id } })).status).toBe('submitted');
  });

  it('holds the entry limit under concurrent submits', async () => {
    const call = await openCall(server, secretary.client, { entryLimit: 1 });
    const own = await unitAdmin(server);
    const drafts = [];
    for (let i = 0; i < 10; i += 1) drafts.push(await completeDraft(own.client, call.id, { title: `并发报送${i}` }));
    const outcomes = await Promise.allSettled(drafts.map((d) => own.client.call(api.entries.submit, { params: { id: d.id } })));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes.filter((o) => o.status === 'rejected')) {
      expect((o as PromiseRejectedResult).reason.status).toBe(409);
    }
    const handedIn = await server.db
      .select({ id: entries.id })
      .from(entries)
      .where(and(eq(entries.callId, call.id), eq(entries.status, 'submitted')));
    expect(handedIn).toHaveLength(1);
  });
});

describe('the lifecycle', () => {
  it('refuses edits after registration and keeps the registered text', async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    const entry = await submittedEntry(own.client, call.id);
    const registered = await secretary.client.call(api.desk.register, { params: { id: entry.id } });
    expect(registered.registrationNumber).toMatch(/^2026-AL\d*-001$/);
    const error = await failure(own.client.call(api.entries.update, { params: { id: entry.id }, body: { title: '登记后再改' } }));
    expect(error.status).toBe(409);
    const seen = await own.client.call(api.entries.get, { params: { id: entry.id } });
    expect(seen).toMatchObject({ title: entry.title, editable: false, withdrawable: true });
  });

  it('moves only along the state machine', async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    const entry = await submittedEntry(own.client, call.id);
    const illegal = [
      own.client.call(api.entries.submit, { params: { id: entry.id } }),
      secretary.client.call(api.desk.prescreen, { params: { id: entry.id }, body: { decision: 'pass' } }),
    ].map(failure);
    for (const attempt of illegal) expect((await attempt).status).toBe(409);
    await secretary.client.call(api.desk.register, { params: { id: entry.id } });
    expect((await failure(secretary.client.call(api.desk.register, { params: { id: entry.id } }))).status).toBe(409);
    await secretary.client.call(api.desk.prescreen, { params: { id: entry.id }, body: { decision: 'reject', comment: '不符合征集主题' } });
    for (const attempt of [
      secretary.client.call(api.desk.prescreen, { params: { id: entry.id }, body: { decision: 'pass' } }),
      own.client.call(api.entries.withdraw, { params: { id: entry.id }, body: {} }),
      own.client.call(api.entries.submit, { params: { id: entry.id } }),
    ].map(failure)) {
      const error = await attempt;
      expect(error.status).toBe(409);
      expect(error.message).toContain('未通过');
    }
    const seen = await own.client.call(api.entries.get, { params: { id: entry.id } });
    expect(seen.timeline.at(-1)).toMatchObject({ action: 'reject', toStatus: 'rejected', comment: '不符合征集主题', actor: '秘书处' });
  });

  it('requires a comment to return and a reason to reject', async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    const entry = await submittedEntry(own.client, call.id);
    await secretary.client.call(api.desk.register, { params: { id: entry.id } });
    for (const decision of ['return', 'reject'] as const) {
      expect((await failure(secretary.client.call(api.desk.prescreen, { params: { id: entry.id }, body: { decision } }))).status).toBe(400);
    }
  });

  it('withdraws before review but not once reviewing has begun', async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    const expert = await reviewer(server);
    const early = await submittedEntry(own.client, call.id);
    expect((await own.client.call(api.entries.withdraw, { params: { id: early.id }, body: { reason: '材料不全' } })).status).toBe(
      'withdrawn',
    );
    const late = await submittedEntry(own.client, call.id);
    await secretary.client.call(api.desk.register, { params: { id: late.id } });
    await secretary.client.call(api.desk.prescreen, { params: { id: late.id }, body: { decision: 'pass' } });
    await secretary.client.call(api.desk.assign, {
      params: { id: late.id },
      body: { reviewerId: expert.member.id, deadline: new Date(server.clock.now().getTime() + days(2)).toISOString() },
    });
    expect((await failure(own.client.call(api.entries.withdraw, { params: { id: late.id }, body: {} }))).status).toBe(409);
  });

  it('numbers registrations in order per call and audits every state change', async () => {
    const call = await openCall(server, secretary.client, { code: 'ZZ' });
    const own = await unitAdmin(server);
    const numbers = [];
    for (let i = 0; i < 3; i += 1) {
      const entry = await submittedEntry(own.client, call.id);
      numbers.push((await secretary.client.call(api.desk.register, { params: { id: entry.id } })).registrationNumber);
    }
    expect(numbers).toEqual(['2026-ZZ-001', '2026-ZZ-002', '2026-ZZ-003']);
    const audited = await server.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entity, 'entry'));
    const actions = new Set(audited.map((a) => a.action));
    for (const action of ['entry.create', 'entry.submit', 'entry.register']) expect(actions).toContain(action);
  });
});
