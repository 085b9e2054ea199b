import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { favouriteArticle } from '../../commands/favouriteArticle';
import { readTimeOf, recordArticleRead } from '../../commands/recordArticleRead';
import { subscribeToBulletins } from '../../commands/subscribeToBulletins';
import { unfavouriteArticle } from '../../commands/unfavouriteArticle';
import { authorizeReading } from '../../policies/bulletins';
import { presentArticleListItem } from '../../presenters/bulletins';
import { findArticleWithIssue, listMemberArticles } from '../../queries/bulletins';
import { presentPage } from '../../queries/paginate';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** The reader's own traces: read marks, favourites, reminders. */
export function bulletinPersonalRoutes(services: AppServices, router: Router): Router {
  const { db } = services;

  mount(router, services, api.bulletins.reportRead, async ({ params, body, user, run }) => {
    const { article, issue } = await findArticleWithIssue(db, params.id);
    authorizeReading(user, issue, '文章');
    const readAt = readTimeOf(body.readAt ? new Date(body.readAt) : undefined, services.clock.now(), issue.publishedAt);
    return run(recordArticleRead, { memberId: user.id, article, seconds: body.seconds, readAt });
  });

  mount(router, services, api.bulletins.favourite, async ({ params, user, run }) => {
    const { article, issue } = await findArticleWithIssue(db, params.id);
    authorizeReading(user, issue, '文章');
    await run(favouriteArticle, { memberId: user.id, articleId: article.id });
    return { favourite: true };
  });

  mount(router, services, api.bulletins.unfavourite, async ({ params, user, run }) => {
    const { article, issue } = await findArticleWithIssue(db, params.id);
    authorizeReading(user, issue, '文章');
    await run(unfavouriteArticle, { memberId: user.id, articleId: article.id });
    return { favourite: false };
  });

  mount(router, services, api.bulletins.myFavourites, async ({ query, user }) =>
    presentPage(await listMemberArticles(db, 'favourites', user.id, query), presentArticleListItem),
  );

  mount(router, services, api.bulletins.myReads, async ({ query, user }) =>
    presentPage(await listMemberArticles(db, 'reads', user.id, query), presentArticleListItem),
  );

  mount(router, services, api.bulletins.subscribe, async ({ user, run }) => run(subscribeToBulletins, { memberId: user.id }));

  return router;
}
