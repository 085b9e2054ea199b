import { api, commonRefusals, entryRefusals } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../server/src/db/schema';
import { expectRefused } from '../../support/refusals';
import { completeDraft, LONG_TOKENS, openCall, secretariat, submittedEntry, unitAdmin } from '../../support/submissionFactories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
let secretary: Awaited<ReturnType<typeof secretariat>>;
beforeAll(async () => {
  server = await startTestServer(LONG_TOKENS);
  secretary = await secretariat(server);
});
afterAll(() => server.close());

describe('GET /api/calls/:id/entries', () => {
  it('lists what came in (never drafts) in the order of registration, then of submission', async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    const first = await submittedEntry(own.client, call.id, { title: '先交的' });
    server.clock.advance(60_000);
    const second = await submittedEntry(own.client, call.id, { title: '后交的' });
    await completeDraft(own.client, call.id, { title: '还是草稿' });
    await secretary.client.call(api.desk.register, { params: { id: second.id } });
    const desk = await secretary.client.call(api.desk.entries, { params: { id: call.id } });
    expect(desk.items.map((i) => [i.id, i.status])).toEqual([
      [second.id, 'registered'],
      [first.id, 'submitted'],
    ]);
    expect(desk.items[0]).toMatchObject({
      unitName: own.unit.name,
      groupName: expect.any(String),
      activeReviewers: 0,
      reviewsSubmitted: 0,
    });
    const registered = await secretary.client.call(api.desk.entries, { params: { id: call.id }, query: { status: 'registered' } });
    expect(registered.items.map((i) => i.id)).toEqual([second.id]);
  });

  it('finds by title, unit and registration number, taking % and _ as typed', async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    const percent = await submittedEntry(own.client, call.id, { title: '参与率 100% 的支部' });
    const plain = await submittedEntry(own.client, call.id, { title: '参与率一百的支部' });
    const numbered = await secretary.client.call(api.desk.register, { params: { id: plain.id } });
    const search = async (q: string) =>
      (await secretary.client.call(api.desk.entries, { params: { id: call.id }, query: { q } })).items.map((i) => i.id);
    expect(await search('100%')).toEqual([percent.id]);
    expect(await search('参与率_')).toEqual([]);
    expect(await search(numbered.registrationNumber!)).toEqual([plain.id]);
    expect((await search(own.unit.name)).sort()).toEqual([percent.id, plain.id].sort());
  });

  it('is the secretariat’s only, and 404 for a call that does not exist', async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    await expectRefused(own.client.call(api.desk.entries, { params: { id: call.id } }), commonRefusals.forbidden);
    await expectRefused(secretary.client.call(api.desk.entries, { params: { id: 987_654 } }), commonRefusals.not_found);
  });
});

describe('POST /api/entries/:id/register', () => {
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

  it('registers an entry once', async () => {
    const call = await openCall(server, secretary.client);
    const entry = await submittedEntry((await unitAdmin(server)).client, call.id);
    await secretary.client.call(api.desk.register, { params: { id: entry.id } });
    const details = await expectRefused(
      secretary.client.call(api.desk.register, { params: { id: entry.id } }),
      entryRefusals.transition_not_allowed,
    );
    expect(details).toEqual({ reason: 'transition_not_allowed', status: 'registered', action: 'register' });
  });
});

describe('POST /api/calls/:id/register-all', () => {
  it('registers every submitted entry in the order they came in', async () => {
    const call = await openCall(server, secretary.client, { code: 'YY' });
    const own = await unitAdmin(server);
    const ids = [];
    for (let i = 0; i < 3; i += 1) {
      ids.push((await submittedEntry(own.client, call.id)).id);
      server.clock.advance(60_000);
    }
    const { registered } = await secretary.client.call(api.desk.registerAll, { params: { id: call.id } });
    expect(registered).toEqual(ids.map((entryId, i) => ({ entryId, registrationNumber: `2026-YY-00${i + 1}` })));
    expect((await secretary.client.call(api.desk.registerAll, { params: { id: call.id } })).registered).toEqual([]);
  });
});

describe('POST /api/entries/:id/prescreen', () => {
  it('moves only along the state machine, and a rejection is final', async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    const entry = await submittedEntry(own.client, call.id);
    const early = await expectRefused(
      secretary.client.call(api.desk.prescreen, { params: { id: entry.id }, body: { decision: 'pass' } }),
      entryRefusals.transition_not_allowed,
    );
    expect(early).toMatchObject({ status: 'submitted', action: 'pass' });
    await secretary.client.call(api.desk.register, { params: { id: entry.id } });
    await secretary.client.call(api.desk.prescreen, { params: { id: entry.id }, body: { decision: 'reject', comment: '不符合征集主题' } });
    for (const attempt of [
      () => secretary.client.call(api.desk.prescreen, { params: { id: entry.id }, body: { decision: 'pass' } }),
      () => own.client.call(api.entries.withdraw, { params: { id: entry.id }, body: {} }),
      () => own.client.call(api.entries.submit, { params: { id: entry.id } }),
    ]) {
      const details = await expectRefused(attempt(), entryRefusals.transition_not_allowed);
      expect(details.status).toBe('rejected');
    }
    const seen = await own.client.call(api.entries.get, { params: { id: entry.id } });
    expect(seen.timeline.at(-1)).toMatchObject({ action: 'reject', toStatus: 'rejected', comment: '不符合征集主题', actor: '秘书处' });
  });

  it('requires a comment to return and a reason to reject', async () => {
    const call = await openCall(server, secretary.client);
    const entry = await submittedEntry((await unitAdmin(server)).client, call.id);
    await secretary.client.call(api.desk.register, { params: { id: entry.id } });
    for (const decision of ['return', 'reject'] as const) {
      const { issues } = await expectRefused(
        secretary.client.call(api.desk.prescreen, { params: { id: entry.id }, body: { decision } }),
        commonRefusals.invalid_fields,
      );
      expect(issues[0]!.path).toBe('body.comment');
    }
  });

  it('returns an entry with the comment the unit reads, and the resubmitted entry keeps its number', async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    const entry = await submittedEntry(own.client, call.id);
    const registered = await secretary.client.call(api.desk.register, { params: { id: entry.id } });
    const returned = await secretary.client.call(api.desk.prescreen, {
      params: { id: entry.id },
      body: { decision: 'return', comment: '请补充活动成效的数据' },
    });
    expect(returned.status).toBe('returned');
    const seen = await own.client.call(api.entries.get, { params: { id: entry.id } });
    expect(seen).toMatchObject({
      editable: true,
      timeline: expect.arrayContaining([expect.objectContaining({ comment: '请补充活动成效的数据' })]),
    });
    await own.client.call(api.entries.submit, { params: { id: entry.id } });
    const again = await secretary.client.call(api.desk.register, { params: { id: entry.id } });
    expect(again.registrationNumber).toBe(registered.registrationNumber);
    const [event] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'entry'), eq(auditLog.entityId, String(entry.id)), eq(auditLog.action, 'entry.return')));
    expect(event).toMatchObject({ actorId: secretary.member.id, after: expect.objectContaining({ comment: '请补充活动成效的数据' }) });
  });
});
