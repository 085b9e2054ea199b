import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { CurrentUser } from '../../auth/currentUser';
import { transitionEntry } from '../../commands/transitionEntry';
import type { Queryable } from '../../db/client';
import { entries, reviewAssignments, reviews, units } from '../../db/schema';
import { conflict, legacyError } from '../../legacyErrors';
import { presentEntry } from '../../presenters/entry';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';
import {
  allReviewers,
  askedPerEntry,
  assertRoundOpen,
  CONFLICT_LABELS,
  conflictOf,
  insertAssignment,
  loadInCall,
  pickReviewers,
} from '../../submissions/assignment';
import { findCall } from '../calls';
import { findEntry } from '../entries';

function assertFutureDeadline(deadline: Date, now: Date): void {
  if (deadline.getTime() <= now.getTime()) {
    throw legacyError('invalid_input', '评审截止时间应晚于现在', [{ path: 'body.deadline', message: '评审截止时间应晚于现在' }]);
  }
}

async function unitOf(tx: Queryable, unitId: number): Promise<{ unitId: number; groupId: number }> {
  const [unit] = await tx.select({ unitId: units.id, groupId: units.groupId }).from(units).where(eq(units.id, unitId));
  return unit!;
}

/** The first assignment moves a pre-screened entry into review. */
async function startReviewIfPassed(tx: Queryable, entry: typeof entries.$inferSelect, user: CurrentUser, now: Date): Promise<void> {
  if (entry.status === 'passed') await transitionEntry(tx, entry, 'start_review', { actor: user, at: now, bySecretariat: true });
}

/** The secretariat assigns reviewers by hand or automatically, keeping conflicts of interest out. */
export function deskAssignmentRoutes(services: AppServices, router: Router): void {
  const { db, clock } = services;

  mount(router, services, api.desk.reviewers, async ({ params }) => {
    await findCall(db, params.id);
    const reviewers = await allReviewers(db);
    const rows = await db
      .select({ reviewerId: reviewAssignments.reviewerId, status: reviewAssignments.status, reviewStatus: reviews.status })
      .from(reviewAssignments)
      .innerJoin(entries, eq(entries.id, reviewAssignments.entryId))
      .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
      .where(eq(entries.callId, params.id));
    return {
      items: reviewers.map((r) => {
        const own = rows.filter((row) => row.reviewerId === r.id);
        return {
          id: r.id,
          name: r.name,
          unitName: r.unitName,
          groupName: r.groupName,
          assigned: own.filter((row) => row.status === 'active').length,
          submitted: own.filter((row) => row.status === 'active' && row.reviewStatus === 'submitted').length,
          declined: own.filter((row) => row.status === 'declined').length,
        };
      }),
    };
  });

  mount(router, services, api.desk.assign, async ({ params, body, user }) => {
    const now = clock.now();
    const deadline = new Date(body.deadline);
    assertFutureDeadline(deadline, now);
    await db.transaction(async (tx) => {
      const call = await findCall(tx, (await findEntry(tx, params.id)).callId, true);
      assertRoundOpen(call);
      const entry = await findEntry(tx, params.id, true);
      if (entry.status !== 'passed' && entry.status !== 'in_review') throw conflict('只有初审通过的报送才能分配评审');
      const reviewer = (await allReviewers(tx)).find((r) => r.id === body.reviewerId);
      if (!reviewer) throw legacyError('invalid_input', '所选人员不是评审专家', [{ path: 'body.reviewerId', message: '不是评审专家' }]);
      const conflictKind = conflictOf(reviewer, await unitOf(tx, entry.unitId));
      if (conflictKind && !body.overrideReason) {
        throw conflict(`该专家${CONFLICT_LABELS[conflictKind]}，如确需指定，请写明理由`, { conflict: conflictKind });
      }
      const [existing] = await tx
        .select({ id: reviewAssignments.id })
        .from(reviewAssignments)
        .where(and(eq(reviewAssignments.entryId, entry.id), eq(reviewAssignments.reviewerId, reviewer.id)));
      if (existing) throw conflict('该专家已被分配过这份报送');
      await insertAssignment(tx, {
        entryId: entry.id,
        reviewerId: reviewer.id,
        deadline,
        overrideReason: conflictKind ? body.overrideReason! : null,
        actor: user,
        at: now,
        reason: 'manual',
      });
      await startReviewIfPassed(tx, entry, user, now);
    });
    return presentEntry(db, params.id, 'secretariat', now);
  });

  mount(router, services, api.desk.autoAssign, async ({ params, body, user }) => {
    const now = clock.now();
    const deadline = new Date(body.deadline);
    assertFutureDeadline(deadline, now);
    return db.transaction(async (tx) => {
      const call = await findCall(tx, params.id, true);
      assertRoundOpen(call);
      if (call.reviewersPerEntry === 0) throw conflict('该征集不需要专家评审');
      const waiting = await tx
        .select({ entry: entries, groupId: units.groupId })
        .from(entries)
        .innerJoin(units, eq(units.id, entries.unitId))
        .where(and(eq(entries.callId, call.id), inArray(entries.status, ['passed', 'in_review'])))
        .orderBy(asc(entries.registrationSequence), asc(entries.id))
        .for('update', { of: entries });
      const reviewers = await allReviewers(tx);
      const load = await loadInCall(tx, call.id);
      const asked = await askedPerEntry(
        tx,
        waiting.map((w) => w.entry.id),
      );
      const assigned: { entryId: number; reviewerId: number }[] = [];
      const short: { entryId: number; missing: number }[] = [];
      for (const { entry, groupId } of waiting) {
        const { asked: alreadyAsked, active } = asked.get(entry.id)!;
        const needed = call.reviewersPerEntry - active;
        if (needed <= 0) continue;
        const picked = pickReviewers(reviewers, { unitId: entry.unitId, groupId }, alreadyAsked, load, needed);
        for (const reviewer of picked) {
          await insertAssignment(tx, {
            entryId: entry.id,
            reviewerId: reviewer.id,
            deadline,
            overrideReason: null,
            actor: user,
            at: now,
            reason: 'auto',
          });
          load.set(reviewer.id, (load.get(reviewer.id) ?? 0) + 1);
          assigned.push({ entryId: entry.id, reviewerId: reviewer.id });
        }
        if (picked.length) await startReviewIfPassed(tx, entry, user, now);
        if (picked.length < needed) short.push({ entryId: entry.id, missing: needed - picked.length });
      }
      return { assigned, short };
    });
  });
}
