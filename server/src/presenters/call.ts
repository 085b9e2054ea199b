import { callPhase, countsTowardLimit, type Call, type EntryStatus } from '@zhijian/shared';
import { and, count, eq, inArray, ne } from 'drizzle-orm';
import type { CurrentUser } from '../auth/currentUser';
import type { Queryable } from '../db/client';
import { type calls, entries } from '../db/schema';
import { isSecretariat, isUnitStaff } from '../policies/entries';

export type CallRow = typeof calls.$inferSelect;

/** A call as the API shows it; unit staff see their unit's places, the secretariat the counts. */
export async function presentCalls(db: Queryable, rows: CallRow[], user: CurrentUser, now: Date): Promise<Call[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const unitStaff = user.unitId !== null && isUnitStaff(user, user.unitId);
  const mine = unitStaff
    ? await db
        .select({ callId: entries.callId, status: entries.status, n: count() })
        .from(entries)
        .where(and(inArray(entries.callId, ids), eq(entries.unitId, user.unitId!)))
        .groupBy(entries.callId, entries.status)
    : [];
  const secretariat = isSecretariat(user);
  const all = secretariat
    ? await db
        .select({ callId: entries.callId, status: entries.status, n: count() })
        .from(entries)
        .where(and(inArray(entries.callId, ids), ne(entries.status, 'draft')))
        .groupBy(entries.callId, entries.status)
    : [];
  return rows.map((row) => {
    const own = mine.filter((m) => m.callId === row.id);
    const used = own.filter((m) => countsTowardLimit(m.status as EntryStatus)).reduce((sum, m) => sum + m.n, 0);
    const drafts = own.filter((m) => m.status === 'draft').reduce((sum, m) => sum + m.n, 0);
    return {
      id: row.id,
      kind: row.kind,
      title: row.title,
      description: row.description,
      year: row.year,
      code: row.code,
      categories: row.categories,
      rubric: row.rubric,
      tiers: row.tiers,
      opensAt: row.opensAt.toISOString(),
      closesAt: row.closesAt.toISOString(),
      phase: callPhase(row, now),
      entryLimit: row.entryLimit,
      reviewersPerEntry: row.reviewersPerEntry,
      reviewRoundClosedAt: row.reviewRoundClosedAt?.toISOString() ?? null,
      resultsPublishedAt: row.resultsPublishedAt?.toISOString() ?? null,
      myUnit: unitStaff ? { used, remaining: Math.max(0, row.entryLimit - used), drafts } : null,
      entryCounts: secretariat ? Object.fromEntries(all.filter((a) => a.callId === row.id).map((a) => [a.status, a.n])) : null,
    };
  });
}

export async function presentCall(db: Queryable, row: CallRow, user: CurrentUser, now: Date): Promise<Call> {
  const [call] = await presentCalls(db, [row], user, now);
  return call!;
}
