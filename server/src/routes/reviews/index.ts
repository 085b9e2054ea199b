import type Router from '@koa/router';
import { api, scoreProblems, weightedScore } from '@zhijian/shared';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { CurrentUser } from '../../auth/currentUser';
import { recordAudit } from '../../commands/recordAudit';
import type { Queryable } from '../../db/client';
import { calls, entries, reviewAssignments, reviews, units } from '../../db/schema';
import { AppError, forbidden } from '../../errors';
import { conflict, legacyError } from '../../legacyErrors';
import { loadAssignment, presentReviewAssignment, reviewEditable, type AssignmentRow } from '../../presenters/reviewAssignment';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';
import { allReviewers, askedPerEntry, assertRoundOpen, insertAssignment, loadInCall, pickReviewers } from '../../submissions/assignment';

/** A reviewer reaches only their own, active assignments; anything else looks the same as missing. */
async function ownAssignment(db: Queryable, id: number, user: CurrentUser): Promise<AssignmentRow> {
  const row = await loadAssignment(db, id);
  if (row.assignment.reviewerId !== user.id || row.assignment.status !== 'active') throw forbidden('这份报送没有分配给您评审');
  return row;
}

/** Why the review can no longer change, as the error to answer with. */
function lockedReason(row: AssignmentRow, now: Date): AppError {
  if (row.call.resultsPublishedAt) return conflict('结果已发布，评审已结束');
  if (row.call.reviewRoundClosedAt) return conflict('评审轮次已结束');
  if (row.review?.status === 'submitted') return conflict('评分已提交，不能再修改；如需修改请联系秘书处');
  if (now.getTime() >= row.assignment.deadline.getTime()) return legacyError('deadline_passed', '已超过评审截止时间');
  return conflict('不能修改这份评分');
}

function checkScores(row: AssignmentRow, scores: Record<string, number>, complete: boolean): void {
  const problems = scoreProblems(row.call.rubric, scores, complete);
  if (problems.length) {
    throw legacyError(
      'invalid_input',
      problems.map((p) => p.message).join('；'),
      problems.map((p) => ({ path: `body.scores.${p.key}`, message: p.message })),
    );
  }
}

/** Reviewers see only what is assigned to them, score it within the rubric, and submit before the deadline. */
export function reviewRoutes(services: AppServices, router: Router): Router {
  const { db, clock } = services;

  // Contests whose results are out leave the queue; their reviews stay in the results.
  mount(router, services, api.reviews.queue, async ({ user }) => {
    const now = clock.now();
    const rows = await db
      .select({ assignment: reviewAssignments, entry: entries, callTitle: calls.title, rubric: calls.rubric, review: reviews })
      .from(reviewAssignments)
      .innerJoin(entries, eq(entries.id, reviewAssignments.entryId))
      .innerJoin(calls, eq(calls.id, entries.callId))
      .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
      .where(and(eq(reviewAssignments.reviewerId, user.id), eq(reviewAssignments.status, 'active'), isNull(calls.resultsPublishedAt)))
      .orderBy(asc(reviewAssignments.deadline), asc(entries.registrationSequence), asc(reviewAssignments.id));
    return {
      items: rows.map((row) => ({
        assignmentId: row.assignment.id,
        entryId: row.entry.id,
        registrationNumber: row.entry.registrationNumber,
        title: row.entry.title,
        category: row.entry.category,
        callTitle: row.callTitle,
        deadline: row.assignment.deadline.toISOString(),
        overdue: now.getTime() >= row.assignment.deadline.getTime(),
        reviewStatus: row.review?.status ?? ('none' as const),
        weightedScore: row.review?.status === 'submitted' ? weightedScore(row.rubric, row.review.scores) : null,
      })),
    };
  });

  mount(router, services, api.reviews.get, async ({ params, user }) => {
    return presentReviewAssignment(db, await ownAssignment(db, params.id, user), clock.now());
  });

  async function save(id: number, user: CurrentUser, input: { scores: Record<string, number>; opinion: string }, submit: boolean) {
    const now = clock.now();
    await db.transaction(async (tx) => {
      await tx.select({ id: reviewAssignments.id }).from(reviewAssignments).where(eq(reviewAssignments.id, id)).for('update');
      const row = await ownAssignment(tx, id, user);
      if (!reviewEditable(row, now)) throw lockedReason(row, now);
      checkScores(row, input.scores, submit);
      if (submit && input.opinion.length < 2) {
        throw legacyError('invalid_input', '请填写评审意见', [{ path: 'body.opinion', message: '请填写评审意见' }]);
      }
      const values = {
        scores: input.scores,
        opinion: input.opinion,
        status: submit ? ('submitted' as const) : ('draft' as const),
        submittedAt: submit ? now : null,
        updatedAt: now,
      };
      if (row.review) await tx.update(reviews).set(values).where(eq(reviews.id, row.review.id));
      else await tx.insert(reviews).values({ assignmentId: id, ...values });
      if (submit) {
        await recordAudit(tx, {
          actor: user,
          action: 'review.submit',
          entity: 'review_assignment',
          entityId: id,
          after: { scores: input.scores, weightedScore: weightedScore(row.call.rubric, input.scores) },
          at: now,
        });
      }
    });
    return presentReviewAssignment(db, await loadAssignment(db, id), now);
  }

  mount(router, services, api.reviews.saveDraft, async ({ params, body, user }) => save(params.id, user, body, false));
  mount(router, services, api.reviews.submit, async ({ params, body, user }) => save(params.id, user, body, true));

  mount(router, services, api.reviews.decline, async ({ params, body, user }) => {
    const now = clock.now();
    return db.transaction(async (tx) => {
      // The call's lock keeps the replacement choice consistent with concurrent assignments.
      const { call } = await loadAssignment(tx, params.id);
      await tx.select({ id: calls.id }).from(calls).where(eq(calls.id, call.id)).for('update');
      const row = await ownAssignment(tx, params.id, user);
      if (row.review?.status === 'submitted') throw conflict('评分已提交，不能再谢绝');
      assertRoundOpen(row.call);
      await tx
        .update(reviewAssignments)
        .set({ status: 'declined', declineReason: body.reason, declinedAt: now })
        .where(eq(reviewAssignments.id, params.id));
      await recordAudit(tx, {
        actor: user,
        action: 'review.decline',
        entity: 'review_assignment',
        entityId: params.id,
        after: { reason: body.reason },
        at: now,
      });
      // Offered at once to the least-loaded reviewer without a conflict who has not been asked yet.
      const [unit] = await tx.select({ unitId: units.id, groupId: units.groupId }).from(units).where(eq(units.id, row.entry.unitId));
      const { asked } = (await askedPerEntry(tx, [row.entry.id])).get(row.entry.id)!;
      const [next] = pickReviewers(await allReviewers(tx), unit!, asked, await loadInCall(tx, row.call.id), 1);
      if (next) {
        await insertAssignment(tx, {
          entryId: row.entry.id,
          reviewerId: next.id,
          deadline: row.assignment.deadline,
          overrideReason: null,
          actor: user,
          at: now,
          reason: 'declined_replacement',
        });
      }
      return { declined: true as const, reassigned: Boolean(next) };
    });
  });

  mount(router, services, api.reviews.reopen, async ({ params, body, user }) => {
    const now = clock.now();
    return db.transaction(async (tx) => {
      const row = await loadAssignment(tx, params.id);
      if (row.call.resultsPublishedAt) throw conflict('结果已发布，不能再退回重评');
      if (row.call.reviewRoundClosedAt) throw conflict('评审轮次已结束');
      if (row.review?.status !== 'submitted') throw conflict('这份评分尚未提交，无需退回');
      const deadline = body.deadline ? new Date(body.deadline) : row.assignment.deadline;
      if (deadline.getTime() <= now.getTime()) {
        throw legacyError('invalid_input', '原评审截止时间已过，请给出新的截止时间', [
          { path: 'body.deadline', message: '请给出晚于现在的截止时间' },
        ]);
      }
      await tx
        .update(reviews)
        .set({ status: 'draft', submittedAt: null, reopenedAt: now, reopenReason: body.reason, updatedAt: now })
        .where(eq(reviews.id, row.review.id));
      await tx.update(reviewAssignments).set({ deadline }).where(eq(reviewAssignments.id, params.id));
      await recordAudit(tx, {
        actor: user,
        action: 'review.reopen',
        entity: 'review_assignment',
        entityId: params.id,
        before: { status: 'submitted', scores: row.review.scores, deadline: row.assignment.deadline },
        after: { status: 'draft', reason: body.reason, deadline },
        at: now,
      });
      return { ok: true as const };
    });
  });

  return router;
}
