import { eq } from 'drizzle-orm';
import type { ParsedBulletin } from '../bulletinImport/types';
import { articleSearchFields } from '../bulletinSearch/articleSearchFields';
import { bulletinArticles, bulletinIssues } from '../db/schema';
import { articlesOf, findImportTarget, type ArticleRow, type IssueRow } from '../queries/bulletins';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * Writes one parsed newsletter issue. The issue is found by 总期 when the file (or a flag) gives
 * it, otherwise by year + 期; importing the same issue again updates it in place. Articles are
 * matched to the stored ones by title, so their ids — and the reads and favourites hanging off
 * them — survive a re-import; new ones are added, the ones no longer in the file removed.
 */

export interface SaveImportProps {
  parsed: ParsedBulletin;
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

/** 09:00 in Hangzhou on the issue's date: when a back-catalogue issue counts as published. */
function backCataloguePublishedAt(date: string | null, now: Date): Date {
  return date ? new Date(`${date}T09:00:00+08:00`) : now;
}

/** What the audit log keeps of an issue: the header and the article titles, not the bodies. */
function auditedIssue(issue: IssueRow, titles: string[]) {
  return {
    year: issue.year,
    number: issue.number,
    totalNumber: issue.totalNumber,
    date: issue.date,
    status: issue.status,
    articles: titles,
  };
}

/** What an import did to the issue's articles, for the audit log. */
interface ArticleCounts {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
}

async function saveArticles(ctx: CommandContext, issueId: number, stored: ArticleRow[], parsed: ParsedBulletin): Promise<ArticleCounts> {
  const { tx, now } = ctx;
  // Titles may repeat within an issue (two 协会动态 pieces); take the stored ones in order.
  const byTitle = new Map<string, ArticleRow[]>();
  for (const article of stored) byTitle.set(article.title, [...(byTitle.get(article.title) ?? []), article]);

  const changes: ArticleCounts = { added: 0, updated: 0, unchanged: 0, removed: 0 };
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

/**
 * Creates or updates the issue and its articles. Audited when someone signed in imports; the
 * command line and the demo loader (no actor) leave no entry.
 */
export async function saveImportedBulletin(
  ctx: CommandContext,
  { parsed, status: newStatus, source }: SaveImportProps,
): Promise<SaveImportResult> {
  const { issue } = parsed;
  const { tx, now } = ctx;
  const existing = await findImportTarget(tx, issue);
  const stored = existing ? await articlesOf(tx, existing.id) : [];

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
  const status = existing?.status === 'published' ? 'published' : newStatus;
  const publishedAt = status === 'published' ? (existing?.publishedAt ?? backCataloguePublishedAt(header.date, now)) : null;

  const [saved] = existing
    ? await tx
        .update(bulletinIssues)
        .set({ ...header, status, publishedAt, updatedAt: now })
        .where(eq(bulletinIssues.id, existing.id))
        .returning()
    : await tx
        .insert(bulletinIssues)
        .values({ ...header, titleLines: TITLE_LINES, status, publishedAt, createdAt: now, updatedAt: now })
        .returning();
  const changes = await saveArticles(ctx, saved!.id, stored, parsed);

  if (ctx.actor) {
    await audit(ctx, {
      action: 'bulletin.import',
      entity: 'bulletin_issue',
      entityId: saved!.id,
      before: existing
        ? auditedIssue(
            existing,
            stored.map((article) => article.title),
          )
        : null,
      after: {
        ...auditedIssue(
          saved!,
          parsed.articles.map((article) => article.title),
        ),
        source: source ?? null,
        ...changes,
      },
    });
  }
  return { issueId: saved!.id, created: !existing };
}
