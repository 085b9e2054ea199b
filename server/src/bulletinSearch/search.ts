import { and, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable, Transaction } from '../db/client';
import { selectRows } from '../db/client';
import { bulletinArticles, bulletinIssues } from '../db/schema';
import type { Page } from '../queries/paginate';
import { bigramsOf, normalizeForSearch } from './text';

/**
 * Runs `query` in a transaction that steers the planner to the bigram GIN index. The arrays live
 * out of line (TOAST), which the planner does not cost: it prefers a sequential scan that must
 * decompress every article's array. A bitmap scan of the index is the fast path (`npm run bench:search`).
 */
export function preferBigramIndex<T>(db: Queryable, query: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // Plain index scans are off too, or the planner walks another index over every row instead.
    await tx.execute(sql`set local enable_seqscan = off`);
    await tx.execute(sql`set local enable_indexscan = off`);
    return query(tx);
  });
}

/** An article that matches, with what its hit shows (`presentSearchHit` marks the query in it). */
export interface SearchRow {
  articleId: number;
  title: string;
  plainText: string;
  issueId: number;
  year: number | null;
  number: number | null;
  totalNumber: number | null;
  date: string | null;
  titleHit: boolean;
}

export interface SearchOptions {
  page: number;
  pageSize: number;
  includeDrafts: boolean;
}

/** Whether the index alone answers the query: two characters are one bigram, and holding it is containing them. */
export function indexAnswersExactly(query: string): boolean {
  return Array.from(query).length === 2;
}

/**
 * Substring search over titles and bodies. The GIN index on `bigrams` narrows the candidates to
 * articles holding every two-character piece of the query; `strpos` on the normalised text then
 * keeps only true substring matches — except for a two-character query, which the index answers
 * exactly (its one bigram is in the array only if title or body contains it), so no body is read.
 *
 * Title hits rank first, then hits in the body only; within each, the newest issue first (the
 * README's promise: a reader looks for the latest word on a subject, and an old article that
 * repeats the word often must not bury it). The number of hits in the body only breaks ties
 * within one issue date — so it is counted only for the articles of the (title hit, date) groups
 * that reach the page: those before it and the one its last row falls in. The other matches, ~3,000
 * for 党建 over 50 years, are ranked by id, title and date alone, and their bodies never read.
 *
 * Not `paginate()`: the total comes with the page, from the same pass over the matches under the
 * same planner settings, so a search reads the index once; only a page past the end counts apart.
 */
export async function searchArticles(db: Queryable, rawQuery: string, options: SearchOptions): Promise<Page<SearchRow>> {
  const query = normalizeForSearch(rawQuery);
  const grams = bigramsOf(query);
  const filters: SQL[] = [sql`${bulletinArticles.bigrams} @> ${sql.param(grams)}::text[]`];
  if (!indexAnswersExactly(query)) {
    filters.push(sql`(strpos(${bulletinArticles.searchTitle}, ${query}) > 0 or strpos(${bulletinArticles.searchBody}, ${query}) > 0)`);
  }
  if (!options.includeDrafts) filters.push(eq(bulletinIssues.status, 'published'));
  const where = and(...filters)!;
  const offset = (options.page - 1) * options.pageSize;
  // Counted in bytes: the same count (replace removes whole occurrences), without two passes that
  // count the characters of the body.
  const bodyHits = sql`(octet_length(a.search_body) - octet_length(replace(a.search_body, ${query}, ''))) / ${Buffer.byteLength(query, 'utf8')}`;

  const ranked = await preferBigramIndex(db, (tx) =>
    selectRows<{ id: number; titleHit: boolean; total: number }>(
      tx,
      sql`with matches as materialized (
            select ${bulletinArticles.id} as id, strpos(${bulletinArticles.searchTitle}, ${query}) > 0 as title_hit,
                   ${bulletinIssues.date} as issue_date, count(*) over () as total,
                   dense_rank() over (order by strpos(${bulletinArticles.searchTitle}, ${query}) > 0 desc, ${bulletinIssues.date} desc nulls last) as grp,
                   row_number() over (order by strpos(${bulletinArticles.searchTitle}, ${query}) > 0 desc, ${bulletinIssues.date} desc nulls last, ${bulletinArticles.id}) as pos
              from ${bulletinArticles} join ${bulletinIssues} on ${bulletinIssues.id} = ${bulletinArticles.issueId}
             where ${where}
          ),
          -- The group of the page's last row (every group when the matches end before it).
          reach as (select coalesce(max(grp) filter (where pos = ${offset + options.pageSize}), max(grp)) as grp from matches)
          select m.id::int as "id", m.title_hit as "titleHit", m.total::int as "total"
            from matches m join bulletin_articles a on a.id = m.id
           where m.grp <= (select grp from reach)
           order by m.title_hit desc, m.issue_date desc nulls last, ${bodyHits} desc, m.id
           limit ${options.pageSize} offset ${offset}`,
    ),
  );

  const ids = ranked.map((row) => Number(row.id));
  const found =
    ids.length === 0
      ? []
      : await db
          .select({
            articleId: bulletinArticles.id,
            title: bulletinArticles.title,
            plainText: bulletinArticles.plainText,
            issueId: bulletinIssues.id,
            year: bulletinIssues.year,
            number: bulletinIssues.number,
            totalNumber: bulletinIssues.totalNumber,
            date: bulletinIssues.date,
          })
          .from(bulletinArticles)
          .innerJoin(bulletinIssues, eq(bulletinIssues.id, bulletinArticles.issueId))
          .where(inArray(bulletinArticles.id, ids));
  const byId = new Map(found.map((row) => [row.articleId, row]));
  const items = ranked.flatMap((row) => {
    const article = byId.get(Number(row.id));
    return article ? [{ ...article, titleHit: Boolean(row.titleHit) }] : [];
  });

  // Past the last page there are no rows to carry the total; count separately only then.
  const total =
    ranked[0] !== undefined
      ? Number(ranked[0].total)
      : options.page > 1
        ? ((
            await db
              .select({ n: count() })
              .from(bulletinArticles)
              .innerJoin(bulletinIssues, eq(bulletinIssues.id, bulletinArticles.issueId))
              .where(where)
          )[0]?.n ?? 0)
        : 0;
  return { items, total, page: options.page, pageSize: options.pageSize };
}
