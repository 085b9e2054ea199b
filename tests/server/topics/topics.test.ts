import { api, callRefusals, commonRefusals, entryRefusals, topicRefusals } from '@zhijian/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInMember } from '../../support/factories';
import { expectRefused } from '../../support/refusals';
import { completeDraft, days, fromNow, hours, LONG_TOKENS, openCall, secretariat, unitAdmin } from '../../support/submissionFactories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
let secretary: Awaited<ReturnType<typeof secretariat>>;
beforeAll(async () => {
  server = await startTestServer(LONG_TOKENS);
  secretary = await secretariat(server);
});
afterAll(() => server.close());

async function researchCall(overrides = {}) {
  return openCall(server, secretary.client, { kind: 'research', title: '两新党建课题调研', ...overrides });
}

async function topicOf(callId: number, title = `课题${Math.random().toString(36).slice(2, 8)}`) {
  return secretary.client.call(api.topics.create, { params: { id: callId }, body: { title } });
}

describe('课题调研 from claim to report', () => {
  it('units claim topics (for themselves or their 片组), the secretariat confirms or reassigns, the confirmed unit reports', async () => {
    const call = await researchCall();
    expect(call.code).toBe('KT');
    const topic = await topicOf(call.id, '流动党员管理的难点与对策');
    const second = await topicOf(call.id, '党建与企业文化融合');
    const [a, b, c] = [await unitAdmin(server), await unitAdmin(server), await unitAdmin(server)];
    const claimedA = await a.client.call(api.topics.claim, {
      params: { id: topic.id },
      body: { forGroup: true, note: '第一片组共同承担' },
    });
    expect(claimedA.claims[0]).toMatchObject({ unitName: a.unit.name, groupName: expect.any(String), status: 'pending' });
    expect(claimedA.myClaimId).toBe(claimedA.claims[0]!.id);
    await b.client.call(api.topics.claim, { params: { id: topic.id }, body: {} });

    // A research report needs a topic the unit holds, confirmed.
    const report = await completeDraft(b.client, call.id, { topicId: topic.id, category: null });
    const { issues } = await expectRefused(
      b.client.call(api.entries.submit, { params: { id: report.id } }),
      entryRefusals.entry_incomplete,
    );
    expect(issues).toEqual([{ path: 'topicId', label: '课题', message: '请选择本单位已确认认领的课题' }]);

    await secretary.client.call(api.topics.confirmClaim, { params: { id: claimedA.claims[0]!.id } });
    const claimC = await c.client.call(api.topics.claim, { params: { id: second.id }, body: {} });
    const reassigned = await secretary.client.call(api.topics.reassignClaim, {
      params: { id: claimC.claims[0]!.id },
      body: { unitId: b.unit.id, reason: '乙单位更熟悉企业文化' },
    });
    expect(reassigned.claims[0]).toMatchObject({ unitName: b.unit.name, status: 'confirmed', note: '乙单位更熟悉企业文化' });

    await b.client.call(api.entries.update, { params: { id: report.id }, body: { topicId: second.id } });
    const submitted = await b.client.call(api.entries.submit, { params: { id: report.id } });
    expect(submitted).toMatchObject({ status: 'submitted', topic: { id: second.id, title: '党建与企业文化融合' } });
  });
});

describe('GET /api/calls/:id/topics', () => {
  it('lists the topics in the order they were listed, to any member', async () => {
    const call = await researchCall({ title: '课题调研（列表）' });
    await topicOf(call.id, '第一个课题');
    await topicOf(call.id, '第二个课题');
    const { client: member } = await signedInMember(server, ['member']);
    const listed = await member.call(api.topics.list, { params: { id: call.id } });
    expect(listed.items.map((t) => [t.title, t.myClaimId])).toEqual([
      ['第一个课题', null],
      ['第二个课题', null],
    ]);
  });
});

describe('POST /api/calls/:id/topics', () => {
  it('lists a topic under a research call only', async () => {
    const caseCall = await openCall(server, secretary.client);
    await expectRefused(
      secretary.client.call(api.topics.create, { params: { id: caseCall.id }, body: { title: '不该有' } }),
      topicRefusals.not_a_research_call,
    );
  });

  it('refuses a topic without a name, naming the field', async () => {
    const call = await researchCall({ title: '课题调研（无名）' });
    const { issues } = await expectRefused(
      secretary.client.call(api.topics.create, { params: { id: call.id }, body: { title: ' ' } }),
      commonRefusals.invalid_fields,
    );
    expect(issues[0]).toMatchObject({ path: 'body.title', label: '课题名称' });
  });
});

describe('PATCH /api/topics/:id', () => {
  it('changes only the fields it names, and at least one', async () => {
    const call = await researchCall({ title: '课题调研（修改课题）' });
    const topic = await secretary.client.call(api.topics.create, {
      params: { id: call.id },
      body: { title: '旧名称', description: '课题说明' },
    });
    const edited = await secretary.client.call(api.topics.update, { params: { id: topic.id }, body: { title: '新名称' } });
    expect(edited).toMatchObject({ title: '新名称', description: '课题说明' });
    const { issues } = await expectRefused(
      secretary.client.call(api.topics.update, { params: { id: topic.id }, body: {} }),
      commonRefusals.invalid_fields,
    );
    expect(issues[0]!.message).toBe('请填写要修改的内容');
  });
});

describe('POST /api/topics/:id/claims', () => {
  it('takes one claim per unit and topic', async () => {
    const topic = await topicOf((await researchCall({ title: '课题调研（重复认领）' })).id);
    const unit = await unitAdmin(server);
    await unit.client.call(api.topics.claim, { params: { id: topic.id }, body: {} });
    await expectRefused(unit.client.call(api.topics.claim, { params: { id: topic.id }, body: {} }), topicRefusals.topic_already_claimed);
  });

  it('takes claims of unit admins only', async () => {
    const topic = await topicOf((await researchCall({ title: '课题调研（角色）' })).id);
    const { client: member } = await signedInMember(server, ['member']);
    await expectRefused(member.call(api.topics.claim, { params: { id: topic.id }, body: {} }), commonRefusals.forbidden);
  });

  it('closes with the call', async () => {
    const call = await researchCall({ title: '课题调研（截止）', closesAt: fromNow(server, hours(1)) });
    const topic = await topicOf(call.id);
    server.clock.advance(hours(1));
    const unit = await unitAdmin(server);
    const details = await expectRefused(
      unit.client.call(api.topics.claim, { params: { id: topic.id }, body: {} }),
      callRefusals.call_closed,
    );
    expect(details.closesAt).toBe(call.closesAt);
  });
});

describe('POST /api/topic-claims/:id/confirm', () => {
  it('confirms one claim per topic; the others wait to be reassigned', async () => {
    const topic = await topicOf((await researchCall({ title: '课题调研（确认）', closesAt: fromNow(server, days(30)) })).id);
    const [a, b] = [await unitAdmin(server), await unitAdmin(server)];
    const claimA = (await a.client.call(api.topics.claim, { params: { id: topic.id }, body: {} })).myClaimId!;
    const claimB = (await b.client.call(api.topics.claim, { params: { id: topic.id }, body: {} })).myClaimId!;
    const confirmed = await secretary.client.call(api.topics.confirmClaim, { params: { id: claimA } });
    expect(confirmed.claims.map((x) => x.status)).toEqual(['confirmed', 'pending']);
    await expectRefused(secretary.client.call(api.topics.confirmClaim, { params: { id: claimA } }), topicRefusals.claim_already_confirmed);
    const taken = await expectRefused(
      secretary.client.call(api.topics.confirmClaim, { params: { id: claimB } }),
      topicRefusals.topic_taken,
    );
    expect(taken.confirmedClaimId).toBe(claimA);
  });
});

describe('POST /api/topic-claims/:id/reassign', () => {
  it("refuses to move a claim onto a topic another unit holds, or to a unit that has its own claim, or to a unit that doesn't exist", async () => {
    const topic = await topicOf((await researchCall({ title: '课题调研（调剂）', closesAt: fromNow(server, days(30)) })).id);
    const [a, b, c] = [await unitAdmin(server), await unitAdmin(server), await unitAdmin(server)];
    const claimA = (await a.client.call(api.topics.claim, { params: { id: topic.id }, body: {} })).myClaimId!;
    const claimB = (await b.client.call(api.topics.claim, { params: { id: topic.id }, body: {} })).myClaimId!;
    await expectRefused(
      secretary.client.call(api.topics.reassignClaim, { params: { id: claimB }, body: { unitId: a.unit.id, reason: '平衡各片组' } }),
      topicRefusals.unit_already_claimed,
    );
    const missing = await expectRefused(
      secretary.client.call(api.topics.reassignClaim, { params: { id: claimB }, body: { unitId: 987_654, reason: '平衡各片组' } }),
      commonRefusals.not_found,
    );
    expect(missing.resource).toBe('单位');
    await secretary.client.call(api.topics.confirmClaim, { params: { id: claimA } });
    await expectRefused(
      secretary.client.call(api.topics.reassignClaim, { params: { id: claimB }, body: { unitId: c.unit.id, reason: '平衡各片组' } }),
      topicRefusals.topic_taken,
    );
  });
});
