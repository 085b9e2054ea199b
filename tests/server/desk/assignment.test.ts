import { api, callRefusals, commonRefusals, deskRefusals } from '@zhijian/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnit } from '../../support/factories';
import { expectRefused } from '../../support/refusals';
import {
  assignmentOf,
  days,
  entryInReview,
  evenScores,
  fromNow,
  LONG_TOKENS,
  openCall,
  passedEntry,
  reviewer,
  secretariat,
  submittedEntry,
  unitAdmin,
} from '../../support/submissionFactories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
let secretary: Awaited<ReturnType<typeof secretariat>>;
let callId: number;
beforeAll(async () => {
  server = await startTestServer(LONG_TOKENS);
  secretary = await secretariat(server);
  callId = (await openCall(server, secretary.client, { entryLimit: 50 })).id;
});
afterAll(() => server.close());

describe('GET /api/calls/:id/reviewers', () => {
  it('lists every reviewer with what they have in this call: assigned, submitted, declined', async () => {
    const call = await openCall(server, secretary.client, { reviewersPerEntry: 1 });
    const [busy, idle] = [await reviewer(server), await reviewer(server)];
    const entry = await entryInReview(server, secretary.client, await unitAdmin(server), call.id, [busy.member.id]);
    const id = await assignmentOf(server, entry.id, busy.member.id);
    await busy.client.call(api.reviews.submit, { params: { id }, body: { scores: evenScores(20), opinion: '做法扎实。' } });
    const { items } = await secretary.client.call(api.desk.reviewers, { params: { id: call.id } });
    expect(items.find((r) => r.id === busy.member.id)).toMatchObject({ assigned: 1, submitted: 1, declined: 0 });
    expect(items.find((r) => r.id === idle.member.id)).toMatchObject({ assigned: 0, submitted: 0, declined: 0 });
  });
});

describe('POST /api/entries/:id/assignments', () => {
  it('assigns only entries that passed the pre-screen, and moves the first into review', async () => {
    const unit = await unitAdmin(server);
    const entry = await submittedEntry(unit.client, callId);
    await secretary.client.call(api.desk.register, { params: { id: entry.id } });
    const expert = await reviewer(server);
    const body = { reviewerId: expert.member.id, deadline: fromNow(server, days(2)) };
    const early = await expectRefused(
      secretary.client.call(api.desk.assign, { params: { id: entry.id }, body }),
      deskRefusals.entry_not_passed,
    );
    expect(early.status).toBe('registered');
    await secretary.client.call(api.desk.prescreen, { params: { id: entry.id }, body: { decision: 'pass' } });
    const assigned = await secretary.client.call(api.desk.assign, { params: { id: entry.id }, body });
    expect(assigned.status).toBe('in_review');
    expect(assigned.assignments).toEqual([
      expect.objectContaining({ reviewerId: expert.member.id, status: 'active', reviewStatus: 'none' }),
    ]);
    expect(assigned.timeline.at(-1)).toMatchObject({ action: 'start_review', actor: '秘书处' });
    await expectRefused(secretary.client.call(api.desk.assign, { params: { id: entry.id }, body }), deskRefusals.reviewer_already_assigned);
  });

  it("refuses a reviewer of the entry's own unit or 片组 unless the reason is recorded", async () => {
    const unit = await unitAdmin(server);
    const entry = await passedEntry(secretary.client, unit, callId);
    const sameUnit = await reviewer(server, unit.unit.id);
    const sameGroup = await reviewer(server, (await createUnit(server.db, { groupId: unit.unit.groupId })).id);
    const deadline = fromNow(server, days(2));
    for (const [r, conflict] of [
      [sameUnit, 'same_unit'],
      [sameGroup, 'same_group'],
    ] as const) {
      const details = await expectRefused(
        secretary.client.call(api.desk.assign, { params: { id: entry.id }, body: { reviewerId: r.member.id, deadline } }),
        deskRefusals.reviewer_conflict_of_interest,
      );
      expect(details.conflict).toBe(conflict);
    }
    const overridden = await secretary.client.call(api.desk.assign, {
      params: { id: entry.id },
      body: { reviewerId: sameGroup.member.id, deadline, overrideReason: '本片组唯一的财务专家' },
    });
    expect(overridden.assignments).toEqual([
      expect.objectContaining({ reviewerId: sameGroup.member.id, conflictOverrideReason: '本片组唯一的财务专家' }),
    ]);
  });

  it('refuses someone who is not a reviewer and a deadline already past, naming the field', async () => {
    const unit = await unitAdmin(server);
    const entry = await passedEntry(secretary.client, unit, callId);
    const notReviewer = await expectRefused(
      secretary.client.call(api.desk.assign, {
        params: { id: entry.id },
        body: { reviewerId: unit.member.id, deadline: fromNow(server, days(2)) },
      }),
      commonRefusals.invalid_fields,
    );
    expect(notReviewer.issues[0]).toMatchObject({ path: 'body.reviewerId', label: '评审专家' });
    const past = await expectRefused(
      secretary.client.call(api.desk.assign, {
        params: { id: entry.id },
        body: { reviewerId: (await reviewer(server)).member.id, deadline: fromNow(server, -1000) },
      }),
      commonRefusals.invalid_fields,
    );
    expect(past.issues[0]).toMatchObject({ path: 'body.deadline', label: '评审截止时间' });
  });

  it('refuses once the review round is closed', async () => {
    const call = await openCall(server, secretary.client, { reviewersPerEntry: 1 });
    const first = await reviewer(server);
    await entryInReview(server, secretary.client, await unitAdmin(server), call.id, [first.member.id]);
    const waiting = await passedEntry(secretary.client, await unitAdmin(server), call.id);
    await secretary.client.call(api.results.closeRound, { params: { id: call.id }, body: { reason: '专家不足，提前结束' } });
    const details = await expectRefused(
      secretary.client.call(api.desk.assign, {
        params: { id: waiting.id },
        body: { reviewerId: (await reviewer(server)).member.id, deadline: fromNow(server, days(2)) },
      }),
      callRefusals.review_round_closed,
    );
    expect(details.closedAt).toBe(server.clock.now().toISOString());
    await expectRefused(
      secretary.client.call(api.desk.autoAssign, { params: { id: call.id }, body: { deadline: fromNow(server, days(2)) } }),
      callRefusals.review_round_closed,
    );
  });
});

describe('POST /api/calls/:id/auto-assign', () => {
  it('balances the load, avoids conflicts, and says which entries are short of reviewers', async () => {
    const call = await openCall(server, secretary.client, { reviewersPerEntry: 2 });
    const unit = await unitAdmin(server);
    const entries = [await passedEntry(secretary.client, unit, call.id), await passedEntry(secretary.client, unit, call.id)];
    // A reviewer of the entries' own unit is never picked.
    const ownUnitReviewer = await reviewer(server, unit.unit.id);
    const result = await secretary.client.call(api.desk.autoAssign, {
      params: { id: call.id },
      body: { deadline: fromNow(server, days(3)) },
    });
    expect(result.assigned.some((a) => a.reviewerId === ownUnitReviewer.member.id)).toBe(false);
    for (const entry of entries) {
      const given = result.assigned.filter((a) => a.entryId === entry.id).length;
      const short = result.short.find((s) => s.entryId === entry.id)?.missing ?? 0;
      expect(given + short).toBe(2);
    }
    const again = await secretary.client.call(api.desk.autoAssign, {
      params: { id: call.id },
      body: { deadline: fromNow(server, days(3)) },
    });
    // Nobody is asked twice: a second run has nothing left to give.
    expect(again).toEqual({ assigned: [], short: result.short });
  });

  it('refuses a call that needs no review (信息报送)', async () => {
    const news = await openCall(server, secretary.client, { kind: 'news', title: '信息报送（自动分配）' });
    await expectRefused(
      secretary.client.call(api.desk.autoAssign, { params: { id: news.id }, body: { deadline: fromNow(server, days(3)) } }),
      deskRefusals.no_review_needed,
    );
  });
});
