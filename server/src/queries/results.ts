import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { entries, groups, units } from '../db/schema';
import type { CallRow } from './calls';
import type { EntryRow } from './entries';
import { assignmentsOf, listReviewers, type AssignmentWithReview, type ReviewerRow } from './reviews';

export interface EntryWithUnit {
  entry: EntryRow;
  unitName: string;
  groupName: string;
}

/** A call's entries that passed the pre-screen, with every assignment and review: what results are made of. */
export interface ResultRows {
  call: CallRow;
  entries: EntryWithUnit[];
  assignments: AssignmentWithReview[];
}

export async function loadResultRows(db: Queryable, call: CallRow): Promise<ResultRows> {
  const rows = await db
    .select({ entry: entries, unitName: units.name, groupName: groups.name })
    .from(entries)
    .innerJoin(units, eq(units.id, entries.unitId))
    .innerJoin(groups, eq(groups.id, units.groupId))
    .where(and(eq(entries.callId, call.id), inArray(entries.status, ['passed', 'in_review', 'rated'])))
    .orderBy(asc(entries.registrationSequence), asc(entries.id));
  const assignments = await assignmentsOf(
    db,
    rows.map((r) => r.entry.id),
    call.rubric,
  );
  return { call, entries: rows, assignments };
}

/** Every entry handed in to the call, in registration order, for the ledger export. */
export async function listHandedInEntries(db: Queryable, callId: number): Promise<EntryWithUnit[]> {
  return db
    .select({ entry: entries, unitName: units.name, groupName: groups.name })
    .from(entries)
    .innerJoin(units, eq(units.id, entries.unitId))
    .innerJoin(groups, eq(groups.id, units.groupId))
    .where(and(eq(entries.callId, callId), ne(entries.status, 'draft')))
    .orderBy(asc(entries.registrationSequence), asc(entries.submittedAt), asc(entries.id));
}

/** Every reviewer and every assignment of the call's entries: the workload export. */
export async function loadWorkloadRows(
  db: Queryable,
  call: CallRow,
): Promise<{ reviewers: ReviewerRow[]; assignments: AssignmentWithReview[] }> {
  const callEntries = await db.select({ id: entries.id }).from(entries).where(eq(entries.callId, call.id));
  const assignments = await assignmentsOf(
    db,
    callEntries.map((e) => e.id),
    call.rubric,
  );
  return { reviewers: await listReviewers(db), assignments };
}
