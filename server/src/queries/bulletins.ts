import { bulletinRefusals, issueLabel, type ImportedIssue, type PageQuery } from '@zhijian/shared';
import { and, asc, count, desc, eq, inArray, isNotNull, max, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { articleFavourites, articleReads, bulletinArticles, bulletinIssues, groups, issueUnitReaders, members, units } from '../db/schema';
import { notFound, refuse } from '../errors';
import { paginate, type Page } from './paginate';

export type IssueRow = typeof bulletinIssues.$inferSelect;
export type ArticleRow = typeof bulletinArticles.$inferSelect;

/** The articles of an issue in reading order (the id breaks a tie left by an older import). */
const readingOrder = [asc(bulletinArticles.position), asc(bulletinArticles.id)];

/** The issue, or a 404 naming it. `lock` holds its row — and so its articles' order — until the transaction ends. */
export async function findIssue(db: Queryable, id: number, options: { lock?: boolean } = {}): Promise<IssueRow> {
  const query = db.select().from(bulletinIssues).where(eq(bulletinIssues.id, id));
  const [issue] = options.lock ? await query.for('update') : await query;
  if (!issue) throw notFound('简报');
  return issue;
}

export async function findArticle(db: Queryable, id: number): Promise<ArticleRow> {
  const [article] = await db.select().from(bulletinArticles).where(eq(bulletinArticles.id, id));
  if (!article) throw notFound('文章');
  return article;
}

export interface ArticleWithIssue {
  article: ArticleRow;
  issue: IssueRow;
}

/** The article and the issue it belongs to, or a 404 naming the article. */
export async function findArticleWithIssue(db: Queryable, id: number): Promise<ArticleWithIssue> {
  const [row] = await db
    .select({ article: bulletinArticles, issue: bulletinIssues })
    .from(bulletinArticles)
    .innerJoin(bulletinIssues, eq(bulletinIssues.id, bulletinArticles.issueId))
    .where(eq(bulletinArticles.id, id));
  if (!row) throw notFound('文章');
  return row;
}

// ── Issues: the list, one issue with its 导读

export interface IssueWithTitles {
  issue: IssueRow;
  /** Its article titles in reading order. */
  titles: string[];
  /** How many of its articles the reader has not read (0 when nobody is named). */
  unread: number;
}

/** Which of these articles the member has read: one lookup on the reads' primary key. */
export async function readArticleIds(db: Queryable, memberId: number | null, articleIds: number[]): Promise<Set<number>> {
  if (memberId === null || articleIds.length === 0) return new Set();
  const rows = await db
    .select({ articleId: articleReads.articleId })
    .from(articleReads)
    .where(and(eq(articleReads.memberId, memberId), inArray(articleReads.articleId, articleIds)));
  return new Set(rows.map((row) => row.articleId));
}

/** Each issue with its article titles and the reader's unread count, in two queries for all of them. */
async function withTitles(db: Queryable, issues: IssueRow[], readerId: number | null): Promise<IssueWithTitles[]> {
  const ids = issues.map((issue) => issue.id);
  const articles = ids.length
    ? await db
        .select({ id: bulletinArticles.id, issueId: bulletinArticles.issueId, title: bulletinArticles.title })
        .from(bulletinArticles)
        .where(inArray(bulletinArticles.issueId, ids))
        .orderBy(...readingOrder)
    : [];
  const read = await readArticleIds(
    db,
    readerId,
    articles.map((article) => article.id),
  );
  return issues.map((issue) => {
    const own = articles.filter((article) => article.issueId === issue.id);
    return {
      issue,
      titles: own.map((article) => article.title),
      unread: readerId === null ? 0 : own.filter((article) => !read.has(article.id)).length,
    };
  });
}

/** A page of issues, newest first (by year, then 期, then 总期), with their titles; all statuses when none is given. */
export async function listIssues(
  db: Queryable,
  query: PageQuery & { status?: IssueRow['status'] },
  readerId: number | null = null,
): Promise<Page<IssueWithTitles>> {
  const where = query.status ? eq(bulletinIssues.status, query.status) : undefined;
  const page = await paginate(query, {
    count: db.select({ n: count() }).from(bulletinIssues).where(where),
    rows: db
      .select()
      .from(bulletinIssues)
      .where(where)
      .orderBy(
        sql`${bulletinIssues.year} desc nulls last`,
        sql`${bulletinIssues.number} desc nulls last`,
        desc(bulletinIssues.totalNumber),
        desc(bulletinIssues.id),
      )
      .$dynamic(),
  });
  return { ...page, items: await withTitles(db, page.items, readerId) };
}

export interface TocRow {
  articleId: number;
  title: string;
  section: string | null;
  /** The reader has read it (false when nobody is named). */
  read: boolean;
}

export interface IssueDetailRows {
  issue: IssueRow;
  /** Its articles in reading order: the 导读. */
  articles: TocRow[];
}

/** An issue with its 导读, each entry marked read or not for the reader when one is named. */
export async function loadIssueDetail(db: Queryable, issueId: number, readerId: number | null = null): Promise<IssueDetailRows> {
  const issue = await findIssue(db, issueId);
  const articles = await db
    .select({ articleId: bulletinArticles.id, title: bulletinArticles.title, section: bulletinArticles.section })
    .from(bulletinArticles)
    .where(eq(bulletinArticles.issueId, issueId))
    .orderBy(...readingOrder);
  const read = await readArticleIds(
    db,
    readerId,
    articles.map((article) => article.articleId),
  );
  return { issue, articles: articles.map((article) => ({ ...article, read: read.has(article.articleId) })) };
}

/** The ids of an issue's articles in reading order. */
export async function articleIdsOf(db: Queryable, issueId: number): Promise<number[]> {
  const rows = await db
    .select({ id: bulletinArticles.id })
    .from(bulletinArticles)
    .where(eq(bulletinArticles.issueId, issueId))
    .orderBy(...readingOrder);
  return rows.map((row) => row.id);
}

/** An issue's articles, whole, in reading order. */
export async function articlesOf(db: Queryable, issueId: number): Promise<ArticleRow[]> {
  return db
    .select()
    .from(bulletinArticles)
    .where(eq(bulletinArticles.issueId, issueId))
    .orderBy(...readingOrder);
}

/** The position of the issue's last article; 0 for an issue without articles. */
export async function lastArticlePosition(db: Queryable, issueId: number): Promise<number> {
  const [last] = await db
    .select({ position: max(bulletinArticles.position) })
    .from(bulletinArticles)
    .where(eq(bulletinArticles.issueId, issueId));
  return last?.position ?? 0;
}

// ── Issue numbers (期号): an issue is known by 总期, or by year + 期

export type IssueKey = Pick<IssueRow, 'year' | 'number' | 'totalNumber'>;

/** Whether the issue can be stored at all: by 总期, or by year + 期. */
export function hasIssueKey(issue: IssueKey): boolean {
  return issue.totalNumber !== null || (issue.year !== null && issue.number !== null);
}

/** Another stored issue that already carries this 总期 or this year + 期, if any. */
export async function findIssueWithKey(db: Queryable, key: IssueKey, exceptId?: number): Promise<IssueRow | undefined> {
  const same: SQL[] = [];
  if (key.totalNumber !== null) same.push(eq(bulletinIssues.totalNumber, key.totalNumber));
  if (key.year !== null && key.number !== null) same.push(and(eq(bulletinIssues.year, key.year), eq(bulletinIssues.number, key.number))!);
  if (same.length === 0) return undefined;
  const [issue] = await db
    .select()
    .from(bulletinIssues)
    .where(and(or(...same), exceptId === undefined ? undefined : ne(bulletinIssues.id, exceptId)))
    .orderBy(asc(bulletinIssues.id))
    .limit(1);
  return issue;
}

/** What an import is told when neither the file nor the query says which issue it is (a preview warns the same). */
export const IMPORT_NEEDS_ISSUE_NUMBER =
  '无法确定期号：报头中既没有“总第 N 期”，也没有年份和期号，请用参数指定期号（总期号，或年份加期号）';

/** 2016 年第 2 期 总第 36 期: an issue's numbers as the importer names them. */
function numbersOf(issue: IssueKey): string {
  const parts: string[] = [];
  if (issue.year !== null && issue.number !== null) parts.push(`${issue.year} 年第 ${issue.number} 期`);
  if (issue.totalNumber !== null) parts.push(`总第 ${issue.totalNumber} 期`);
  return parts.join(' ');
}

/**
 * The stored issue an imported one is, if any: same 总期; or, when the stored one has no 总期 yet,
 * same year + 期. Refuses an issue without 期号, and one whose year + 期 belong to a stored issue
 * with another 总期.
 */
export async function findImportTarget(db: Queryable, issue: ImportedIssue): Promise<IssueRow | undefined> {
  if (!hasIssueKey(issue)) throw refuse(bulletinRefusals.issue_number_missing, {}, IMPORT_NEEDS_ISSUE_NUMBER);
  const hasYearNumber = issue.year !== null && issue.number !== null;
  const [byTotal] =
    issue.totalNumber === null ? [] : await db.select().from(bulletinIssues).where(eq(bulletinIssues.totalNumber, issue.totalNumber));
  const [byYearNumber] = hasYearNumber
    ? await db
        .select()
        .from(bulletinIssues)
        .where(and(eq(bulletinIssues.year, issue.year!), eq(bulletinIssues.number, issue.number!)))
    : [];

  if (byYearNumber && byYearNumber.id !== byTotal?.id) {
    const storedTotal = byYearNumber.totalNumber;
    if (byTotal || (storedTotal !== null && storedTotal !== issue.totalNumber)) {
      throw refuse(
        bulletinRefusals.issue_number_taken,
        { issueId: byYearNumber.id, label: issueLabel(byYearNumber) },
        `${issue.year} 年第 ${issue.number} 期已存在（${numbersOf(byYearNumber)}），与本次导入的${numbersOf(issue)}不符，请核对期号`,
      );
    }
  }
  if (byTotal) return byTotal;
  if (issue.totalNumber !== null) return byYearNumber?.totalNumber === null ? byYearNumber : undefined;
  return byYearNumber;
}

// ── One article as a member reads it

export interface ArticleViewRows extends ArticleWithIssue {
  /** Every article of the issue in reading order, for 上一篇 and 下一篇. */
  siblings: Array<{ id: number; title: string }>;
  read: boolean;
  favourite: boolean;
}

/** What the reader's page shows of an article: the issue around it and the reader's own marks. */
export async function loadArticleView(db: Queryable, { article, issue }: ArticleWithIssue, readerId: number): Promise<ArticleViewRows> {
  const siblings = await db
    .select({ id: bulletinArticles.id, title: bulletinArticles.title })
    .from(bulletinArticles)
    .where(eq(bulletinArticles.issueId, issue.id))
    .orderBy(...readingOrder);
  const [favourite] = await db
    .select({ at: articleFavourites.createdAt })
    .from(articleFavourites)
    .where(and(eq(articleFavourites.memberId, readerId), eq(articleFavourites.articleId, article.id)));
  return { article, issue, siblings, read: await hasRead(db, readerId, article.id), favourite: Boolean(favourite) };
}

export async function hasRead(db: Queryable, memberId: number, articleId: number): Promise<boolean> {
  const [read] = await db
    .select({ at: articleReads.readAt })
    .from(articleReads)
    .where(and(eq(articleReads.memberId, memberId), eq(articleReads.articleId, articleId)));
  return Boolean(read);
}

// ── The reader's own lists: 我的收藏, 我的阅读记录

export interface MemberArticleRow {
  articleId: number;
  title: string;
  issueId: number;
  year: number | null;
  number: number | null;
  totalNumber: number | null;
  /** When it was read or kept. */
  at: Date;
}

const TRACES = {
  reads: { table: articleReads, at: articleReads.readAt },
  favourites: { table: articleFavourites, at: articleFavourites.createdAt },
} as const;

/** A page of the articles a member read or kept, latest first; articles of issues no longer published are left out. */
export async function listMemberArticles(
  db: Queryable,
  kind: keyof typeof TRACES,
  memberId: number,
  query: PageQuery,
): Promise<Page<MemberArticleRow>> {
  const { table, at } = TRACES[kind];
  const where = and(eq(table.memberId, memberId), eq(bulletinIssues.status, 'published'));
  return paginate(query, {
    count: db
      .select({ n: count() })
      .from(table)
      .innerJoin(bulletinArticles, eq(bulletinArticles.id, table.articleId))
      .innerJoin(bulletinIssues, eq(bulletinIssues.id, bulletinArticles.issueId))
      .where(where),
    rows: db
      .select({
        articleId: bulletinArticles.id,
        title: bulletinArticles.title,
        issueId: bulletinIssues.id,
        year: bulletinIssues.year,
        number: bulletinIssues.number,
        totalNumber: bulletinIssues.totalNumber,
        at,
      })
      .from(table)
      .innerJoin(bulletinArticles, eq(bulletinArticles.id, table.articleId))
      .innerJoin(bulletinIssues, eq(bulletinIssues.id, bulletinArticles.issueId))
      .where(where)
      .orderBy(desc(at))
      .$dynamic(),
  });
}

// ── Reading statistics

export interface UnitReadersRow {
  unitId: number;
  name: string;
  groupId: number;
  groupName: string;
  members: number;
  /** Members of the unit who read at least one article of the issue. */
  readers: number;
}

/**
 * Per unit (in the association's order), its members and how many of them read the issue: the
 * members counted by unit, and the issue's readers per unit as the database keeps them
 * (`issue_unit_readers`, a row per unit whatever the number of reads). Joining each read to its
 * member instead read every read of the issue and every member: 400,000 and 160,000 at 25×.
 */
export async function loadIssueReaders(db: Queryable, issueId: number): Promise<UnitReadersRow[]> {
  const roster = db
    .select({ unitId: sql<number>`${members.unitId}`.as('roster_unit_id'), n: sql<number>`count(*)::int`.as('roster_n') })
    .from(members)
    .where(isNotNull(members.unitId))
    .groupBy(members.unitId)
    .as('roster');
  const readers = db
    .select({ unitId: issueUnitReaders.unitId, n: issueUnitReaders.readers })
    .from(issueUnitReaders)
    .where(eq(issueUnitReaders.issueId, issueId))
    .as('readers');
  return db
    .select({
      unitId: units.id,
      name: units.name,
      groupId: groups.id,
      groupName: groups.name,
      members: sql<number>`coalesce(${roster.n}, 0)::int`,
      readers: sql<number>`coalesce(${readers.n}, 0)::int`,
    })
    .from(units)
    .innerJoin(groups, eq(groups.id, units.groupId))
    .leftJoin(roster, eq(roster.unitId, units.id))
    .leftJoin(readers, eq(readers.unitId, units.id))
    .orderBy(asc(groups.sortOrder), asc(units.id));
}
