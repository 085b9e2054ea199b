import type { CallKind, CallPhase, EntryStatus } from '@zhijian/shared';
import { and, count, desc, eq, gt, inArray, lte, ne, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { calls, entries } from '../db/schema';
import { notFound } from '../errors';

export type CallRow = typeof calls.$inferSelect;

/** The call, or a 404 naming it. `lock` holds its row until the transaction ends. */
export async function findCall(db: Queryable, id: number, options: { lock?: boolean } = {}): Promise<CallRow> {
  const query = db.select().from(calls).where(eq(calls.id, id));
  const [call] = options.lock ? await query.for('update') : await query;
  if (!call) throw notFound('征集');
  return call;
}

/** Calls of a kind and in a phase (by the server's clock), the newest first. */
export async function listCalls(db: Queryable, filter: { kind?: CallKind; phase?: CallPhase }, now: Date): Promise<CallRow[]> {
  const conditions: SQL[] = [];
  if (filter.kind) conditions.push(eq(calls.kind, filter.kind));
  if (filter.phase === 'upcoming') conditions.push(gt(calls.opensAt, now));
  if (filter.phase === 'open') conditions.push(lte(calls.opensAt, now), gt(calls.closesAt, now));
  if (filter.phase === 'closed') conditions.push(lte(calls.closesAt, now));
  return db
    .select()
    .from(calls)
    .where(and(...conditions))
    .orderBy(desc(calls.opensAt), desc(calls.id));
}

export interface CallEntryCount {
  callId: number;
  status: EntryStatus;
  n: number;
}

/** What a call's viewer sees counted: their unit's entries (drafts too), or everything handed in. */
export interface CallCounts {
  /** For unit staff: their unit's entries by status; null for anyone else. */
  mine: CallEntryCount[] | null;
  /** For the secretariat: every entry handed in, by status; null for anyone else. */
  all: CallEntryCount[] | null;
}

/** The counts `presentCall` shows, for many calls at once. */
export async function loadCallCounts(
  db: Queryable,
  callIds: number[],
  viewer: { staffOfUnit: number | null; secretariat: boolean },
): Promise<CallCounts> {
  const byStatus = (where: SQL | undefined) =>
    db
      .select({ callId: entries.callId, status: entries.status, n: count() })
      .from(entries)
      .where(where)
      .groupBy(entries.callId, entries.status);
  const some = callIds.length > 0;
  const mine =
    viewer.staffOfUnit === null
      ? null
      : some
        ? await byStatus(and(inArray(entries.callId, callIds), eq(entries.unitId, viewer.staffOfUnit)))
        : [];
  const all = !viewer.secretariat ? null : some ? await byStatus(and(inArray(entries.callId, callIds), ne(entries.status, 'draft'))) : [];
  return { mine, all };
}
