import { api, DEFAULT_CASE_CATEGORIES } from '@zhijian/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnit, signedInMember } from '../../support/factories';
import {
  completeDraft,
  days,
  fromNow,
  jpegWithGps,
  LONG_TOKENS,
  openCall,
  reviewer,
  unitAdmin,
  uploadImage,
} from '../../support/submissionFactories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(LONG_TOKENS);
});
afterAll(() => server.close());

/**
 * The whole contest through the API, as the "Done means" states: open call → 3 units
 * submit with images → register → pre-screen (one returned, fixed, resubmitted) → auto-assign 3
 * reviewers each without conflicts → score → rank → publish → the 案例库 shows the winners.
 */
describe('a case contest from call to 案例库', () => {
  it('runs end to end', async () => {
    const { client: secretary } = await signedInMember(server, ['secretariat'], { unitId: null });
    const call = await openCall(server, secretary, { entryLimit: 2, reviewersPerEntry: 3 });
    expect(call).toMatchObject({ kind: 'case', code: 'AL', year: 2026, phase: 'open', categories: [...DEFAULT_CASE_CATEGORIES] });
    expect(call.rubric.map((c) => c.name)).toEqual(['创新性', '实效性', '长效性', '推广性']);

    // Three units in three 片组, and five reviewers: one from unit A, one from B's 片组, three from outside.
    const units = [await unitAdmin(server), await unitAdmin(server), await unitAdmin(server)];
    const sameUnitAsA = await reviewer(server, units[0]!.unit.id);
    const sameGroupAsB = await reviewer(server, (await createUnit(server.db, { groupId: units[1]!.unit.groupId })).id);
    const outsiders = [await reviewer(server), await reviewer(server), await reviewer(server)];
    const reviewers = [sameUnitAsA, sameGroupAsB, ...outsiders];

    // Each unit writes its case on the phone, adds a photo and submits.
    const titles = ['党员先锋岗', '红色驿站', '微心愿认领'];
    const entryIds: number[] = [];
    for (const [index, unit] of units.entries()) {
      const draft = await completeDraft(unit.client, call.id, { title: titles[index], category: DEFAULT_CASE_CATEGORIES[index] });
      const upload = await uploadImage(server, unit.token, draft.id, await jpegWithGps());
      expect(upload.status).toBe(201);
      const submitted = await unit.client.call(api.entries.submit, { params: { id: draft.id } });
      expect(submitted.status).toBe('submitted');
      expect(submitted.images).toHaveLength(1);
      entryIds.push(draft.id);
      server.clock.advance(60_000);
    }

    // The secretariat registers everything in the order it came in.
    const { registered } = await secretary.call(api.desk.registerAll, { params: { id: call.id } });
    expect(registered).toEqual(entryIds.map((entryId, i) => ({ entryId, registrationNumber: `2026-AL-00${i + 1}` })));

    // Pre-screen: A and C pass, B goes back with a comment, is fixed and resubmitted.
    const [a, b, c] = entryIds as [number, number, number];
    await secretary.call(api.desk.prescreen, { params: { id: a }, body: { decision: 'pass' } });
    await secretary.call(api.desk.prescreen, { params: { id: c }, body: { decision: 'pass' } });
    const returned = await secretary.call(api.desk.prescreen, {
      params: { id: b },
      body: { decision: 'return', comment: '请补充活动成效的数据' },
    });
    expect(returned.status).toBe('returned');
    const seen = await units[1]!.client.call(api.entries.get, { params: { id: b } });
    expect(seen.timeline.at(-1)).toMatchObject({ action: 'return', comment: '请补充活动成效的数据', actor: '秘书处' });
    expect(seen.editable).toBe(true);
    await units[1]!.client.call(api.entries.update, {
      params: { id: b },
      body: { body: `${seen.body}\n三、成效\n服务流动党员 166 人次。`, version: seen.version },
    });
    expect((await units[1]!.client.call(api.entries.submit, { params: { id: b } })).status).toBe('submitted');
    const reRegistered = await secretary.call(api.desk.register, { params: { id: b } });
    expect(reRegistered.registrationNumber).toBe('2026-AL-002');
    await secretary.call(api.desk.prescreen, { params: { id: b }, body: { decision: 'pass' } });

    // Auto-assignment: three reviewers each, never from the entry's unit or 片组, load balanced.
    const deadline = fromNow(server, days(3));
    const auto = await secretary.call(api.desk.autoAssign, { params: { id: call.id }, body: { deadline } });
    expect(auto.short).toEqual([]);
    expect(auto.assigned).toHaveLength(9);
    for (const entryId of entryIds) expect(auto.assigned.filter((x) => x.entryId === entryId)).toHaveLength(3);
    expect(auto.assigned.some((x) => x.entryId === a && x.reviewerId === sameUnitAsA.member.id)).toBe(false);
    expect(auto.assigned.some((x) => x.entryId === b && x.reviewerId === sameGroupAsB.member.id)).toBe(false);
    const loads = reviewers.map((r) => auto.assigned.filter((x) => x.reviewerId === r.member.id).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect((await secretary.call(api.entries.get, { params: { id: a } })).status).toBe('in_review');

    // Every reviewer scores what is assigned: A best, then B, then C.
    const totals: Record<number, number> = { [a]: 23, [b]: 20, [c]: 14 };
    for (const r of reviewers) {
      const { items } = await r.client.call(api.reviews.queue);
      for (const item of items) {
        const assignment = await r.client.call(api.reviews.get, { params: { id: item.assignmentId } });
        expect(JSON.stringify(assignment)).not.toContain('测试单位');
        const score = totals[item.entryId]!;
        const submitted = await r.client.call(api.reviews.submit, {
          params: { id: item.assignmentId },
          body: {
            scores: { innovation: score, effectiveness: score, durability: score, replicability: score },
            opinion: `评审意见：${item.title}做法扎实。`,
          },
        });
        expect(submitted.review?.status).toBe('submitted');
      }
    }

    // Ranked table, suggested tiers, tiers set, results published.
    const results = await secretary.call(api.results.get, { params: { id: call.id } });
    expect(results.rows.map((r) => [r.entryId, r.mean, r.rank, r.disagreement])).toEqual([
      [a, 92, 1, false],
      [b, 80, 2, false],
      [c, 56, 3, false],
    ]);
    expect(results.blocking).toEqual(['3 份报送尚未确定等次']);
    const withTiers = await secretary.call(api.results.setTiers, {
      params: { id: call.id },
      body: { tiers: results.rows.map((r) => ({ entryId: r.entryId, tier: r.suggestedTier })) },
    });
    expect(withTiers.rows.map((r) => r.tier)).toEqual(['一等奖', '三等奖', '优秀奖']);
    const published = await secretary.call(api.results.publish, { params: { id: call.id } });
    expect(published.resultsPublishedAt).not.toBeNull();

    // The 案例库 shows the winners (showcase tiers) to every member, opinions without names.
    const { client: member } = await signedInMember(server, ['member']);
    const library = await member.call(api.cases.list, { query: { callId: call.id } });
    expect(library.items.map((i) => [i.entryId, i.tier])).toEqual([
      [a, '一等奖'],
      [b, '三等奖'],
    ]);
    const detail = await member.call(api.cases.get, { params: { id: a } });
    expect(detail.opinions).toHaveLength(3);
    expect(detail.images).toHaveLength(1);
    for (const r of reviewers) expect(JSON.stringify(detail)).not.toContain(r.member.name);
    expect((await member.call(api.cases.list, { query: { q: '166 人次' } })).items.map((i) => i.entryId)).toEqual([b]);

    // The unit follows it to the end: 已评定, the tier, the opinions without names.
    const finalView = await units[0]!.client.call(api.entries.get, { params: { id: a } });
    expect(finalView.status).toBe('rated');
    expect(finalView.result).toMatchObject({ tier: '一等奖', mean: 92 });
    expect(finalView.result?.opinions).toHaveLength(3);
    expect(finalView.timeline.map((e) => e.action)).toEqual(['create', 'submit', 'register', 'pass', 'start_review', 'rate']);
    expect(finalView.assignments).toBeNull();
    await expectNoReviewerNames(
      finalView,
      reviewers.map((r) => r.member.name),
    );
  });
});

async function expectNoReviewerNames(body: unknown, names: string[]): Promise<void> {
  const text = JSON.stringify(body);
  for (const name of names) expect(text).not.toContain(name);
}
