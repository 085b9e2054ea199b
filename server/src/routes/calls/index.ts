import type Router from '@koa/router';
import {
  api,
  CALL_KIND_CODES,
  DEFAULT_CASE_CATEGORIES,
  DEFAULT_REVIEWERS_PER_ENTRY,
  DEFAULT_RUBRIC,
  DEFAULT_TIERS,
  shanghaiYear,
  type CallKind,
} from '@zhijian/shared';
import { and, desc, eq, gt, lte, sql } from 'drizzle-orm';
import { recordAudit } from '../../commands/recordAudit';
import type { Queryable } from '../../db/client';
import { calls, reviewAssignments, entries } from '../../db/schema';
import { notFound } from '../../errors';
import { conflict, legacyError } from '../../legacyErrors';
import { presentCall, presentCalls } from '../../presenters/call';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

export async function findCall(db: Queryable, id: number, lock = false) {
  const query = db.select().from(calls).where(eq(calls.id, id));
  const [call] = lock ? await query.for('update') : await query;
  if (!call) throw notFound('征集');
  return call;
}

/** AL for the year's first case contest, then AL2, AL3 … so registration numbers stay unique. */
async function freeCode(db: Queryable, year: number, kind: CallKind): Promise<string> {
  const base = CALL_KIND_CODES[kind];
  const taken = new Set(
    (
      await db
        .select({ code: calls.code })
        .from(calls)
        .where(and(eq(calls.year, year), sql`${calls.code} like ${`${base}%`}`))
    ).map((r) => r.code),
  );
  for (let n = 1; ; n += 1) {
    const code = n === 1 ? base : `${base}${n}`;
    if (!taken.has(code)) return code;
  }
}

function checkWindow(opensAt: Date, closesAt: Date): void {
  if (closesAt.getTime() <= opensAt.getTime()) {
    throw legacyError('invalid_input', '截止时间应晚于开始时间', [{ path: 'body.closesAt', message: '截止时间应晚于开始时间' }]);
  }
}

/** Whether any reviewer has been assigned in the call: from then on the rubric is fixed. */
async function reviewStarted(db: Queryable, callId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: reviewAssignments.id })
    .from(reviewAssignments)
    .innerJoin(entries, eq(entries.id, reviewAssignments.entryId))
    .where(eq(entries.callId, callId))
    .limit(1);
  return Boolean(row);
}

/** The secretariat opens, edits and closes calls; every member may read them. */
export function callRoutes(services: AppServices, router: Router): Router {
  const { db, clock } = services;

  mount(router, services, api.calls.list, async ({ query, user }) => {
    const now = clock.now();
    const conditions = [];
    if (query.kind) conditions.push(eq(calls.kind, query.kind));
    if (query.phase === 'upcoming') conditions.push(gt(calls.opensAt, now));
    if (query.phase === 'open') conditions.push(lte(calls.opensAt, now), gt(calls.closesAt, now));
    if (query.phase === 'closed') conditions.push(lte(calls.closesAt, now));
    const rows = await db
      .select()
      .from(calls)
      .where(and(...conditions))
      .orderBy(desc(calls.opensAt), desc(calls.id));
    return { items: await presentCalls(db, rows, user, now) };
  });

  mount(router, services, api.calls.get, async ({ params, user }) => presentCall(db, await findCall(db, params.id), user, clock.now()));

  mount(router, services, api.calls.create, async ({ body, user }) => {
    const opensAt = new Date(body.opensAt);
    const closesAt = new Date(body.closesAt);
    checkWindow(opensAt, closesAt);
    const year = shanghaiYear(opensAt);
    return db.transaction(async (tx) => {
      const code = body.code ?? (await freeCode(tx, year, body.kind));
      const [created] = await tx
        .insert(calls)
        .values({
          kind: body.kind,
          title: body.title,
          description: body.description,
          year,
          code,
          categories: body.categories ?? (body.kind === 'case' ? [...DEFAULT_CASE_CATEGORIES] : []),
          rubric: body.rubric ?? DEFAULT_RUBRIC,
          tiers: body.tiers ?? DEFAULT_TIERS,
          opensAt,
          closesAt,
          entryLimit: body.entryLimit,
          reviewersPerEntry: body.reviewersPerEntry ?? (body.kind === 'news' ? 0 : DEFAULT_REVIEWERS_PER_ENTRY),
          createdBy: user.id,
          createdAt: clock.now(),
          updatedAt: clock.now(),
        })
        .returning();
      await recordAudit(tx, { actor: user, action: 'call.create', entity: 'call', entityId: created!.id, after: created, at: clock.now() });
      return presentCall(tx, created!, user, clock.now());
    });
  });

  mount(router, services, api.calls.update, async ({ params, body, user }) =>
    db.transaction(async (tx) => {
      const before = await findCall(tx, params.id, true);
      if (before.resultsPublishedAt && (body.rubric || body.tiers)) throw conflict('结果已发布，不能再修改评分标准或等次');
      if (body.rubric && (await reviewStarted(tx, before.id))) throw conflict('评审已经开始，不能再修改评分标准');
      const opensAt = body.opensAt ? new Date(body.opensAt) : before.opensAt;
      const closesAt = body.closesAt ? new Date(body.closesAt) : before.closesAt;
      checkWindow(opensAt, closesAt);
      const { opensAt: _o, closesAt: _c, ...rest } = body;
      const [after] = await tx
        .update(calls)
        .set({ ...rest, opensAt, closesAt, updatedAt: clock.now() })
        .where(eq(calls.id, before.id))
        .returning();
      await recordAudit(tx, { actor: user, action: 'call.update', entity: 'call', entityId: before.id, before, after, at: clock.now() });
      return presentCall(tx, after!, user, clock.now());
    }),
  );

  mount(router, services, api.calls.close, async ({ params, user }) =>
    db.transaction(async (tx) => {
      const before = await findCall(tx, params.id, true);
      const now = clock.now();
      if (before.closesAt.getTime() <= now.getTime()) throw conflict('该征集已经截止');
      if (before.opensAt.getTime() >= now.getTime()) throw conflict('征集尚未开始，请修改开始和截止时间');
      const [after] = await tx.update(calls).set({ closesAt: now, updatedAt: now }).where(eq(calls.id, before.id)).returning();
      await recordAudit(tx, {
        actor: user,
        action: 'call.close',
        entity: 'call',
        entityId: before.id,
        before: { closesAt: before.closesAt },
        after: { closesAt: now },
        at: now,
      });
      return presentCall(tx, after!, user, now);
    }),
  );

  return router;
}
