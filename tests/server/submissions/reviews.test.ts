import { api } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewAssignments } from '../../../server/src/db/schema';
import { createUnit, signedInMember } from '../../support/factories';
import {
  days,
  entryInReview,
  evenScores,
  failure,
  fetchFile,
  fromNow,
  LONG_TOKENS,
  openCall,
  png,
  reviewer,
  submittedEntry,
  unitAdmin,
  uploadImage,
} from '../../support/submissionFactories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
let secretary: Awaited<ReturnType<typeof signedInMember>>;
let callId: number;
beforeAll(async () => {
  server = await startTestServer(LONG_TOKENS);
  secretary = await signedInMember(server, ['secretariat'], { unitId: null });
  callId = (await openCall(server, secretary.client, { entryLimit: 50 })).id;
});
afterAll(() => server.close());

async function assignmentOf(entryId: number, reviewerId: number): Promise<number> {
  const rows = await server.db.select().from(reviewAssignments).where(eq(reviewAssignments.entryId, entryId));
  return rows.find((r) => r.reviewerId === reviewerId)!.id;
}

describe('what a reviewer sees', () => {
  it('only their assigned entries, and nothing that names the unit — in any response or file', async () => {
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
    const detail = await expert.client.call(api.reviews.get, { params: { id: await assignmentOf(draft.id, expert.member.id) } });
    expect(detail.entry).toMatchObject({ title: '楼宇党建联盟', registrationNumber: expect.stringMatching(/^2026-/) });
    expect(detail.entry.images).toHaveLength(1);
    expect(detail.entry.images[0]!.name).toBeNull();
    const everything = JSON.stringify([queue, detail]);
    for (const revealing of [unit.unit.name, unit.member.name, '赵联系人', '13811112222', '活动.png'])
      expect(everything).not.toContain(revealing);
    const file = await fetchFile(server, expert.token, detail.entry.images[0]!.id);
    expect(file.status).toBe(200);
    const headers = JSON.stringify([...file.headers.entries()]);
    expect(decodeURIComponent(headers)).not.toContain(unit.unit.name);

    // Not the entry's own page, nor anyone else's assignment.
    expect((await failure(expert.client.call(api.entries.get, { params: { id: draft.id } }))).status).toBe(403);
    const otherAssignment = (await server.db.select().from(reviewAssignments).where(eq(reviewAssignments.entryId, other.id)))[0]!.id;
    expect((await failure(expert.client.call(api.reviews.get, { params: { id: otherAssignment } }))).status).toBe(403);
    expect(
      (await failure(expert.client.call(api.reviews.saveDraft, { params: { id: otherAssignment }, body: { scores: {} } }))).status,
    ).toBe(403);
  });
});

describe('scoring', () => {
  it("keeps every score within its criterion's range", async () => {
    const expert = await reviewer(server);
    const entry = await entryInReview(server, secretary.client, await unitAdmin(server), callId, [expert.member.id]);
    const id = await assignmentOf(entry.id, expert.member.id);
    for (const scores of [{ innovation: 26 }, { innovation: -1 }, { innovation: 12.34 }, { unknown: 5 }] as Record<string, number>[]) {
      const error = await failure(expert.client.call(api.reviews.saveDraft, { params: { id }, body: { scores } }));
      expect(error.status).toBe(400);
    }
    const outOfRange = await failure(
      expert.client.call(api.reviews.submit, {
        params: { id },
        body: { scores: { ...evenScores(20), replicability: 30 }, opinion: '很好' },
      }),
    );
    expect((outOfRange.details as unknown as { issues: { path: string }[] }).issues[0]!.path).toBe('body.scores.replicability');
    const draft = await expert.client.call(api.reviews.saveDraft, {
      params: { id },
      body: { scores: { innovation: 25, effectiveness: 0 }, opinion: '草稿' },
    });
    expect(draft.review).toMatchObject({ status: 'draft', weightedScore: null, scores: { innovation: 25, effectiveness: 0 } });
    const incomplete = await failure(
      expert.client.call(api.reviews.submit, { params: { id }, body: { scores: { innovation: 25 }, opinion: '意见' } }),
    );
    expect(incomplete.status).toBe(400);
    const noOpinion = await failure(expert.client.call(api.reviews.submit, { params: { id }, body: { scores: evenScores(20) } }));
    expect(noOpinion.message).toBe('请填写评审意见');
    const submitted = await expert.client.call(api.reviews.submit, {
      params: { id },
      body: { scores: { ...evenScores(20), durability: 17.5 }, opinion: '做法新颖。' },
    });
    expect(submitted.review).toMatchObject({ status: 'submitted', weightedScore: 77.5 });
    expect(submitted.canEdit).toBe(false);
  });

  it('is final once submitted, until the secretariat reopens it', async () => {
    const expert = await reviewer(server);
    const entry = await entryInReview(server, secretary.client, await unitAdmin(server), callId, [expert.member.id]);
    const id = await assignmentOf(entry.id, expert.member.id);
    await expert.client.call(api.reviews.submit, { params: { id }, body: { scores: evenScores(20), opinion: '第一次意见' } });
    const again = await failure(
      expert.client.call(api.reviews.submit, { params: { id }, body: { scores: evenScores(25), opinion: '改主意' } }),
    );
    expect(again.status).toBe(409);
    expect((await failure(expert.client.call(api.reviews.saveDraft, { params: { id }, body: { scores: evenScores(25) } }))).status).toBe(
      409,
    );
    expect((await failure(expert.client.call(api.reviews.reopen, { params: { id }, body: { reason: '专家自己要求' } }))).status).toBe(403);
    await secretary.client.call(api.reviews.reopen, { params: { id }, body: { reason: '分数与意见不一致，请复核' } });
    const reopened = await expert.client.call(api.reviews.get, { params: { id } });
    expect(reopened).toMatchObject({ canEdit: true, review: { status: 'draft', reopenReason: '分数与意见不一致，请复核' } });
    expect(
      (await expert.client.call(api.reviews.submit, { params: { id }, body: { scores: evenScores(22), opinion: '复核后意见' } })).review
        ?.weightedScore,
    ).toBe(88);
  });

  it('is refused after the review deadline (server time); reopening then needs a new deadline', async () => {
    const expert = await reviewer(server);
    const entry = await entryInReview(server, secretary.client, await unitAdmin(server), callId, [expert.member.id]);
    const id = await assignmentOf(entry.id, expert.member.id);
    await expert.client.call(api.reviews.submit, { params: { id }, body: { scores: evenScores(20), opinion: '按时提交' } });
    server.clock.advance(days(3));
    expect((await expert.client.call(api.reviews.get, { params: { id } })).overdue).toBe(true);
    const noDeadline = await failure(secretary.client.call(api.reviews.reopen, { params: { id }, body: { reason: '复核' } }));
    expect(noDeadline.status).toBe(400);
    await secretary.client.call(api.reviews.reopen, { params: { id }, body: { reason: '复核', deadline: fromNow(server, days(1)) } });
    server.clock.advance(days(1));
    const late = await failure(
      expert.client.call(api.reviews.submit, { params: { id }, body: { scores: evenScores(21), opinion: '迟交' } }),
    );
    expect(late.code).toBe('deadline_passed');
  });
});

describe('assigning reviewers', () => {
  it("refuses a reviewer of the entry's own unit or 片组 unless the reason is recorded", async () => {
    const unit = await unitAdmin(server);
    const entry = await submittedEntry(unit.client, callId);
    await secretary.client.call(api.desk.register, { params: { id: entry.id } });
    const early = await failure(
      secretary.client.call(api.desk.assign, {
        params: { id: entry.id },
        body: { reviewerId: (await reviewer(server)).member.id, deadline: fromNow(server, days(2)) },
      }),
    );
    expect(early.status).toBe(409);
    await secretary.client.call(api.desk.prescreen, { params: { id: entry.id }, body: { decision: 'pass' } });

    const sameUnit = await reviewer(server, unit.unit.id);
    const sameGroup = await reviewer(server, (await createUnit(server.db, { groupId: unit.unit.groupId })).id);
    const deadline = fromNow(server, days(2));
    for (const r of [sameUnit, sameGroup]) {
      const error = await failure(
        secretary.client.call(api.desk.assign, { params: { id: entry.id }, body: { reviewerId: r.member.id, deadline } }),
      );
      expect(error.status).toBe(409);
    }
    const overridden = await secretary.client.call(api.desk.assign, {
      params: { id: entry.id },
      body: { reviewerId: sameGroup.member.id, deadline, overrideReason: '本片组唯一的财务专家' },
    });
    expect(overridden.assignments).toEqual([
      expect.objectContaining({ reviewerId: sameGroup.member.id, conflictOverrideReason: '本片组唯一的财务专家' }),
    ]);
    expect(overridden.status).toBe('in_review');
    const twice = await failure(
      secretary.client.call(api.desk.assign, {
        params: { id: entry.id },
        body: { reviewerId: sameGroup.member.id, deadline, overrideReason: '再来一次' },
      }),
    );
    expect(twice.status).toBe(409);
    const notReviewer = await failure(
      secretary.client.call(api.desk.assign, { params: { id: entry.id }, body: { reviewerId: unit.member.id, deadline } }),
    );
    expect(notReviewer.status).toBe(400);
    const past = await failure(
      secretary.client.call(api.desk.assign, {
        params: { id: entry.id },
        body: { reviewerId: sameUnit.member.id, deadline: fromNow(server, -1000), overrideReason: '理由' },
      }),
    );
    expect(past.status).toBe(400);
  });

  it('offers a declined entry to another reviewer without a conflict', async () => {
    const { client: desk } = await signedInMember(server, ['secretariat'], { unitId: null });
    const call = await openCall(server, desk, { reviewersPerEntry: 1 });
    const unit = await unitAdmin(server);
    const entry = await submittedEntry(unit.client, call.id);
    await desk.call(api.desk.register, { params: { id: entry.id } });
    await desk.call(api.desk.prescreen, { params: { id: entry.id }, body: { decision: 'pass' } });
    const expert = await reviewer(server);
    const sameUnit = await reviewer(server, unit.unit.id);
    await desk.call(api.desk.assign, {
      params: { id: entry.id },
      body: { reviewerId: expert.member.id, deadline: fromNow(server, days(2)) },
    });
    const first = expert.member.id;
    const expertClient = expert.client;
    const assignmentId = await assignmentOf(entry.id, first);
    const emptyReason = await failure(expertClient.call(api.reviews.decline, { params: { id: assignmentId }, body: { reason: '' } }));
    expect(emptyReason.status).toBe(400);
    const declined = await expertClient.call(api.reviews.decline, { params: { id: assignmentId }, body: { reason: '与该单位有业务往来' } });
    expect(declined).toEqual({ declined: true, reassigned: true });
    const seen = await desk.call(api.entries.get, { params: { id: entry.id } });
    expect(seen.assignments!.map((a) => [a.reviewerId === first, a.status])).toEqual([
      [true, 'declined'],
      [false, 'active'],
    ]);
    expect(seen.assignments![1]!.reviewerId).not.toBe(sameUnit.member.id);
    expect(seen.assignments![0]!.declineReason).toBe('与该单位有业务往来');
    expect((await failure(expertClient.call(api.reviews.get, { params: { id: assignmentId } }))).status).toBe(403);
    expect((await expertClient.call(api.reviews.queue)).items.map((i) => i.entryId)).not.toContain(entry.id);
  });
});
