import { issueLabel, type SearchHit } from '@zhijian/shared';
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { bulletinArticles, bulletinIssues } from '../db/schema';
import { bigramsOf, highlight, normalizeForSearch, snippet } from './text';

export interface SearchOptions {
  page: number;
  pageSize: number;
  includeDrafts: boolean;
}

/**
 * Substring search over titles and bodies. The GIN index on `bigrams` narrows the candidates to
 * articles holding every two-character piece of the query; `strpos` on the normalised text then
 * keeps only true substring matches. Title hits rank first, then the number of hits in the body,
 * then the newest issue.
 */
export async function searchArticles(db: Queryable, rawQuery: string, options: SearchOptions) {
  const query = normalizeForSearch(rawQuery);
  const grams = bigramsOf(query);
  const filters: SQL[] = [
    sql`${bulletinArticles.bigrams} @> ${sql.param(grams)}::text[]`,
    sql`(strpos(${bulletinArticles.searchTitle}, ${query}) > 0 or strpos(${bulletinArticles.searchBody}, ${query}) > 0)`,
  ];
  if (!options.includeDrafts) filters.push(eq(bulletinIssues.status, 'published'));
  const where = and(...filters);
  const titleHit = sql<boolean>`strpos(${bulletinArticles.searchTitle}, ${query}) > 0`;
  const bodyHits = sql<number>`(length(${bulletinArticles.searchBody}) - length(replace(${bulletinArticles.searchBody}, ${query}, ''))) / ${query.length}`;

  const [total] = await db
    .select({ n: count() })
    .from(bulletinArticles)
    .innerJoin(bulletinIssues, eq(bulletinIssues.id, bulletinArticles.issueId))
    .where(where);
  const rows = await db
    .select({
      articleId: bulletinArticles.id,
      title: bulletinArticles.title,
      plainText: bulletinArticles.plainText,
      issueId: bulletinIssues.id,
      year: bulletinIssues.year,
      number: bulletinIssues.number,
      totalNumber: bulletinIssues.totalNumber,
      date: bulletinIssues.date,
      titleHit,
    })
    .from(bulletinArticles)
    .innerJoin(bulletinIssues, eq(bulletinIssues.id, bulletinArticles.issueId))
    .where(where)
    .orderBy(desc(titleHit), desc(bodyHits), sql`${bulletinIssues.date} desc nulls last`, asc(bulletinArticles.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);

  const needle = rawQuery.trim();
  const items: SearchHit[] = rows.map((row) => ({
    articleId: row.articleId,
    issueId: row.issueId,
    issueLabel: issueLabel(row),
    date: row.date,
    title: highlight(row.title, needle),
    snippet: snippet(row.plainText, needle),
    titleHit: Boolean(row.titleHit),
  }));
  return { items, total: total?.n ?? 0, page: options.page, pageSize: options.pageSize };
}
