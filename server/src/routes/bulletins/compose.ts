import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { addBulletinArticle } from '../../commands/addBulletinArticle';
import { createBulletinIssue } from '../../commands/createBulletinIssue';
import { publishBulletinIssue } from '../../commands/publishBulletinIssue';
import { removeBulletinArticle } from '../../commands/removeBulletinArticle';
import { reorderBulletinArticles } from '../../commands/reorderBulletinArticles';
import { updateBulletinArticle } from '../../commands/updateBulletinArticle';
import { updateBulletinIssue } from '../../commands/updateBulletinIssue';
import { presentArticle, presentIssueDetail } from '../../presenters/bulletins';
import { findArticle, findArticleWithIssue, findIssue, loadArticleView, loadIssueDetail } from '../../queries/bulletins';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** The secretariat (the contract's `access`) composes, corrects and publishes issues; every change is audited. */
export function bulletinComposeRoutes(services: AppServices, router: Router): Router {
  const { db } = services;

  /** The article as its page shows it to the secretariat, who see drafts too. */
  const articleFor = async (articleId: number, readerId: number) =>
    presentArticle(await loadArticleView(db, await findArticleWithIssue(db, articleId), readerId));

  mount(router, services, api.bulletins.createIssue, async ({ body, run }) => {
    const created = await run(createBulletinIssue, body);
    return presentIssueDetail(await loadIssueDetail(db, created.id));
  });

  mount(router, services, api.bulletins.updateIssue, async ({ params, body, run }) => {
    const issue = await findIssue(db, params.id);
    await run(updateBulletinIssue, { issue, changes: body });
    return presentIssueDetail(await loadIssueDetail(db, issue.id));
  });

  mount(router, services, api.bulletins.addArticle, async ({ params, body, user, run }) => {
    const created = await run(addBulletinArticle, { issueId: params.id, article: body });
    return articleFor(created.id, user.id);
  });

  mount(router, services, api.bulletins.updateArticle, async ({ params, body, user, run }) => {
    const article = await findArticle(db, params.id);
    await run(updateBulletinArticle, { article, changes: body });
    return articleFor(article.id, user.id);
  });

  mount(router, services, api.bulletins.removeArticle, async ({ params, run }) => {
    await run(removeBulletinArticle, { articleId: params.id });
    return { ok: true as const };
  });

  mount(router, services, api.bulletins.reorder, async ({ params, body, run }) => {
    await run(reorderBulletinArticles, { issueId: params.id, articleIds: body.articleIds });
    return presentIssueDetail(await loadIssueDetail(db, params.id));
  });

  mount(router, services, api.bulletins.publish, async ({ params, body, run }) => {
    const { issue, notified } = await run(publishBulletinIssue, { issueId: params.id, notify: body.notify });
    return { issue: presentIssueDetail(await loadIssueDetail(db, issue.id)), notified };
  });

  return router;
}
