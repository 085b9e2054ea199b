import type Router from '@koa/router';
import { api, commonRefusals } from '@zhijian/shared';
import { searchArticles } from '../../bulletinSearch/search';
import { normalizeForSearch } from '../../bulletinSearch/text';
import { refuse } from '../../errors';
import { authorizeReading, canSeeDrafts } from '../../policies/bulletins';
import { presentArticle, presentIssueDetail, presentIssueYears, presentSearchHit } from '../../presenters/bulletins';
import { findArticleWithIssue, listIssues, loadArticleView, loadIssueDetail } from '../../queries/bulletins';
import { presentPage } from '../../queries/paginate';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** What every member reads: issues by year, an issue with its 导读, an article, search. Drafts are the secretariat's. */
export function bulletinReadingRoutes(services: AppServices, router: Router): Router {
  const { db } = services;

  mount(router, services, api.bulletins.listIssues, async ({ query, user }) => {
    const status = canSeeDrafts(user) ? query.status : 'published';
    return presentIssueYears(await listIssues(db, { ...query, status }, user.id));
  });

  mount(router, services, api.bulletins.getIssue, async ({ params, user }) => {
    const detail = await loadIssueDetail(db, params.id, user.id);
    authorizeReading(user, detail.issue, '简报');
    return presentIssueDetail(detail);
  });

  mount(router, services, api.bulletins.getArticle, async ({ params, user }) => {
    const found = await findArticleWithIssue(db, params.id);
    authorizeReading(user, found.issue, '文章');
    return presentArticle(await loadArticleView(db, found, user.id));
  });

  mount(router, services, api.bulletins.search, async ({ query, user }) => {
    // The contract counts the characters typed; search counts them without spaces, as it matches.
    if (Array.from(normalizeForSearch(query.q)).length < 2) {
      throw refuse(commonRefusals.invalid_fields, { issues: [{ path: 'query.q', message: '请至少输入两个字', label: '检索词' }] });
    }
    const hits = await searchArticles(db, query.q, { page: query.page, pageSize: query.pageSize, includeDrafts: canSeeDrafts(user) });
    return presentPage(hits, (hit) => presentSearchHit(hit, query.q));
  });

  return router;
}
