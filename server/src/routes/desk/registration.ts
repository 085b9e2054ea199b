import type Router from '@koa/router';
import { api, registrationNumber } from '@zhijian/shared';
import { and, asc, count, eq, ilike, ne, or, sql } from 'drizzle-orm';
import type { CurrentUser } from '../../auth/currentUser';
import { transitionEntry, type EntryRow } from '../../commands/transitionEntry';
import type { Queryable } from '../../db/client';
import { calls, entries, groups, members, reviewAssignments, reviews, units } from '../../db/schema';
import { presentEntry } from '../../presenters/entry';
import { entryListColumns, presentEntryListItem } from '../../presenters/entryListItem';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';
import { findCall } from '../calls';
import { findEntry } from '../entries';

/** `%` and `_` typed by a person are literal characters, not wildcards. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Registers one entry under its call's row lock (the caller holds it): the next number of the
 * call, in order. A resubmitted entry keeps the number it was first given.
 */
async function registerLocked(tx: Queryable, call: typeof calls.$inferSelect, entry: EntryRow, user: CurrentUser, now: Date) {
  if (entry.registrationNumber) {
    return transitionEntry(tx, entry, 'register', { actor: user, at: now, bySecretariat: true, comment: '修改后重新登记，编号不变' });
  }
  const sequence = call.nextSequence;
  await tx
    .update(calls)
    .set({ nextSequence: sequence + 1 })
    .where(eq(calls.id, call.id));
  call.nextSequence = sequence + 1;
  return transitionEntry(tx, entry, 'register', {
    actor: user,
    at: now,
    bySecretariat: true,
    set: { registrationNumber: registrationNumber(call.year, call.code, sequence), registrationSequence: sequence, registeredAt: now },
  });
}

/** The secretariat's desk: what came in, registration in order, and the pre-screen. */
export function deskRegistrationRoutes(services: AppServices, router: Router): void {
  const { db, clock } = services;

  mount(router, services, api.desk.entries, async ({ params, query }) => {
    await findCall(db, params.id);
    const where = and(
      eq(entries.callId, params.id),
      ne(entries.status, 'draft'),
      query.status ? eq(entries.status, query.status) : undefined,
      query.q
        ? or(
            ilike(entries.title, likePattern(query.q)),
            ilike(units.name, likePattern(query.q)),
            ilike(entries.registrationNumber, likePattern(query.q)),
          )
        : undefined,
    );
    const [total] = await db.select({ n: count() }).from(entries).innerJoin(units, eq(units.id, entries.unitId)).where(where);
    const rows = await db
      .select({
        ...entryListColumns,
        groupName: groups.name,
        activeReviewers: sql<number>`(select count(*)::int from ${reviewAssignments} where ${reviewAssignments.entryId} = ${entries.id} and ${reviewAssignments.status} = 'active')`,
        reviewsSubmitted: sql<number>`(select count(*)::int from ${reviews} join ${reviewAssignments} on ${reviewAssignments.id} = ${reviews.assignmentId} where ${reviewAssignments.entryId} = ${entries.id} and ${reviewAssignments.status} = 'active' and ${reviews.status} = 'submitted')`,
      })
      .from(entries)
      .innerJoin(calls, eq(calls.id, entries.callId))
      .innerJoin(units, eq(units.id, entries.unitId))
      .innerJoin(groups, eq(groups.id, units.groupId))
      .leftJoin(members, eq(members.id, entries.authorId))
      .where(where)
      .orderBy(asc(entries.registrationSequence), asc(entries.submittedAt), asc(entries.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    return {
      items: rows.map((row) => ({
        ...presentEntryListItem(row),
        groupName: row.groupName,
        activeReviewers: Number(row.activeReviewers),
        reviewsSubmitted: Number(row.reviewsSubmitted),
      })),
      total: total?.n ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  });

  mount(router, services, api.desk.register, async ({ params, user }) => {
    const now = clock.now();
    await db.transaction(async (tx) => {
      const call = await findCall(tx, (await findEntry(tx, params.id)).callId, true);
      await registerLocked(tx, call, await findEntry(tx, params.id, true), user, now);
    });
    return presentEntry(db, params.id, 'secretariat', now);
  });

  mount(router, services, api.desk.registerAll, async ({ params, user }) => {
    const now = clock.now();
    return db.transaction(async (tx) => {
      const call = await findCall(tx, params.id, true);
      const waiting = await tx
        .select()
        .from(entries)
        .where(and(eq(entries.callId, call.id), eq(entries.status, 'submitted')))
        .orderBy(asc(entries.submittedAt), asc(entries.id))
        .for('update');
      const registered = [];
      for (const entry of waiting) {
        const after = await registerLocked(tx, call, entry, user, now);
        registered.push({ entryId: after.id, registrationNumber: after.registrationNumber! });
      }
      return { registered };
    });
  });

  mount(router, services, api.desk.prescreen, async ({ params, body, user }) => {
    const now = clock.now();
    await db.transaction(async (tx) => {
      const entry = await findEntry(tx, params.id, true);
      await transitionEntry(tx, entry, body.decision, { actor: user, at: now, bySecretariat: true, comment: body.comment ?? null });
    });
    return presentEntry(db, params.id, 'secretariat', now);
  });
}
