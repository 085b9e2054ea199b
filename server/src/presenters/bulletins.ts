import { issueLabel, type IssueDetail, type IssueSummary } from '@zhijian/shared';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { bulletinArticles, bulletinIssues } from '../db/schema';
import { notFound } from '../errors';

type IssueRow = typeof bulletinIssues.$inferSelect;
const LEAD_TITLES = 3;

export async function presentIssueSummaries(db: Queryable, issues: IssueRow[]): Promise<IssueSummary[]> {
  const ids = issues.map((issue) => issue.id);
  const articles = ids.length
    ? await db
        .select({ issueId: bulletinArticles.issueId, title: bulletinArticles.title })
        .from(bulletinArticles)
        .where(inArray(bulletinArticles.issueId, ids))
        .orderBy(asc(bulletinArticles.position), asc(bulletinArticles.id))
    : [];
  return issues.map((issue) => {
    const titles = articles.filter((article) => article.issueId === issue.id).map((article) => article.title);
    return {
      id: issue.id,
      label: issueLabel(issue),
      year: issue.year,
      number: issue.number,
      totalNumber: issue.totalNumber,
      date: issue.date,
      status: issue.status,
      articleCount: titles.length,
      leadTitles: titles.slice(0, LEAD_TITLES),
      publishedAt: issue.publishedAt?.toISOString() ?? null,
    };
  });
}

export async function presentIssueDetail(db: Queryable, issueId: number): Promise<IssueDetail> {
  const [issue] = await db.select().from(bulletinIssues).where(eq(bulletinIssues.id, issueId));
  if (!issue) throw notFound('简报');
  const [summary] = await presentIssueSummaries(db, [issue]);
  const toc = await db
    .select({ articleId: bulletinArticles.id, title: bulletinArticles.title, section: bulletinArticles.section })
    .from(bulletinArticles)
    .where(eq(bulletinArticles.issueId, issueId))
    .orderBy(asc(bulletinArticles.position), asc(bulletinArticles.id));
  return {
    ...summary!,
    publisher: issue.publisher,
    titleLines: issue.titleLines,
    distribution: { report: issue.distributionReport, send: issue.distributionSend },
    toc,
  };
}
