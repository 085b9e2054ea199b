import { api, callRefusals, commonRefusals, entryRefusals } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, entries } from '../../../server/src/db/schema';
import { expectRefused } from '../../support/refusals';
import {
  completeDraft,
  days,
  fromNow,
  hours,
  LONG_TOKENS,
  openCall,
  reviewer,
  secretariat,
  submittedEntry,
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

describe('POST /api/entries/:id/submit', () => {
  it('hands a complete draft in, audited, and uses one of the places', async () => {
    const call = await openCall(server, secretary.client, { entryLimit: 2 });
    const own = await unitAdmin(server);
    const entry = await submittedEntry(own.client, call.id);
    expect(entry).toMatchObject({ status: 'submitted', submittedAt: server.clock.now().toISOString(), editable: true, withdrawable: true });
    expect((await own.client.call(api.calls.get, { params: { id: call.id } })).myUnit).toEqual({ used: 1, remaining: 1, drafts: 0 });
    const [audited] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'entry'), eq(auditLog.entityId, String(entry.id)), eq(auditLog.action, 'entry.submit')));
    expect(audited).toMatchObject({ actorId: own.member.id, before: { status: 'draft' } });
  });

  it('lists every missing field of an incomplete entry, with its Chinese name, and keeps it a draft', async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    const draft = await own.client.call(api.entries.create, { params: { id: call.id }, body: { title: '只有标题' } });
    const { issues } = await expectRefused(
      own.client.call(api.entries.submit, { params: { id: draft.id } }),
      entryRefusals.entry_incomplete,
    );
    expect(issues.map((d) => d.path)).toEqual(['category', 'summary', 'body', 'contactPhone']);
    expect(issues[0]).toEqual({ path: 'category', label: '类别', message: '请选择类别' });
    expect((await own.client.call(api.entries.get, { params: { id: draft.id } })).status).toBe('draft');
  });

  it("refuses a category the call no longer has (the secretariat changed the call's categories)", async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    const draft = await completeDraft(own.client, call.id, { category: '服务员工群众' });
    await secretary.client.call(api.calls.update, { params: { id: call.id }, body: { categories: ['融入发展经营'] } });
    const { issues } = await expectRefused(
      own.client.call(api.entries.submit, { params: { id: draft.id } }),
      entryRefusals.entry_incomplete,
    );
    expect(issues).toEqual([{ path: 'category', label: '类别', message: '类别应为：融入发展经营' }]);
  });

  it("is refused after the close time by the server's clock, and before the call opens", async () => {
    const call = await openCall(server, secretary.client, { closesAt: fromNow(server, hours(2)) });
    const own = await unitAdmin(server);
    const draft = await completeDraft(own.client, call.id);
    server.clock.advance(hours(2));
    const closed = await expectRefused(own.client.call(api.entries.submit, { params: { id: draft.id } }), callRefusals.call_closed);
    expect(closed.closesAt).toBe(call.closesAt);
    expect((await own.client.call(api.entries.get, { params: { id: draft.id } })).status).toBe('draft');

    const later = await openCall(server, secretary.client);
    const early = await completeDraft(own.client, later.id);
    await secretary.client.call(api.calls.update, {
      params: { id: later.id },
      body: { opensAt: fromNow(server, days(1)), closesAt: fromNow(server, days(2)) },
    });
    await expectRefused(own.client.call(api.entries.submit, { params: { id: early.id } }), callRefusals.call_not_open);
  });

  it('keeps a unit within its entry limit; a withdrawn entry frees its place', async () => {
    const call = await openCall(server, secretary.client, { entryLimit: 2 });
    const own = await unitAdmin(server);
    const first = await submittedEntry(own.client, call.id);
    await submittedEntry(own.client, call.id);
    const third = await completeDraft(own.client, call.id);
    const refused = await expectRefused(
      own.client.call(api.entries.submit, { params: { id: third.id } }),
      entryRefusals.entry_limit_reached,
    );
    expect(refused.limit).toBe(2);
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
    for (const outcome of outcomes.filter((o) => o.status === 'rejected')) {
      await expectRefused(Promise.reject((outcome as PromiseRejectedResult).reason), entryRefusals.entry_limit_reached);
    }
    const handedIn = await server.db
      .select({ id: entries.id })
      .from(entries)
      .where(and(eq(entries.callId, call.id), eq(entries.status, 'submitted')));
    expect(handedIn).toHaveLength(1);
  });

  it('moves only along the lifecycle: a submitted entry is not submitted again', async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    const entry = await submittedEntry(own.client, call.id);
    const details = await expectRefused(
      own.client.call(api.entries.submit, { params: { id: entry.id } }),
      entryRefusals.transition_not_allowed,
    );
    expect(details).toMatchObject({ status: 'submitted', action: 'submit' });
  });

  it('resubmits a returned entry after the close time, keeping its place', async () => {
    const call = await openCall(server, secretary.client, { entryLimit: 1, closesAt: fromNow(server, hours(4)) });
    const own = await unitAdmin(server);
    const entry = await submittedEntry(own.client, call.id);
    await secretary.client.call(api.desk.register, { params: { id: entry.id } });
    await secretary.client.call(api.desk.prescreen, { params: { id: entry.id }, body: { decision: 'return', comment: '请补充成效' } });
    server.clock.advance(hours(4));
    const fixed = await own.client.call(api.entries.update, { params: { id: entry.id }, body: { body: '补充了成效。' } });
    const resubmitted = await own.client.call(api.entries.submit, { params: { id: fixed.id } });
    expect(resubmitted.status).toBe('submitted');
    expect(resubmitted.timeline.at(-1)).toMatchObject({ action: 'resubmit', fromStatus: 'returned' });
  });
});

describe('POST /api/entries/:id/withdraw', () => {
  it('withdraws before review, with the reason on the timeline, but not once reviewing has begun', async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    const expert = await reviewer(server);
    const early = await submittedEntry(own.client, call.id);
    const withdrawn = await own.client.call(api.entries.withdraw, { params: { id: early.id }, body: { reason: '材料不全' } });
    expect(withdrawn.status).toBe('withdrawn');
    expect(withdrawn.timeline.at(-1)).toMatchObject({ action: 'withdraw', comment: '材料不全', actor: own.member.name });
    const late = await submittedEntry(own.client, call.id);
    await secretary.client.call(api.desk.register, { params: { id: late.id } });
    await secretary.client.call(api.desk.prescreen, { params: { id: late.id }, body: { decision: 'pass' } });
    await secretary.client.call(api.desk.assign, {
      params: { id: late.id },
      body: { reviewerId: expert.member.id, deadline: fromNow(server, days(2)) },
    });
    const details = await expectRefused(
      own.client.call(api.entries.withdraw, { params: { id: late.id }, body: {} }),
      entryRefusals.transition_not_allowed,
    );
    expect(details).toMatchObject({ status: 'in_review', action: 'withdraw' });
  });

  it('refuses a draft (nothing to withdraw) and another unit', async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    const draft = await completeDraft(own.client, call.id);
    const details = await expectRefused(
      own.client.call(api.entries.withdraw, { params: { id: draft.id }, body: {} }),
      entryRefusals.transition_not_allowed,
    );
    expect(details.status).toBe('draft');
    await expectRefused(
      (await unitAdmin(server)).client.call(api.entries.withdraw, { params: { id: draft.id }, body: {} }),
      commonRefusals.forbidden,
    );
  });
});
