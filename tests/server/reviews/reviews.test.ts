import { api, callRefusals, commonRefusals, reviewRefusals } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewAssignments } from '../../../server/src/db/schema';
import { expectRefused } from '../../support/refusals';
import {
  assignmentOf,
  days,
  entryInReview,
  evenScores,
  fetchFile,
  fromNow,
  LONG_TOKENS,
  openCall,
  passedEntry,
  png,
  reviewer,
  secretariat,
  unitAdmin,
  uploadImage,
} from '../../support/submissionFactories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
let secretary: Awaited<ReturnType<typeof secretariat>>;
let callId: number;
beforeAll(async () => {
  server = await startTestServer(LONG_TOKENS);
  secretary = await secretariat(server);
  callId = (await openCall(server, secretary.client, { entryLimit: 50, closesAt: fromNow(server, days(60)) })).id;
});
afterAll(() => server.close());

/** A reviewer with one entry assigned, and the assignment's id. */
async function assigned(call = callId) {
  const expert = await reviewer(server);
  const entry = await entryInReview(server, secretary.client, await unitAdmin(server), call, [expert.member.id]);
  return { expert, entry, id: await assignmentOf(server, entry.id, expert.member.id) };
}

describe('GET /api/me/reviews and GET /api/assignments/:id', () => {
  it('show a reviewer only their assigned entries, and nothing that names the unit — in any response or file', async () => {
    const unit = await unitAdmin(server);
    const expert = await reviewer(server);
    const draft = await unit.client.call(api.entries.create, {
      params: { id: callId },
      body: {
        title: '楼宇党建联盟',
        category: '引领创新创优',
        summary: '联建共享',
        body: '做法与成效。',
        contactName: '赵联系人',
        contactPhone: '13811112222',
      },
    });
    await uploadImage(server, unit.token, draft.id, await png(), `${unit.unit.name}-活动.png`);
    const other = await entryInReview(server, secretary.client, await unitAdmin(server), callId, [(await reviewer(server)).member.id]);
    await unit.client.call(api.entries.submit, { params: { id: draft.id } });
    await secretary.client.call(api.desk.register, { params: { id: draft.id } });
    await secretary.client.call(api.desk.prescreen, { params: { id: draft.id }, body: { decision: 'pass' } });
    await secretary.client.call(api.desk.assign, {
      params: { id: draft.id },
      body: { reviewerId: expert.member.id, deadline: fromNow(server, days(3)) },
    });

    const queue = await expert.client.call(api.reviews.queue);
    expect(queue.items.map((i) => i.entryId)).toEqual([draft.id]);
    expect(queue.items[0]).toMatchObject({ reviewStatus: 'none', overdue: false, weightedScore: null });
    const detail = await expert.client.call(api.reviews.get, { params: { id: await assignmentOf(server, draft.id, expert.member.id) } });
    expect(detail.entry).toMatchObject({ title: '楼宇党建联盟', registrationNumber: expect.stringMatching(/^2026-/) });
    expect(detail.entry.images).toHaveLength(1);
    expect(detail.entry.images[0]!.name).toBeNull();
    const everything = JSON.stringify([queue, detail]);
    for (const revealing of [unit.unit.name, unit.member.name, '赵联系人', '13811112222', '活动.png'])
      expect(everything).not.toContain(revealing);
    const file = await fetchFile(server, expert.token, detail.entry.images[0]!.id);
    expect(file.status).toBe(200);
    expect(decodeURIComponent(JSON.stringify([...file.headers.entries()]))).not.toContain(unit.unit.name);

    // Not the entry's own page, nor anyone else's assignment.
    await expectRefused(expert.client.call(api.entries.get, { params: { id: draft.id } }), commonRefusals.forbidden);
    const otherAssignment = (await server.db.select().from(reviewAssignments).where(eq(reviewAssignments.entryId, other.id)))[0]!.id;
    await expectRefused(expert.client.call(api.reviews.get, { params: { id: otherAssignment } }), commonRefusals.forbidden);
    await expectRefused(
      expert.client.call(api.reviews.saveDraft, { params: { id: otherAssignment }, body: { scores: {} } }),
      commonRefusals.forbidden,
    );
  });

  it('answer 404 for an assignment that does not exist', async () => {
    const expert = await reviewer(server);
    const missing = await expectRefused(expert.client.call(api.reviews.get, { params: { id: 987_654 } }), commonRefusals.not_found);
    expect(missing.resource).toBe('评审任务');
  });
});

describe('PUT /api/assignments/:id/review', () => {
  it("keeps every score within its criterion's range, and a draft may leave criteria out", async () => {
    const { expert, id } = await assigned();
    for (const scores of [{ innovation: 26 }, { innovation: -1 }, { innovation: 12.34 }, { unknown: 5 }] as Record<string, number>[]) {
      const { issues } = await expectRefused(
        expert.client.call(api.reviews.saveDraft, { params: { id }, body: { scores } }),
        reviewRefusals.scores_invalid,
      );
      expect(issues[0]!.path).toBe(`body.scores.${Object.keys(scores)[0]}`);
    }
    const draft = await expert.client.call(api.reviews.saveDraft, {
      params: { id },
      body: { scores: { innovation: 25, effectiveness: 0 }, opinion: '草稿' },
    });
    expect(draft.review).toMatchObject({ status: 'draft', weightedScore: null, scores: { innovation: 25, effectiveness: 0 } });
    expect(draft.canEdit).toBe(true);
  });
});

describe('POST /api/assignments/:id/review/submit', () => {
  it('scores every criterion, with an opinion, and is final', async () => {
    const { expert, id } = await assigned();
    const outOfRange = await expectRefused(
      expert.client.call(api.reviews.submit, {
        params: { id },
        body: { scores: { ...evenScores(20), replicability: 30 }, opinion: '很好' },
      }),
      reviewRefusals.scores_invalid,
    );
    expect(outOfRange.issues[0]!.path).toBe('body.scores.replicability');
    const incomplete = await expectRefused(
      expert.client.call(api.reviews.submit, { params: { id }, body: { scores: { innovation: 25 }, opinion: '意见' } }),
      reviewRefusals.scores_invalid,
    );
    expect(incomplete.issues.map((i) => i.path)).toEqual([
      'body.scores.effectiveness',
      'body.scores.durability',
      'body.scores.replicability',
    ]);
    await expectRefused(
      expert.client.call(api.reviews.submit, { params: { id }, body: { scores: evenScores(20) } }),
      reviewRefusals.opinion_required,
    );
    const submitted = await expert.client.call(api.reviews.submit, {
      params: { id },
      body: { scores: { ...evenScores(20), durability: 17.5 }, opinion: '做法新颖。' },
    });
    expect(submitted.review).toMatchObject({ status: 'submitted', weightedScore: 77.5 });
    expect(submitted.canEdit).toBe(false);
    await expectRefused(
      expert.client.call(api.reviews.submit, { params: { id }, body: { scores: evenScores(25), opinion: '改主意' } }),
      reviewRefusals.review_already_submitted,
    );
    await expectRefused(
      expert.client.call(api.reviews.saveDraft, { params: { id }, body: { scores: evenScores(25) } }),
      reviewRefusals.review_already_submitted,
    );
  });

  it('is refused after the review deadline (server time)', async () => {
    const { expert, id } = await assigned();
    server.clock.advance(days(3));
    expect((await expert.client.call(api.reviews.get, { params: { id } })).overdue).toBe(true);
    const late = await expectRefused(
      expert.client.call(api.reviews.submit, { params: { id }, body: { scores: evenScores(21), opinion: '迟交' } }),
      reviewRefusals.review_deadline_passed,
    );
    expect(new Date(late.deadline).getTime()).toBeLessThanOrEqual(server.clock.now().getTime());
  });
});

describe('POST /api/assignments/:id/decline', () => {
  it('offers a declined entry to another reviewer without a conflict', async () => {
    const call = await openCall(server, secretary.client, { reviewersPerEntry: 1 });
    const unit = await unitAdmin(server);
    const entry = await passedEntry(secretary.client, unit, call.id);
    const expert = await reviewer(server);
    const sameUnit = await reviewer(server, unit.unit.id);
    await secretary.client.call(api.desk.assign, {
      params: { id: entry.id },
      body: { reviewerId: expert.member.id, deadline: fromNow(server, days(2)) },
    });
    const assignmentId = await assignmentOf(server, entry.id, expert.member.id);
    const { issues } = await expectRefused(
      expert.client.call(api.reviews.decline, { params: { id: assignmentId }, body: { reason: '' } }),
      commonRefusals.invalid_fields,
    );
    expect(issues[0]).toMatchObject({ path: 'body.reason', label: '谢绝理由' });
    const declined = await expert.client.call(api.reviews.decline, {
      params: { id: assignmentId },
      body: { reason: '与该单位有业务往来' },
    });
    expect(declined).toEqual({ declined: true, reassigned: true });
    const seen = await secretary.client.call(api.entries.get, { params: { id: entry.id } });
    expect(seen.assignments!.map((a) => [a.reviewerId === expert.member.id, a.status])).toEqual([
      [true, 'declined'],
      [false, 'active'],
    ]);
    expect(seen.assignments![1]!.reviewerId).not.toBe(sameUnit.member.id);
    expect(seen.assignments![0]!.declineReason).toBe('与该单位有业务往来');
    await expectRefused(expert.client.call(api.reviews.get, { params: { id: assignmentId } }), commonRefusals.forbidden);
    expect((await expert.client.call(api.reviews.queue)).items.map((i) => i.entryId)).not.toContain(entry.id);
  });

  it('is refused once the review is submitted', async () => {
    const { expert, id } = await assigned();
    await expert.client.call(api.reviews.submit, { params: { id }, body: { scores: evenScores(20), opinion: '已评完。' } });
    await expectRefused(
      expert.client.call(api.reviews.decline, { params: { id }, body: { reason: '想起来有事' } }),
      reviewRefusals.review_already_submitted,
    );
  });
});

describe('POST /api/assignments/:id/reopen', () => {
  it('sends a submitted review back to its reviewer, by the secretariat only', async () => {
    const { expert, id } = await assigned();
    await expectRefused(
      secretary.client.call(api.reviews.reopen, { params: { id }, body: { reason: '还没交' } }),
      reviewRefusals.review_not_submitted,
    );
    await expert.client.call(api.reviews.submit, { params: { id }, body: { scores: evenScores(20), opinion: '第一次意见' } });
    await expectRefused(
      expert.client.call(api.reviews.reopen, { params: { id }, body: { reason: '专家自己要求' } }),
      commonRefusals.forbidden,
    );
    await secretary.client.call(api.reviews.reopen, { params: { id }, body: { reason: '分数与意见不一致，请复核' } });
    const reopened = await expert.client.call(api.reviews.get, { params: { id } });
    expect(reopened).toMatchObject({ canEdit: true, review: { status: 'draft', reopenReason: '分数与意见不一致，请复核' } });
    const again = await expert.client.call(api.reviews.submit, { params: { id }, body: { scores: evenScores(22), opinion: '复核后意见' } });
    expect(again.review?.weightedScore).toBe(88);
  });

  it('needs a new deadline once the old one has passed', async () => {
    const { expert, id } = await assigned();
    await expert.client.call(api.reviews.submit, { params: { id }, body: { scores: evenScores(20), opinion: '按时提交' } });
    server.clock.advance(days(3));
    const { issues } = await expectRefused(
      secretary.client.call(api.reviews.reopen, { params: { id }, body: { reason: '复核' } }),
      commonRefusals.invalid_fields,
    );
    expect(issues[0]!.path).toBe('body.deadline');
    await secretary.client.call(api.reviews.reopen, { params: { id }, body: { reason: '复核', deadline: fromNow(server, days(1)) } });
    server.clock.advance(days(1));
    await expectRefused(
      expert.client.call(api.reviews.submit, { params: { id }, body: { scores: evenScores(21), opinion: '迟交' } }),
      reviewRefusals.review_deadline_passed,
    );
  });

  it('is refused once the round is closed', async () => {
    const call = await openCall(server, secretary.client, { reviewersPerEntry: 1 });
    const { expert, id } = await assigned(call.id);
    await expert.client.call(api.reviews.submit, { params: { id }, body: { scores: evenScores(20), opinion: '意见' } });
    await secretary.client.call(api.results.closeRound, { params: { id: call.id }, body: { reason: '按已交评分定等' } });
    await expectRefused(
      secretary.client.call(api.reviews.reopen, { params: { id }, body: { reason: '复核' } }),
      callRefusals.review_round_closed,
    );
    await expectRefused(
      expert.client.call(api.reviews.saveDraft, { params: { id }, body: { scores: evenScores(20) } }),
      callRefusals.review_round_closed,
    );
  });
});
