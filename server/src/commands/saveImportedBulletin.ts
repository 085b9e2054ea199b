import { and, asc, eq } from 'drizzle-orm';
import type { CurrentUser } from '../auth/currentUser';
import type { BulletinIssue, ParsedBulletin } from '../bulletinImport/types';
import { articleSearchFields } from '../bulletinSearch/articleSearchFields';
import type { Queryable, Transaction } from '../db/client';
import { bulletinArticles, bulletinIssues } from '../db/schema';
import { conflict, legacyError } from '../legacyErrors';
import { recordAudit } from './recordAudit';

/**
 * Writes one parsed newsletter issue. The issue is found by 总期 when the file (or a flag) gives
 * it, otherwise by year + 期; importing the same issue again updates it in place. Articles are
 * matched to the stored ones by title, so their ids — and the reads and favourites hanging off
 * them — survive a re-import; new ones are added, the ones no longer in the file removed.
 */

type IssueRow = typeof bulletinIssues.$inferSelect;
type ArticleRow = typeof bulletinArticles.$inferSelect;

export interface SaveImportOptions {
  /** Who imports; null for the command line and the demo loader (nothing is audited then). */
  actor: CurrentUser | null;
  now: Date;
  /** Status of a newly created issue; an already published issue is never turned back into a draft. */
  status: 'draft' | 'published';
  /** File name, for the audit log. */
  source?: string;
}

export interface SaveImportResult {
  issueId: number;
  created: boolean;
}

/** The title lines every printed issue carries; the parser does not keep them. */
const TITLE_LINES = ['内部刊物', '注意保存'];

export const NO_KEY_MESSAGE = '无法确定期号：报头中既没有“总第 N 期”，也没有年份和期号，请用参数指定期号（总期号，或年份加期号）';

function label(issue: Pick<BulletinIssue, 'year' | 'number' | 'totalNumber'>): string {
  const parts: string[] = [];
  if (issue.year !== null && issue.number !== null) parts.push(`${issue.year} 年第 ${issue.number} 期`);
  if (issue.totalNumber !== null) parts.push(`总第 ${issue.totalNumber} 期`);
  return parts.join(' ');
}

/** Whether the issue can be stored at all: by 总期, or by year + 期. */
export function hasIssueKey(issue: BulletinIssue): boolean {
  return issue.totalNumber !== null || (issue.year !== null && issue.number !== null);
}

/**
 * The stored issue this one is, if any: same 总期; or, when the stored one has no 总期 yet, same
 * year + 期. Throws when the key is missing or the two keys point at different issues.
 */
export async function findImportTarget(db: Queryable, issue: BulletinIssue): Promise<IssueRow | undefined> {
  if (!hasIssueKey(issue)) throw legacyError('invalid_input', NO_KEY_MESSAGE);
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
      throw conflict(`${issue.year} 年第 ${issue.number} 期已存在（${label(byYearNumber)}），与本次导入的${label(issue)}不符，请核对期号`, {
        issueId: byYearNumber.id,
      });
    }
  }
  if (byTotal) return byTotal;
  if (issue.totalNumber !== null) return byYearNumber?.totalNumber === null ? byYearNumber : undefined;
  return byYearNumber;
}

/** 09:00 in Hangzhou on the issue's date: when a back-catalogue issue counts as published. */
export function backCataloguePublishedAt(date: string | null, now: Date): Date {
  return date ? new Date(`${date}T09:00:00+08:00`) : now;
}

/** What the audit log keeps of an issue: the header and the article titles, not the bodies. */
function issueSummary(issue: IssueRow, titles: string[]) {
  return {
    year: issue.year,
    number: issue.number,
    totalNumber: issue.totalNumber,
    date: issue.date,
    status: issue.status,
    articles: titles,
  };
}

interface ArticleChanges {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
}

async function saveArticles(tx: Transaction, issueId: number, parsed: ParsedBulletin, now: Date): Promise<ArticleChanges> {
  const stored = await tx
    .select()
    .from(bulletinArticles)
    .where(eq(bulletinArticles.issueId, issueId))
    .orderBy(asc(bulletinArticles.position), asc(bulletinArticles.id));
  // Titles may repeat within an issue (two 协会动态 pieces); take the stored ones in order.
  const byTitle = new Map<string, ArticleRow[]>();
  for (const article of stored) byTitle.set(article.title, [...(byTitle.get(article.title) ?? []), article]);

  const changes: ArticleChanges = { added: 0, updated: 0, unchanged: 0, removed: 0 };
  const kept = new Set<number>();
  for (const [index, article] of parsed.articles.entries()) {
    const position = index + 1;
    const match = byTitle.get(article.title)?.shift();
    const values = { position, title: article.title, section: article.section, blocks: article.blocks };
    if (!match) {
      await tx
        .insert(bulletinArticles)
        .values({ issueId, ...values, ...articleSearchFields(article.title, article.blocks), createdAt: now, updatedAt: now });
      changes.added += 1;
      continue;
    }
    kept.add(match.id);
    const same =
      match.position === position && match.section === article.section && JSON.stringify(match.blocks) === JSON.stringify(article.blocks);
    if (same) {
      changes.unchanged += 1;
      continue;
    }
    await tx
      .update(bulletinArticles)
      .set({ ...values, ...articleSearchFields(article.title, article.blocks), updatedAt: now })
      .where(eq(bulletinArticles.id, match.id));
    changes.updated += 1;
  }
  for (const article of stored) {
    if (kept.has(article.id)) continue;
    await tx.delete(bulletinArticles).where(eq(bulletinArticles.id, article.id));
    changes.removed += 1;
  }
  return changes;
}

async function articleTitles(tx: Transaction, issueId: number): Promise<string[]> {
  const rows = await tx
    .select({ title: bulletinArticles.title })
    .from(bulletinArticles)
    .where(eq(bulletinArticles.issueId, issueId))
    .orderBy(asc(bulletinArticles.position), asc(bulletinArticles.id));
  return rows.map((row) => row.title);
}

/** Creates or updates the issue and its articles; call inside a transaction (`db.transaction`). */
export async function saveImportedBulletin(tx: Transaction, parsed: ParsedBulletin, options: SaveImportOptions): Promise<SaveImportResult> {
  const { issue } = parsed;
  const { now } = options;
  const existing = await findImportTarget(tx, issue);
  const beforeTitles = existing ? await articleTitles(tx, existing.id) : [];

  // A value the file does not give keeps what is stored (e.g. a date given by flag last time).
  const header = {
    year: issue.year ?? existing?.year ?? null,
    number: issue.number ?? existing?.number ?? null,
    totalNumber: issue.totalNumber ?? existing?.totalNumber ?? null,
    date: issue.date ?? existing?.date ?? null,
    publisher: issue.publisher ?? existing?.publisher ?? null,
    distributionReport: issue.distribution.report,
    distributionSend: issue.distribution.send,
  };
  const status = existing?.status === 'published' ? 'published' : options.status;
  const publishedAt = status === 'published' ? (existing?.publishedAt ?? backCataloguePublishedAt(header.date, now)) : null;

  let saved: IssueRow;
  if (existing) {
    [saved] = (await tx
      .update(bulletinIssues)
      .set({ ...header, status, publishedAt, updatedAt: now })
      .where(eq(bulletinIssues.id, existing.id))
      .returning()) as [IssueRow];
  } else {
    [saved] = (await tx
      .insert(bulletinIssues)
      .values({ ...header, titleLines: TITLE_LINES, status, publishedAt, createdAt: now, updatedAt: now })
      .returning()) as [IssueRow];
  }
  const changes = await saveArticles(tx, saved.id, parsed, now);

  if (options.actor) {
    await recordAudit(tx, {
      actor: options.actor,
      action: 'bulletin.import',
      entity: 'bulletin_issue',
      entityId: saved.id,
      before: existing ? issueSummary(existing, beforeTitles) : null,
      after: {
        ...issueSummary(
          saved,
          parsed.articles.map((article) => article.title),
        ),
        source: options.source ?? null,
        ...changes,
      },
      at: now,
    });
  }
  return { issueId: saved.id, created: !existing };
}
