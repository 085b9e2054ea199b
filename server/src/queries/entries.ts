import type { EntryStatus, PageQuery } from '@zhijian/shared';
import { and, asc, count, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../db/client';
import { calls, entries, entryEvents, entryFiles, groups, members, researchTopics, reviewAssignments, reviews, units } from '../db/schema';
import { notFound } from '../errors';
import type { CallRow } from './calls';
import { filesOf, type EntryFileRow } from './entryFiles';
import { paginate, type Page } from './paginate';
import { assignmentsOf, type AssignmentWithReview } from './reviews';
import { containsText } from './textSearch';

export type EntryRow = typeof entries.$inferSelect;

/** The entry, or a 404 naming it. `lock` holds its row until the transaction ends. */
export async function findEntry(db: Queryable, id: number, options: { lock?: boolean } = {}): Promise<EntryRow> {
  const query = db.select().from(entries).where(eq(entries.id, id));
  const [entry] = options.lock ? await query.for('update') : await query;
  if (!entry) throw notFound('报送');
  return entry;
}

/** The entry and its call; `lock` holds the entry's row (not the call's). */
export async function findEntryWithCall(
  db: Queryable,
  id: number,
  options: { lock?: boolean } = {},
): Promise<{ entry: EntryRow; call: CallRow }> {
  const query = db
    .select({ entry: entries, call: calls })
    .from(entries)
    .innerJoin(calls, eq(calls.id, entries.callId))
    .where(eq(entries.id, id));
  const [row] = options.lock ? await query.for('update', { of: entries }) : await query;
  if (!row) throw notFound('报送');
  return row;
}

/** Entries of the unit in the call that use up one of its places, besides `except`. */
export async function countPlacesUsed(
  db: Queryable,
  { callId, unitId, except, statuses }: { callId: number; unitId: number; except: number; statuses: readonly EntryStatus[] },
): Promise<number> {
  const [used] = await db
    .select({ n: count() })
    .from(entries)
    .where(and(eq(entries.callId, callId), eq(entries.unitId, unitId), ne(entries.id, except), inArray(entries.status, [...statuses])));
  return used?.n ?? 0;
}

/** The columns every list of entries selects (joined with calls, units and, left, members). */
const entryListColumns = {
  entry: entries,
  callTitle: calls.title,
  callKind: calls.kind,
  unitName: units.name,
  authorName: members.name,
  imageCount: sql<number>`(select count(*)::int from ${entryFiles} where ${entryFiles.entryId} = ${entries.id} and ${entryFiles.kind} = 'image')`,
};

export interface EntryListRow {
  entry: EntryRow;
  callTitle: string;
  callKind: CallRow['kind'];
  unitName: string;
  authorName: string | null;
  imageCount: number;
}

/** The unit's own entries, drafts included, the latest change first. */
export async function listUnitEntries(db: Queryable, unitId: number, query: PageQuery & { callId?: number }): Promise<Page<EntryListRow>> {
  const where = and(eq(entries.unitId, unitId), query.callId ? eq(entries.callId, query.callId) : undefined);
  return paginate(query, {
    count: db.select({ n: count() }).from(entries).where(where),
    rows: db
      .select(entryListColumns)
      .from(entries)
      .innerJoin(calls, eq(calls.id, entries.callId))
      .innerJoin(units, eq(units.id, entries.unitId))
      .leftJoin(members, eq(members.id, entries.authorId))
      .where(where)
      .orderBy(desc(entries.updatedAt), desc(entries.id))
      .$dynamic(),
  });
}

export interface DeskEntryRow extends EntryListRow {
  groupName: string;
  activeReviewers: number;
  reviewsSubmitted: number;
}

/**
 * What a call received (never the units' drafts), in the order of registration, then of
 * submission; searchable by title, unit and registration number.
 */
export async function listCallEntries(
  db: Queryable,
  callId: number,
  query: PageQuery & { status?: EntryStatus; q?: string },
): Promise<Page<DeskEntryRow>> {
  const where = and(
    eq(entries.callId, callId),
    ne(entries.status, 'draft'),
    query.status ? eq(entries.status, query.status) : undefined,
    query.q ? containsText(query.q, entries.title, units.name, entries.registrationNumber) : undefined,
  );
  return paginate(query, {
    count: db.select({ n: count() }).from(entries).innerJoin(units, eq(units.id, entries.unitId)).where(where),
    rows: db
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
      .$dynamic(),
  });
}

const author = alias(members, 'author');
const actor = alias(members, 'actor');

export interface EntryEventRow {
  event: typeof entryEvents.$inferSelect;
  actorName: string | null;
}

/** Everything an entry's page shows: the entry, its call, unit, author and topic, files, timeline and reviews. */
export interface EntryDetailRows {
  entry: EntryRow;
  call: CallRow;
  unitName: string;
  authorName: string | null;
  topicTitle: string | null;
  files: EntryFileRow[];
  events: EntryEventRow[];
  assignments: AssignmentWithReview[];
}

/** The entry with its call, unit, author and topic: where every view of an entry starts (no files yet). */
export async function findEntryDetail(db: Queryable, id: number) {
  const [row] = await db
    .select({ entry: entries, call: calls, unitName: units.name, authorName: author.name, topicTitle: researchTopics.title })
    .from(entries)
    .innerJoin(calls, eq(calls.id, entries.callId))
    .innerJoin(units, eq(units.id, entries.unitId))
    .leftJoin(author, eq(author.id, entries.authorId))
    .leftJoin(researchTopics, eq(researchTopics.id, entries.topicId))
    .where(eq(entries.id, id));
  if (!row) throw notFound('报送');
  return row;
}

/** Loads what `presentEntry` needs, in four queries. */
export async function loadEntryDetail(db: Queryable, id: number): Promise<EntryDetailRows> {
  const row = await findEntryDetail(db, id);
  const events = await db
    .select({ event: entryEvents, actorName: actor.name })
    .from(entryEvents)
    .leftJoin(actor, eq(actor.id, entryEvents.actorId))
    .where(eq(entryEvents.entryId, id))
    .orderBy(asc(entryEvents.at), asc(entryEvents.id));
  return {
    ...row,
    files: await filesOf(db, [id]),
    events,
    assignments: await assignmentsOf(db, [id], row.call.rubric),
  };
}
