import { api, callRefusals, commonRefusals, entryRefusals } from '@zhijian/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInMember } from '../../support/factories';
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

describe('GET /api/me/entries', () => {
  it("lists the unit's own entries, drafts included, the latest change first", async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    const first = await completeDraft(own.client, call.id, { title: '第一份' });
    const second = await submittedEntry(own.client, call.id, { title: '第二份' });
    const other = await unitAdmin(server);
    await completeDraft(other.client, call.id);
    const mine = await own.client.call(api.entries.mine, { query: { callId: call.id } });
    expect(mine.total).toBe(2);
    expect(mine.items.map((i) => [i.id, i.status])).toEqual([
      [second.id, 'submitted'],
      [first.id, 'draft'],
    ]);
    const paged = await own.client.call(api.entries.mine, { query: { callId: call.id, pageSize: 1, page: 2 } });
    expect(paged).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ id: first.id }] });
  });
});

describe('POST /api/calls/:id/entries', () => {
  it("starts a draft the unit's staff see, filled with the author as contact", async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    const draft = await own.client.call(api.entries.create, { params: { id: call.id }, body: { title: '只有标题' } });
    expect(draft).toMatchObject({ status: 'draft', editable: true, registrationNumber: null, contactName: own.member.name });
    expect(draft.timeline).toEqual([expect.objectContaining({ action: 'create', toStatus: 'draft', actor: own.member.name })]);
  });

  it('refuses a call that has not opened, and one past its close time', async () => {
    const own = await unitAdmin(server);
    const upcoming = await openCall(server, secretary.client, { opensAt: fromNow(server, days(1)), closesAt: fromNow(server, days(2)) });
    await expectRefused(completeDraft(own.client, upcoming.id), callRefusals.call_not_open);
    const closing = await openCall(server, secretary.client, { closesAt: fromNow(server, hours(1)) });
    server.clock.advance(hours(1));
    const details = await expectRefused(completeDraft(own.client, closing.id), callRefusals.call_closed);
    expect(details.closesAt).toBe(closing.closesAt);
  });

  it("refuses a category the call does not have, and a topic in a call that has none, naming the call's categories", async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    const error = await expectRefused(completeDraft(own.client, call.id, { category: '不存在的类别' }), commonRefusals.invalid_fields);
    expect(error.issues).toEqual([expect.objectContaining({ path: 'body.category', label: '类别' })]);
    expect(error.issues[0]!.message).toContain('融入发展经营');
    const topic = await expectRefused(completeDraft(own.client, call.id, { topicId: 1 }), commonRefusals.invalid_fields);
    expect(topic.issues[0]!.path).toBe('body.topicId');
  });

  it('refuses a member who reports for no unit', async () => {
    const call = await openCall(server, secretary.client);
    const { client: member } = await signedInMember(server, ['member']);
    await expectRefused(completeDraft(member, call.id), commonRefusals.forbidden);
  });
});

describe('GET /api/entries/:id', () => {
  it('shows a draft to its own unit only: not to another unit, the secretariat or a reviewer', async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    const draft = await completeDraft(own.client, call.id);
    expect((await own.client.call(api.entries.get, { params: { id: draft.id } })).id).toBe(draft.id);
    const other = await unitAdmin(server);
    for (const client of [other.client, secretary.client, (await reviewer(server)).client]) {
      await expectRefused(client.call(api.entries.get, { params: { id: draft.id } }), commonRefusals.forbidden);
    }
    expect((await other.client.call(api.entries.mine)).items.map((i) => i.id)).not.toContain(draft.id);
    const desk = await secretary.client.call(api.desk.entries, { params: { id: call.id } });
    expect(desk.items.map((i) => i.id)).not.toContain(draft.id);
  });

  it('answers 404 for an entry that does not exist', async () => {
    const own = await unitAdmin(server);
    const missing = await expectRefused(own.client.call(api.entries.get, { params: { id: 987_654 } }), commonRefusals.not_found);
    expect(missing.resource).toBe('报送');
  });
});

describe('PATCH /api/entries/:id', () => {
  it("lets the unit's info officer work on the same entry, and refuses a unit admin of another unit", async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    const officer = await signedInMember(server, ['member', 'info_officer'], { unitId: own.unit.id });
    const draft = await completeDraft(own.client, call.id);
    const saved = await officer.client.call(api.entries.update, { params: { id: draft.id }, body: { title: '信息员改过的标题' } });
    expect(saved.title).toBe('信息员改过的标题');
    const other = await unitAdmin(server);
    for (const attempt of [
      () => other.client.call(api.entries.update, { params: { id: draft.id }, body: { title: '越权' } }),
      () => other.client.call(api.entries.submit, { params: { id: draft.id } }),
      () => other.client.call(api.entries.withdraw, { params: { id: draft.id }, body: {} }),
    ]) {
      await expectRefused(attempt(), commonRefusals.forbidden);
    }
  });

  it('changes only the fields it names, and refuses an empty change', async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    const draft = await completeDraft(own.client, call.id);
    const saved = await own.client.call(api.entries.update, { params: { id: draft.id }, body: { summary: '新摘要' } });
    expect(saved).toMatchObject({ summary: '新摘要', title: draft.title, body: draft.body, version: draft.version + 1 });
    await expectRefused(own.client.call(api.entries.update, { params: { id: draft.id }, body: {} }), commonRefusals.invalid_fields);
  });

  it('refuses a stale autosave instead of overwriting a newer save', async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    const draft = await completeDraft(own.client, call.id);
    const first = await own.client.call(api.entries.update, {
      params: { id: draft.id },
      body: { summary: '手机甲', version: draft.version },
    });
    expect(first.version).toBe(draft.version + 1);
    const stale = await expectRefused(
      own.client.call(api.entries.update, { params: { id: draft.id }, body: { summary: '手机乙', version: draft.version } }),
      entryRefusals.entry_changed_elsewhere,
    );
    expect(stale.version).toBe(first.version);
    expect((await own.client.call(api.entries.get, { params: { id: draft.id } })).summary).toBe('手机甲');
  });

  it('refuses a phone that is not a mobile number, naming the field', async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    const draft = await completeDraft(own.client, call.id);
    const { issues } = await expectRefused(
      own.client.call(api.entries.update, { params: { id: draft.id }, body: { contactPhone: '12345' } }),
      commonRefusals.invalid_fields,
    );
    expect(issues[0]).toMatchObject({ path: 'body.contactPhone', label: '联系电话' });
  });

  it('lets the unit edit a submitted entry until the close time, not after', async () => {
    const call = await openCall(server, secretary.client, { closesAt: fromNow(server, hours(3)) });
    const own = await unitAdmin(server);
    const entry = await submittedEntry(own.client, call.id);
    expect(entry.editable).toBe(true);
    const saved = await own.client.call(api.entries.update, { params: { id: entry.id }, body: { summary: '截止前修改' } });
    expect(saved.summary).toBe('截止前修改');
    server.clock.advance(hours(3));
    await expectRefused(
      own.client.call(api.entries.update, { params: { id: entry.id }, body: { summary: '截止后修改' } }),
      callRefusals.call_closed,
    );
  });

  it('refuses edits after registration and keeps the registered text', async () => {
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    const entry = await submittedEntry(own.client, call.id);
    await secretary.client.call(api.desk.register, { params: { id: entry.id } });
    const details = await expectRefused(
      own.client.call(api.entries.update, { params: { id: entry.id }, body: { title: '登记后再改' } }),
      entryRefusals.entry_not_editable,
    );
    expect(details.status).toBe('registered');
    const seen = await own.client.call(api.entries.get, { params: { id: entry.id } });
    expect(seen).toMatchObject({ title: entry.title, editable: false, withdrawable: true });
  });
});
