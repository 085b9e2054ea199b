import type Router from '@koa/router';
import { api, type IssueSummary } from '@zhijian/shared';
import { count, desc, eq, sql } from 'drizzle-orm';
import { searchArticles } from '../../bulletinSearch/search';
import { normalizeForSearch } from '../../bulletinSearch/text';
import { bulletinIssues } from '../../db/schema';
import { notFound } from '../../errors';
import { legacyError } from '../../legacyErrors';
import { canSeeDrafts, canSeeIssue } from '../../policies/bulletins';
import { presentArticle } from '../../presenters/article';
import { presentIssueDetail, presentIssueSummaries } from '../../presenters/bulletins';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** What every member reads: issues by year, an issue with its 导读, an article, search. */
export function bulletinReadingRoutes(services: AppServices, router: Router): Router {
  const { db } = services;

  mount(router, services, api.bulletins.listIssues, async ({ query, user }) => {
    const status = canSeeDrafts(user) ? query.status : 'published';
    const where = status ? eq(bulletinIssues.status, status) : undefined;
    const issues = await db
      .select()
      .from(bulletinIssues)
      .where(where)
      .orderBy(
        sql`${bulletinIssues.year} desc nulls last`,
        sql`${bulletinIssues.number} desc nulls last`,
        desc(bulletinIssues.totalNumber),
        desc(bulletinIssues.id),
      )
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    const [counted] = await db.select({ n: count() }).from(bulletinIssues).where(where);
    const total = counted?.n ?? 0;
    const years: { year: number | null; issues: IssueSummary[] }[] = [];
    for (const summary of await presentIssueSummaries(db, issues)) {
      const last = years.at(-1);
      if (last && last.year === summary.year) last.issues.push(summary);
      else years.push({ year: summary.year, issues: [summary] });
    }
    return { years, total, page: query.page, pageSize: query.pageSize };
  });

  mount(router, services, api.bulletins.getIssue, async ({ params, user }) => {
    const [issue] = await db.select({ status: bulletinIssues.status }).from(bulletinIssues).where(eq(bulletinIssues.id, params.id));
    if (!issue || !canSeeIssue(user, issue)) throw notFound('简报');
    return presentIssueDetail(db, params.id);
  });

  mount(router, services, api.bulletins.getArticle, async ({ params, user }) => presentArticle(db, params.id, user));

  mount(router, services, api.bulletins.search, async ({ query, user }) => {
    if (Array.from(normalizeForSearch(query.q)).length < 2) {
      throw legacyError('invalid_input', '请至少输入两个字', [{ path: 'query.q', message: '请至少输入两个字' }]);
    }
    return searchArticles(db, query.q, { page: query.page, pageSize: query.pageSize, includeDrafts: canSeeDrafts(user) });
  });

  return router;
}
