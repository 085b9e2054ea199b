import type { PageQuery } from '@zhijian/shared';
import { and, asc, count, desc, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { calls, entries, entryFiles, units } from '../db/schema';
import { notFound } from '../errors';
import type { CallRow } from './calls';
import type { EntryRow } from './entries';
import { filesOf, type EntryFileRow } from './entryFiles';
import { paginate, type Page } from './paginate';
import { assignmentsOf, type AssignmentWithReview } from './reviews';
import { containsText } from './textSearch';

/** Published entries whose tier is a showcase tier of their call: the 案例库 (`isPublishedCase` in policies/cases.ts, in SQL). */
const isPublishedCase: SQL = and(
  eq(entries.status, 'rated'),
  isNotNull(calls.resultsPublishedAt),
  sql`exists (select 1 from jsonb_array_elements(${calls.tiers}) as t where t->>'name' = ${entries.tier} and (t->>'showcase')::boolean)`,
)!;

const caseColumns = {
  entry: entries,
  unitName: units.name,
  callTitle: calls.title,
  callKind: calls.kind,
  year: calls.year,
  publishedAt: calls.resultsPublishedAt,
  coverImageId: sql<
    number | null
  >`(select min(${entryFiles.id}) from ${entryFiles} where ${entryFiles.entryId} = ${entries.id} and ${entryFiles.kind} = 'image')`,
};

export interface CaseRow {
  entry: EntryRow;
  unitName: string;
  callTitle: string;
  callKind: CallRow['kind'];
  year: number;
  publishedAt: Date | null;
  coverImageId: number | null;
}

/** The 案例库, the latest results first; by keyword (title, summary, text, unit), call and category. */
export async function listCases(
  db: Queryable,
  query: PageQuery & { q?: string; callId?: number; category?: string },
): Promise<Page<CaseRow>> {
  const where = and(
    isPublishedCase,
    query.callId ? eq(entries.callId, query.callId) : undefined,
    query.category ? eq(entries.category, query.category) : undefined,
    query.q ? containsText(query.q, entries.title, entries.summary, entries.body, units.name) : undefined,
  );
  return paginate(query, {
    count: db
      .select({ n: count() })
      .from(entries)
      .innerJoin(calls, eq(calls.id, entries.callId))
      .innerJoin(units, eq(units.id, entries.unitId))
      .where(where),
    rows: db
      .select(caseColumns)
      .from(entries)
      .innerJoin(calls, eq(calls.id, entries.callId))
      .innerJoin(units, eq(units.id, entries.unitId))
      .where(where)
      .orderBy(desc(calls.resultsPublishedAt), asc(entries.registrationSequence), asc(entries.id))
      .$dynamic(),
  });
}

/** A published case, or a 404 (an entry that is not one looks the same as a missing one). */
export async function findCase(db: Queryable, id: number): Promise<CaseRow & { rubric: CallRow['rubric'] }> {
  const [row] = await db
    .select({ ...caseColumns, rubric: calls.rubric })
    .from(entries)
    .innerJoin(calls, eq(calls.id, entries.callId))
    .innerJoin(units, eq(units.id, entries.unitId))
    .where(and(eq(entries.id, id), isPublishedCase));
  if (!row) throw notFound('案例');
  return row;
}

export interface CaseDetailRows {
  row: CaseRow;
  files: EntryFileRow[];
  assignments: AssignmentWithReview[];
}

/** A case with its files and its reviews. */
export async function loadCaseDetail(db: Queryable, id: number): Promise<CaseDetailRows> {
  const row = await findCase(db, id);
  return { row, files: await filesOf(db, [row.entry.id]), assignments: await assignmentsOf(db, [row.entry.id], row.rubric) };
}
