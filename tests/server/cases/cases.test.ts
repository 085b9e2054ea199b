import { api, commonRefusals, placementRefusals } from '@zhijian/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIssue } from '../../support/bulletinFactories';
import { signedInMember } from '../../support/factories';
import { expectRefused } from '../../support/refusals';
import { contest, LONG_TOKENS, score, secretariat } from '../../support/submissionFactories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
let secretary: Awaited<ReturnType<typeof secretariat>>;
let member: Awaited<ReturnType<typeof signedInMember>>;
/** A published contest: 案例1 won 一等奖 (a showcase tier), 案例2 优秀奖 (not one). */
let published: Awaited<ReturnType<typeof contest>>;
beforeAll(async () => {
  server = await startTestServer(LONG_TOKENS);
  secretary = await secretariat(server);
  member = await signedInMember(server, ['member']);
  published = await contest(server, secretary.client);
  const { call, experts, entries } = published;
  for (const e of entries) for (const r of experts) await score(server, r, e.id, 20, `${e.title}的评审意见`);
  await secretary.client.call(api.results.setTiers, {
    params: { id: call.id },
    body: {
      tiers: [
        { entryId: entries[0]!.id, tier: '一等奖' },
        { entryId: entries[1]!.id, tier: '优秀奖' },
      ],
    },
  });
  await secretary.client.call(api.results.publish, { params: { id: call.id } });
});
afterAll(() => server.close());

describe('GET /api/cases', () => {
  it('should require authentication', async () => {
    await expectRefused(server.client.call(api.cases.list), commonRefusals.unauthorized);
  });

  it('shows published showcase cases only, and finds them by keyword, taking % as typed', async () => {
    const { call, entries, units } = published;
    const listed = await member.client.call(api.cases.list, { query: { callId: call.id } });
    expect(listed.items.map((i) => [i.entryId, i.tier])).toEqual([[entries[0]!.id, '一等奖']]);
    expect(listed.items[0]).toMatchObject({ unitName: units[0]!.unit.name, callTitle: call.title, coverImageId: null });
    expect((await member.client.call(api.cases.list, { query: { q: units[0]!.unit.name } })).items.map((i) => i.entryId)).toEqual([
      entries[0]!.id,
    ]);
    expect((await member.client.call(api.cases.list, { query: { q: '%' } })).items).toEqual([]);
  });

  it('is not there before results are published', async () => {
    const { call, experts, entries } = await contest(server, secretary.client);
    for (const r of experts) await score(server, r, entries[0]!.id, 22);
    await secretary.client.call(api.results.setTiers, {
      params: { id: call.id },
      body: { tiers: [{ entryId: entries[0]!.id, tier: '一等奖' }] },
    });
    expect((await member.client.call(api.cases.list, { query: { callId: call.id } })).items).toEqual([]);
    await expectRefused(member.client.call(api.cases.get, { params: { id: entries[0]!.id } }), commonRefusals.not_found);
  });
});

describe('GET /api/cases/:id', () => {
  it("shows a case with the reviewers' opinions, without their names; other entries look missing", async () => {
    const { entries, experts } = published;
    const detail = await member.client.call(api.cases.get, { params: { id: entries[0]!.id } });
    expect(detail).toMatchObject({ tier: '一等奖', mean: 80, opinions: ['案例1的评审意见', '案例1的评审意见'] });
    for (const r of experts) expect(JSON.stringify(detail)).not.toContain(r.member.name);
    const missing = await expectRefused(member.client.call(api.cases.get, { params: { id: entries[1]!.id } }), commonRefusals.not_found);
    expect(missing.resource).toBe('案例');
  });
});

describe('POST /api/cases/:id/bulletin', () => {
  it('places a case at the end of a draft 简报, once, and never in a published one', async () => {
    const { entries } = published;
    const draft = await createIssue(server.db, { status: 'draft', year: 2031, number: 1 });
    const placed = await secretary.client.call(api.cases.placeInBulletin, {
      params: { id: entries[0]!.id },
      body: { issueId: draft.issue.id, section: '优秀案例' },
    });
    const article = await secretary.client.call(api.bulletins.getArticle, { params: { id: placed.articleId } });
    expect(article).toMatchObject({ title: '案例1', section: '优秀案例', position: 2 });
    const twice = await expectRefused(
      secretary.client.call(api.cases.placeInBulletin, { params: { id: entries[0]!.id }, body: { issueId: draft.issue.id } }),
      placementRefusals.already_in_issue,
    );
    expect(twice.issueId).toBe(draft.issue.id);
    const out = await createIssue(server.db, { status: 'published', year: 2031, number: 2 });
    await expectRefused(
      secretary.client.call(api.cases.placeInBulletin, { params: { id: entries[0]!.id }, body: { issueId: out.issue.id } }),
      placementRefusals.issue_not_draft,
    );
    const nowhere = await expectRefused(
      secretary.client.call(api.cases.placeInBulletin, { params: { id: entries[0]!.id }, body: { issueId: 987_654 } }),
      commonRefusals.not_found,
    );
    expect(nowhere.resource).toBe('简报');
  });

  it("is the secretariat's only", async () => {
    const draft = await createIssue(server.db, { status: 'draft', year: 2031, number: 3 });
    await expectRefused(
      member.client.call(api.cases.placeInBulletin, { params: { id: published.entries[0]!.id }, body: { issueId: draft.issue.id } }),
      commonRefusals.forbidden,
    );
  });
});
