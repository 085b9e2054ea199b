import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Queryable, Transaction } from '../db/client';
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

/**
 * Substring search over titles and bodies. The GIN index on `bigrams` narrows the candidates to
 * articles holding every two-character piece of the query; `strpos` on the normalised text then
 * keeps only true substring matches. Title hits rank first, then hits in the body only; within
 * each, the newest issue first (the README's promise: a reader looks for the latest word on a
 * subject, and an old article that repeats the word often must not bury it). The number of hits
 * in the body only breaks ties within one issue.
 *
 * Not `paginate()`: the total comes with the page, from `count(*) over ()` in the same query under
 * the same planner settings, so a search reads the index once; only a page past the end counts apart.
 */
export async function searchArticles(db: Queryable, rawQuery: string, options: SearchOptions): Promise<Page<SearchRow>> {
  const query = normalizeForSearch(rawQuery);
  const grams = bigramsOf(query);
  const filters: SQL[] = [
    sql`${bulletinArticles.bigrams} @> ${sql.param(grams)}::text[]`,
    sql`(strpos(${bulletinArticles.searchTitle}, ${query}) > 0 or strpos(${bulletinArticles.searchBody}, ${query}) > 0)`,
  ];
  if (!options.includeDrafts) filters.push(eq(bulletinIssues.status, 'published'));
  const where = and(...filters);
  const titleHit = sql<boolean>`strpos(${bulletinArticles.searchTitle}, ${query}) > 0`;
  // Counted in bytes: the same count (replace removes whole occurrences), without two passes that
  // count the characters of every matching body (a third of a search's time at 50 years of issues).
  const bodyHits = sql<number>`(octet_length(${bulletinArticles.searchBody}) - octet_length(replace(${bulletinArticles.searchBody}, ${query}, ''))) / ${Buffer.byteLength(query, 'utf8')}`;

  // Ranked by id first — the order keys and the window count, over every match — and only the
  // page's rows then read their title, text and issue: the full text of each match is no longer
  // carried through the sort (with `count(*) over ()`, that read every match's text).
  const rows = await preferBigramIndex(db, (tx) => {
    const ranked = tx
      .select({
        id: sql<number>`${bulletinArticles.id}`.as('ranked_id'),
        titleHit: titleHit.as('title_hit'),
        bodyHits: bodyHits.as('body_hits'),
        date: sql<string | null>`${bulletinIssues.date}`.as('issue_date'),
        total: sql<number>`count(*) over ()`.as('total'),
      })
      .from(bulletinArticles)
      .innerJoin(bulletinIssues, eq(bulletinIssues.id, bulletinArticles.issueId))
      .where(where)
      .orderBy(desc(titleHit), sql`${bulletinIssues.date} desc nulls last`, desc(bodyHits), asc(bulletinArticles.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize)
      .as('ranked');
    return tx
      .select({
        articleId: bulletinArticles.id,
        title: bulletinArticles.title,
        plainText: bulletinArticles.plainText,
        issueId: bulletinIssues.id,
        year: bulletinIssues.year,
        number: bulletinIssues.number,
        totalNumber: bulletinIssues.totalNumber,
        date: bulletinIssues.date,
        titleHit: ranked.titleHit,
        total: sql<number>`${ranked.total}`.mapWith(Number),
      })
      .from(ranked)
      .innerJoin(bulletinArticles, eq(bulletinArticles.id, ranked.id))
      .innerJoin(bulletinIssues, eq(bulletinIssues.id, bulletinArticles.issueId))
      .orderBy(desc(ranked.titleHit), sql`${ranked.date} desc nulls last`, desc(ranked.bodyHits), asc(ranked.id));
  });
  // Past the last page there are no rows to carry the total; count separately only then.
  const total =
    rows[0]?.total ??
    (options.page > 1
      ? ((
          await db
            .select({ n: count() })
            .from(bulletinArticles)
            .innerJoin(bulletinIssues, eq(bulletinIssues.id, bulletinArticles.issueId))
            .where(where)
        )[0]?.n ?? 0)
      : 0);

  const items = rows.map(({ total: _total, ...row }) => ({ ...row, titleHit: Boolean(row.titleHit) }));
  return { items, total, page: options.page, pageSize: options.pageSize };
}
