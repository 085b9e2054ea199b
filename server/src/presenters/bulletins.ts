import {
  issueLabel,
  secondsToCountAsRead,
  type Article,
  type ArticleListItem,
  type IssueDetail,
  type IssuesByYear,
  type IssueStats,
  type IssueSummary,
  type SearchHit,
} from '@zhijian/shared';
import type { SearchRow } from '../bulletinSearch/search';
import { highlight, snippet } from '../bulletinSearch/text';
import type { Page } from '../queries/paginate';
import type { ArticleViewRows, IssueDetailRows, IssueRow, IssueWithTitles, MemberArticleRow, UnitReadersRow } from '../queries/bulletins';

/** How many article titles an issue shows in the list. */
const LEAD_TITLES = 3;

function presentIssueSummary(issue: IssueRow, titles: string[], unread: number): IssueSummary {
  return {
    id: issue.id,
    label: issueLabel(issue),
    year: issue.year,
    number: issue.number,
    totalNumber: issue.totalNumber,
    date: issue.date,
    status: issue.status,
    articleCount: titles.length,
    unreadCount: unread,
    leadTitles: titles.slice(0, LEAD_TITLES),
    publishedAt: issue.publishedAt?.toISOString() ?? null,
  };
}

/** A page of issues grouped by year, in the page's order; a year that spans two pages appears on both. */
export function presentIssueYears(page: Page<IssueWithTitles>): IssuesByYear {
  const years: IssuesByYear['years'] = [];
  for (const { issue, titles, unread } of page.items) {
    const summary = presentIssueSummary(issue, titles, unread);
    const last = years.at(-1);
    if (last && last.year === summary.year) last.issues.push(summary);
    else years.push({ year: summary.year, issues: [summary] });
  }
  return { years, total: page.total, page: page.page, pageSize: page.pageSize };
}

export function presentIssueDetail({ issue, articles }: IssueDetailRows): IssueDetail {
  return {
    ...presentIssueSummary(
      issue,
      articles.map((article) => article.title),
      articles.filter((article) => !article.read).length,
    ),
    publisher: issue.publisher,
    titleLines: issue.titleLines,
    distribution: { report: issue.distributionReport, send: issue.distributionSend },
    toc: articles.map(({ articleId, title, section, read }) => ({ articleId, title, section, read })),
  };
}

export function presentArticle({ article, issue, siblings, read, favourite }: ArticleViewRows): Article {
  const index = siblings.findIndex((sibling) => sibling.id === article.id);
  return {
    id: article.id,
    issueId: issue.id,
    issueLabel: issueLabel(issue),
    issueStatus: issue.status,
    position: index + 1,
    title: article.title,
    section: article.section,
    blocks: article.blocks,
    prev: siblings[index - 1] ?? null,
    next: siblings[index + 1] ?? null,
    favourite,
    read,
    secondsToRead: secondsToCountAsRead(article.plainText.length),
  };
}

/** An entry of 我的收藏 or 我的阅读记录. */
export function presentArticleListItem(row: MemberArticleRow): ArticleListItem {
  return { articleId: row.articleId, title: row.title, issueId: row.issueId, issueLabel: issueLabel(row), at: row.at.toISOString() };
}

/** A search hit, the query marked in its title and in a snippet of the body; `query` as the reader typed it. */
export function presentSearchHit(row: SearchRow, query: string): SearchHit {
  const needle = query.trim();
  return {
    articleId: row.articleId,
    issueId: row.issueId,
    issueLabel: issueLabel(row),
    date: row.date,
    title: highlight(row.title, needle),
    snippet: snippet(row.plainText, needle),
    titleHit: row.titleHit,
  };
}

/** Readers per unit as loaded, summed per 片组 and in all. */
export function presentIssueStats(issueId: number, units: UnitReadersRow[]): IssueStats {
  const byGroup = new Map<number, { groupId: number; name: string; members: number; readers: number }>();
  for (const unit of units) {
    const group = byGroup.get(unit.groupId) ?? { groupId: unit.groupId, name: unit.groupName, members: 0, readers: 0 };
    group.members += unit.members;
    group.readers += unit.readers;
    byGroup.set(unit.groupId, group);
  }
  return {
    issueId,
    members: units.reduce((sum, unit) => sum + unit.members, 0),
    readers: units.reduce((sum, unit) => sum + unit.readers, 0),
    groups: [...byGroup.values()],
    units: units.map(({ unitId, name, groupName, members, readers }) => ({ unitId, name, groupName, members, readers })),
  };
}
