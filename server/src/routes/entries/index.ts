import type Router from '@koa/router';
import { api, callPhase, countsTowardLimit, ENTRY_STATUSES } from '@zhijian/shared';
import { and, count, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../../commands/recordAudit';
import { assertTransition, recordEntryEvent, transitionEntry } from '../../commands/transitionEntry';
import type { Queryable } from '../../db/client';
import { calls, entries, members, units } from '../../db/schema';
import { forbidden, notFound } from '../../errors';
import { conflict, legacyError } from '../../legacyErrors';
import { authorizeEntryView, authorizeEntryWrite, isUnitStaff } from '../../policies/entries';
import { loadEntry, presentEntry, presentLoadedEntry } from '../../presenters/entry';
import { entryListColumns, presentEntryListItem } from '../../presenters/entryListItem';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';
import { checkEntryReferences, submissionProblems } from '../../submissions/entryInput';
import { assertEditable } from '../../submissions/rules';
import { findCall } from '../calls';
import { entryFileRoutes } from './files';

export async function findEntry(db: Queryable, id: number, lock = false) {
  const query = db.select().from(entries).where(eq(entries.id, id));
  const [entry] = lock ? await query.for('update') : await query;
  if (!entry) throw notFound('报送');
  return entry;
}

const COUNTED = ENTRY_STATUSES.filter(countsTowardLimit);

/** Units write, submit and withdraw their entries; the entry limit and the close time are the server's. */
export function entryRoutes(services: AppServices, router: Router): Router {
  const { db, clock } = services;

  mount(router, services, api.entries.mine, async ({ query, user }) => {
    if (user.unitId === null) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    const where = and(eq(entries.unitId, user.unitId), query.callId ? eq(entries.callId, query.callId) : undefined);
    const [total] = await db.select({ n: count() }).from(entries).where(where);
    const rows = await db
      .select(entryListColumns)
      .from(entries)
      .innerJoin(calls, eq(calls.id, entries.callId))
      .innerJoin(units, eq(units.id, entries.unitId))
      .leftJoin(members, eq(members.id, entries.authorId))
      .where(where)
      .orderBy(desc(entries.updatedAt), desc(entries.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    return {
      items: rows.map(presentEntryListItem),
      total: total?.n ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  });

  mount(router, services, api.entries.create, async ({ params, body, user }) => {
    const now = clock.now();
    const id = await db.transaction(async (tx) => {
      const call = await findCall(tx, params.id);
      if (user.unitId === null || !isUnitStaff(user, user.unitId)) throw forbidden('只有会员单位的党务工作者或信息员可以报送');
      const phase = callPhase(call, now);
      if (phase === 'upcoming') throw conflict('征集尚未开始');
      if (phase === 'closed') throw legacyError('deadline_passed', '征集已截止，不能再新建报送');
      await checkEntryReferences(tx, call, body);
      const [created] = await tx
        .insert(entries)
        .values({
          callId: call.id,
          unitId: user.unitId,
          authorId: user.id,
          status: 'draft',
          title: body.title ?? '',
          category: body.category ?? null,
          summary: body.summary ?? '',
          body: body.body ?? '',
          contactName: body.contactName ?? user.name,
          contactPhone: body.contactPhone ?? '',
          topicId: body.topicId ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await recordEntryEvent(tx, created!.id, 'create', null, 'draft', { actor: user, at: now });
      await recordAudit(tx, {
        actor: user,
        action: 'entry.create',
        entity: 'entry',
        entityId: created!.id,
        after: { callId: call.id, unitId: user.unitId },
        at: now,
      });
      return created!.id;
    });
    return presentEntry(db, id, 'unit', now);
  });

  mount(router, services, api.entries.get, async ({ params, user }) => {
    const row = await loadEntry(db, params.id);
    return presentLoadedEntry(db, row, authorizeEntryView(user, row.entry), clock.now());
  });

  mount(router, services, api.entries.update, async ({ params, body, user }) => {
    const now = clock.now();
    await db.transaction(async (tx) => {
      const entry = await findEntry(tx, params.id, true);
      authorizeEntryWrite(user, entry);
      const call = await findCall(tx, entry.callId);
      assertEditable(entry, call, now);
      const { version, ...changes } = body;
      if (version !== undefined && version !== entry.version) {
        throw conflict('报送已在别处更新，请刷新后再修改', { version: entry.version });
      }
      await checkEntryReferences(tx, call, changes);
      const [after] = await tx
        .update(entries)
        .set({ ...changes, version: sql`${entries.version} + 1`, updatedAt: now })
        .where(eq(entries.id, entry.id))
        .returning();
      // Drafts are the unit's own work in progress; edits of handed-in entries are audited.
      if (entry.status !== 'draft') {
        await recordAudit(tx, {
          actor: user,
          action: 'entry.update',
          entity: 'entry',
          entityId: entry.id,
          before: { version: entry.version, fields: Object.keys(changes) },
          after: { version: after!.version },
          at: now,
        });
      }
    });
    return presentEntry(db, params.id, 'unit', now);
  });

  mount(router, services, api.entries.submit, async ({ params, user }) => {
    const now = clock.now();
    await db.transaction(async (tx) => {
      // Locks in one order everywhere (call, then entry). The call's row lock serialises the
      // submissions of a call, so two phones cannot both take the unit's last place.
      const call = await findCall(tx, (await findEntry(tx, params.id)).callId, true);
      const entry = await findEntry(tx, params.id, true);
      authorizeEntryWrite(user, entry);
      const action = entry.status === 'returned' ? 'resubmit' : 'submit';
      assertTransition(entry.status, action);
      if (action === 'submit' && entry.status === 'draft') {
        const phase = callPhase(call, now);
        if (phase === 'upcoming') throw conflict('征集尚未开始');
        if (phase === 'closed') throw legacyError('deadline_passed', '征集已截止，不能再提交', { closesAt: call.closesAt.toISOString() });
      }
      const problems = await submissionProblems(tx, call, entry);
      if (problems.length) {
        throw legacyError('invalid_input', `还有 ${problems.length} 项未填写：${problems.map((p) => p.message).join('；')}`, problems);
      }
      if (action === 'submit' && entry.status === 'draft') {
        const [used] = await tx
          .select({ n: count() })
          .from(entries)
          .where(
            and(eq(entries.callId, call.id), eq(entries.unitId, entry.unitId), ne(entries.id, entry.id), inArray(entries.status, COUNTED)),
          );
        if ((used?.n ?? 0) >= call.entryLimit) {
          throw conflict(`本单位在该征集中最多报送 ${call.entryLimit} 份`, { limit: call.entryLimit });
        }
      }
      await transitionEntry(tx, entry, action, { actor: user, at: now, set: action === 'submit' ? { submittedAt: now } : {} });
    });
    return presentEntry(db, params.id, 'unit', now);
  });

  mount(router, services, api.entries.withdraw, async ({ params, body, user }) => {
    const now = clock.now();
    await db.transaction(async (tx) => {
      const entry = await findEntry(tx, params.id, true);
      authorizeEntryWrite(user, entry);
      await transitionEntry(tx, entry, 'withdraw', { actor: user, at: now, comment: body.reason ?? null });
    });
    return presentEntry(db, params.id, 'unit', now);
  });

  entryFileRoutes(services, router);
  return router;
}
