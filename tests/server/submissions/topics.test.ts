import { api } from '@zhijian/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInMember } from '../../support/factories';
import { completeDraft, failure, LONG_TOKENS, openCall, unitAdmin } from '../../support/submissionFactories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
let secretary: Awaited<ReturnType<typeof signedInMember>>;
beforeAll(async () => {
  server = await startTestServer(LONG_TOKENS);
  secretary = await signedInMember(server, ['secretariat'], { unitId: null });
});
afterAll(() => server.close());

describe('课题调研', () => {
  it('units claim topics (for themselves or their 片组), the secretariat confirms or reassigns, the confirmed unit reports', async () => {
    const call = await openCall(server, secretary.client, { kind: 'research', title: '两新党建课题调研' });
    expect(call.code).toBe('KT');
    const topic = await secretary.client.call(api.topics.create, { params: { id: call.id }, body: { title: '流动党员管理的难点与对策' } });
    const second = await secretary.client.call(api.topics.create, { params: { id: call.id }, body: { title: '党建与企业文化融合' } });
    const caseCall = await openCall(server, secretary.client);
    expect(
      (await failure(secretary.client.call(api.topics.create, { params: { id: caseCall.id }, body: { title: '不该有' } }))).status,
    ).toBe(409);

    const a = await unitAdmin(server);
    const b = await unitAdmin(server);
    const c = await unitAdmin(server);
    const claimedA = await a.client.call(api.topics.claim, {
      params: { id: topic.id },
      body: { forGroup: true, note: '第一片组共同承担' },
    });
    expect(claimedA.claims[0]).toMatchObject({ unitName: a.unit.name, groupName: expect.any(String), status: 'pending' });
    expect(claimedA.myClaimId).toBe(claimedA.claims[0]!.id);
    const claimedB = await b.client.call(api.topics.claim, { params: { id: topic.id }, body: {} });
    expect((await failure(b.client.call(api.topics.claim, { params: { id: topic.id }, body: {} }))).status).toBe(409);
    const { client: member } = await signedInMember(server, ['member']);
    expect((await failure(member.call(api.topics.claim, { params: { id: topic.id }, body: {} }))).status).toBe(403);

    // A research report needs a topic the unit holds, confirmed.
    const report = await completeDraft(b.client, call.id, { topicId: topic.id, category: null });
    expect((await failure(b.client.call(api.entries.submit, { params: { id: report.id } }))).message).toContain('已确认认领的课题');

    const confirmed = await secretary.client.call(api.topics.confirmClaim, { params: { id: claimedA.claims[0]!.id } });
    expect(confirmed.claims.map((x) => x.status)).toEqual(['confirmed', 'pending']);
    const bClaim = claimedB.claims.find((x) => x.unitName === b.unit.name)!;
    expect((await failure(secretary.client.call(api.topics.confirmClaim, { params: { id: bClaim.id } }))).status).toBe(409);

    // A confirmed holder keeps its topic; balancing moves another topic's claim to a different unit.
    expect(
      (
        await failure(
          secretary.client.call(api.topics.reassignClaim, { params: { id: bClaim.id }, body: { unitId: c.unit.id, reason: '平衡各片组' } }),
        )
      ).status,
    ).toBe(409);
    const claimC = await c.client.call(api.topics.claim, { params: { id: second.id }, body: {} });
    const reassigned = await secretary.client.call(api.topics.reassignClaim, {
      params: { id: claimC.claims[0]!.id },
      body: { unitId: b.unit.id, reason: '乙单位更熟悉企业文化' },
    });
    expect(reassigned.claims[0]).toMatchObject({ unitName: b.unit.name, status: 'confirmed', note: '乙单位更熟悉企业文化' });

    await b.client.call(api.entries.update, { params: { id: report.id }, body: { topicId: second.id } });
    const submitted = await b.client.call(api.entries.submit, { params: { id: report.id } });
    expect(submitted).toMatchObject({ status: 'submitted', topic: { id: second.id, title: '党建与企业文化融合' } });
    const listed = await member.call(api.topics.list, { params: { id: call.id } });
    expect(listed.items.map((t) => t.title)).toEqual(['流动党员管理的难点与对策', '党建与企业文化融合']);
  });

  it('the secretariat edits a topic: only the fields it names, and at least one', async () => {
    const call = await openCall(server, secretary.client, { kind: 'research', title: '课题调研（修改课题）' });
    const topic = await secretary.client.call(api.topics.create, {
      params: { id: call.id },
      body: { title: '旧名称', description: '课题说明' },
    });
    const edited = await secretary.client.call(api.topics.update, { params: { id: topic.id }, body: { title: '新名称' } });
    expect(edited).toMatchObject({ title: '新名称', description: '课题说明' });
    const empty = await failure(secretary.client.call(api.topics.update, { params: { id: topic.id }, body: {} }));
    expect(empty.status).toBe(400);
    expect(empty.message).toContain('请填写要修改的内容');
  });
});
