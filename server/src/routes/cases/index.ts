import type Router from '@koa/router';
import { agreement, api, type CaseListItem } from '@zhijian/shared';
import { and, asc, count, desc, eq, ilike, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { calls, entries, entryFiles, units } from '../../db/schema';
import { notFound } from '../../errors';
import { filesOf, splitFiles } from '../../presenters/entryFile';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';
import { placeEntryInBulletin } from '../../submissions/placeInBulletin';
import { assignmentsOf, submittedScores } from '../../submissions/reviewScores';
import { likePattern } from '../desk/registration';

/** Published entries whose tier is a showcase tier of their call: the 案例库. */
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

function listItem(row: {
  entry: typeof entries.$inferSelect;
  unitName: string;
  callTitle: string;
  callKind: CaseListItem['callKind'];
  year: number;
  coverImageId: number | null;
}): CaseListItem {
  return {
    entryId: row.entry.id,
    title: row.entry.title,
    category: row.entry.category,
    summary: row.entry.summary,
    unitName: row.unitName,
    callId: row.entry.callId,
    callTitle: row.callTitle,
    callKind: row.callKind,
    year: row.year,
    tier: row.entry.tier!,
    coverImageId: row.coverImageId === null ? null : Number(row.coverImageId),
  };
}

async function findCase(db: Queryable, id: number) {
  const [row] = await db
    .select({ ...caseColumns, rubric: calls.rubric })
    .from(entries)
    .innerJoin(calls, eq(calls.id, entries.callId))
    .innerJoin(units, eq(units.id, entries.unitId))
    .where(and(eq(entries.id, id), isPublishedCase));
  if (!row) throw notFound('案例');
  return row;
}

/** Every member browses and searches the published excellent cases; the secretariat places them in the 简报. */
export function caseRoutes(services: AppServices, router: Router): Router {
  const { db, clock } = services;

  mount(router, services, api.cases.list, async ({ query }) => {
    const pattern = query.q ? likePattern(query.q) : undefined;
    const where = and(
      isPublishedCase,
      query.callId ? eq(entries.callId, query.callId) : undefined,
      query.category ? eq(entries.category, query.category) : undefined,
      pattern
        ? or(ilike(entries.title, pattern), ilike(entries.summary, pattern), ilike(entries.body, pattern), ilike(units.name, pattern))
        : undefined,
    );
    const from = () =>
      db.select(caseColumns).from(entries).innerJoin(calls, eq(calls.id, entries.callId)).innerJoin(units, eq(units.id, entries.unitId));
    const [total] = await db
      .select({ n: count() })
      .from(entries)
      .innerJoin(calls, eq(calls.id, entries.callId))
      .innerJoin(units, eq(units.id, entries.unitId))
      .where(where);
    const rows = await from()
      .where(where)
      .orderBy(desc(calls.resultsPublishedAt), asc(entries.registrationSequence), asc(entries.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    return { items: rows.map(listItem), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
  });

  mount(router, services, api.cases.get, async ({ params }) => {
    const row = await findCase(db, params.id);
    const assignments = await assignmentsOf(db, [row.entry.id], row.rubric);
    return {
      ...listItem(row),
      registrationNumber: row.entry.registrationNumber,
      body: row.entry.body,
      mean: agreement(submittedScores(assignments, row.entry.id)).mean,
      ...splitFiles(await filesOf(db, [row.entry.id])),
      opinions: assignments.filter((a) => a.status === 'active' && a.reviewStatus === 'submitted' && a.opinion).map((a) => a.opinion!),
      publishedAt: row.publishedAt!.toISOString(),
    };
  });

  mount(router, services, api.cases.placeInBulletin, async ({ params, body, user }) =>
    db.transaction(async (tx) => {
      const row = await findCase(tx, params.id);
      return placeEntryInBulletin(tx, {
        entry: row.entry,
        unitName: row.unitName,
        issueId: body.issueId,
        section: body.section,
        kind: 'case',
        actor: user,
        at: clock.now(),
      });
    }),
  );

  return router;
}
