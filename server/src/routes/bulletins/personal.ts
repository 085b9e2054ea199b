import type Router from '@koa/router';
import { api, issueLabel, secondsToCountAsRead } from '@zhijian/shared';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { articleFavourites, articleReads, bulletinArticles, bulletinIssues, bulletinSubscriptions } from '../../db/schema';
import { findVisibleArticle } from '../../presenters/article';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** A member may hold at most this many unused one-time reminders. */
const MAX_PENDING_REMINDERS = 20;

async function articleList(
  db: Queryable,
  table: typeof articleReads | typeof articleFavourites,
  at: typeof articleReads.readAt | typeof articleFavourites.createdAt,
  memberId: number,
  page: { page: number; pageSize: number },
) {
  const where = and(eq(table.memberId, memberId), eq(bulletinIssues.status, 'published'));
  const [total] = await db
    .select({ n: count() })
    .from(table)
    .innerJoin(bulletinArticles, eq(bulletinArticles.id, table.articleId))
    .innerJoin(bulletinIssues, eq(bulletinIssues.id, bulletinArticles.issueId))
    .where(where);
  const rows = await db
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
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return {
    items: rows.map((row) => ({
      articleId: row.articleId,
      title: row.title,
      issueId: row.issueId,
      issueLabel: issueLabel(row),
      at: row.at.toISOString(),
    })),
    total: total?.n ?? 0,
    ...page,
  };
}

/** The reader's own traces: read marks, favourites, reminders. */
export function bulletinPersonalRoutes(services: AppServices, router: Router): Router {
  const { db, clock } = services;

  mount(router, services, api.bulletins.reportRead, async ({ params, body, user }) => {
    const { article } = await findVisibleArticle(db, params.id, user);
    const secondsToRead = secondsToCountAsRead(article.plainText.length);
    if (body.seconds >= secondsToRead) {
      await db.insert(articleReads).values({ memberId: user.id, articleId: article.id, readAt: clock.now() }).onConflictDoNothing();
    }
    const [read] = await db
      .select({ at: articleReads.readAt })
      .from(articleReads)
      .where(and(eq(articleReads.memberId, user.id), eq(articleReads.articleId, article.id)));
    return { read: Boolean(read), secondsToRead };
  });

  mount(router, services, api.bulletins.favourite, async ({ params, user }) => {
    await findVisibleArticle(db, params.id, user);
    await db.insert(articleFavourites).values({ memberId: user.id, articleId: params.id, createdAt: clock.now() }).onConflictDoNothing();
    return { favourite: true };
  });

  mount(router, services, api.bulletins.unfavourite, async ({ params, user }) => {
    await findVisibleArticle(db, params.id, user);
    await db.delete(articleFavourites).where(and(eq(articleFavourites.memberId, user.id), eq(articleFavourites.articleId, params.id)));
    return { favourite: false };
  });

  mount(router, services, api.bulletins.myFavourites, async ({ query, user }) =>
    articleList(db, articleFavourites, articleFavourites.createdAt, user.id, query),
  );
  mount(router, services, api.bulletins.myReads, async ({ query, user }) =>
    articleList(db, articleReads, articleReads.readAt, user.id, query),
  );

  mount(router, services, api.bulletins.subscribe, async ({ user }) => {
    const [row] = await db
      .insert(bulletinSubscriptions)
      .values({ memberId: user.id, remaining: 1 })
      .onConflictDoUpdate({
        target: bulletinSubscriptions.memberId,
        set: { remaining: sql`least(${bulletinSubscriptions.remaining} + 1, ${MAX_PENDING_REMINDERS})` },
      })
      .returning({ remaining: bulletinSubscriptions.remaining });
    return { remaining: row!.remaining };
  });

  return router;
}
