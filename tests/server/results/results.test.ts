import { api, callRefusals, commonRefusals, DISAGREEMENT_THRESHOLD, resultRefusals } from '@zhijian/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused } from '../../support/refusals';
import { contest, LONG_TOKENS, score, secretariat, unitAdmin } from '../../support/submissionFactories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
let secretary: Awaited<ReturnType<typeof secretariat>>;
beforeAll(async () => {
  server = await startTestServer(LONG_TOKENS);
  secretary = await secretariat(server);
});
afterAll(() => server.close());

describe('GET /api/calls/:id/results', () => {
  it(`ranks by the mean and flags reviewers who disagree by more than ${DISAGREEMENT_THRESHOLD} points`, async () => {
    const { call, experts, entries } = await contest(server, secretary.client);
    await score(server, experts[0]!, entries[0]!.id, 23); // 92
    await score(server, experts[1]!, entries[0]!.id, 15); // 60: spread 32
    await score(server, experts[0]!, entries[1]!.id, 20); // 80
    await score(server, experts[1]!, entries[1]!.id, 16); // 64: spread 16
    const results = await secretary.client.call(api.results.get, { params: { id: call.id } });
    expect(results.disagreementThreshold).toBe(20);
    expect(results.rows.map((r) => [r.title, r.mean, r.spread, r.disagreement, r.rank])).toEqual([
      ['案例1', 76, 32, true, 1],
      ['案例2', 72, 16, false, 2],
    ]);
    expect(results.rows[0]!.reviews.map((r) => r.weightedScore)).toEqual([92, 60]);
    expect(results.blocking).toEqual(['2 份报送尚未确定等次']);
  });

  it("is the secretariat's only", async () => {
    const { call } = await contest(server, secretary.client);
    const unit = await unitAdmin(server);
    await expectRefused(unit.client.call(api.results.get, { params: { id: call.id } }), commonRefusals.forbidden);
  });
});

describe('PUT /api/calls/:id/tiers', () => {
  it("sets tiers from the call's own, for entries under review only", async () => {
    const { call, entries } = await contest(server, secretary.client);
    const set = await secretary.client.call(api.results.setTiers, {
      params: { id: call.id },
      body: { tiers: [{ entryId: entries[0]!.id, tier: '一等奖' }] },
    });
    expect(set.rows.find((r) => r.entryId === entries[0]!.id)!.tier).toBe('一等奖');
    const unknown = await expectRefused(
      secretary.client.call(api.results.setTiers, {
        params: { id: call.id },
        body: { tiers: [{ entryId: entries[0]!.id, tier: '特等奖' }] },
      }),
      commonRefusals.invalid_fields,
    );
    expect(unknown.issues).toEqual([expect.objectContaining({ path: 'body.tiers.0.tier', message: '没有“特等奖”这一等次' })]);
    const foreign = await expectRefused(
      secretary.client.call(api.results.setTiers, { params: { id: call.id }, body: { tiers: [{ entryId: 99_999_999, tier: '一等奖' }] } }),
      resultRefusals.entries_not_in_review,
    );
    expect(foreign.entryIds).toEqual([99_999_999]);
  });
});

describe('POST /api/calls/:id/close-round and /publish', () => {
  it('refuse publishing before every review is in, unless the round is closed explicitly', async () => {
    const { call, experts, entries } = await contest(server, secretary.client);
    await score(server, experts[0]!, entries[0]!.id, 20);
    await score(server, experts[0]!, entries[1]!.id, 18);
    const tiers = { tiers: entries.map((e) => ({ entryId: e.id, tier: '二等奖' })) };
    await secretary.client.call(api.results.setTiers, { params: { id: call.id }, body: tiers });
    const early = await expectRefused(
      secretary.client.call(api.results.publish, { params: { id: call.id } }),
      resultRefusals.publish_blocked,
    );
    expect(early.blocking).toEqual(['还有 2 份评分未提交（可等待，或结束评审轮次）']);

    const closed = await secretary.client.call(api.results.closeRound, {
      params: { id: call.id },
      body: { reason: '专家出差，按已交评分定等' },
    });
    expect(closed.blocking).toEqual([]);
    await expectRefused(
      secretary.client.call(api.results.closeRound, { params: { id: call.id }, body: { reason: '再结束一次' } }),
      callRefusals.review_round_closed,
    );
    // Once closed, the missing reviews can no longer come in.
    await expectRefused(score(server, experts[1]!, entries[0]!.id, 20), callRefusals.review_round_closed);
    const published = await secretary.client.call(api.results.publish, { params: { id: call.id } });
    expect(published.rows.map((r) => [r.status, r.tier])).toEqual([
      ['rated', '二等奖'],
      ['rated', '二等奖'],
    ]);
    expect(published.resultsPublishedAt).toBe(server.clock.now().toISOString());
    await expectRefused(secretary.client.call(api.results.publish, { params: { id: call.id } }), callRefusals.results_published);
    await expectRefused(
      secretary.client.call(api.results.setTiers, { params: { id: call.id }, body: tiers }),
      callRefusals.results_published,
    );
    await expectRefused(
      secretary.client.call(api.results.closeRound, { params: { id: call.id }, body: { reason: '发布以后' } }),
      callRefusals.results_published,
    );
  });

  it('refuse publishing while entries wait for reviewers or tiers, saying what stands in the way', async () => {
    const { call, experts, entries } = await contest(server, secretary.client);
    for (const entry of entries) for (const expert of experts) await score(server, expert, entry.id, 20);
    const blocked = await expectRefused(
      secretary.client.call(api.results.publish, { params: { id: call.id } }),
      resultRefusals.publish_blocked,
    );
    expect(blocked.blocking).toEqual(['2 份报送尚未确定等次']);
  });
});
