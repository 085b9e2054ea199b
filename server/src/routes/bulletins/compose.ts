import type Router from '@koa/router';
import { api, bulletinIssuePage, issueLabel } from '@zhijian/shared';
import { and, asc, eq, gt, max, sql } from 'drizzle-orm';
import { articleSearchFields } from '../../bulletinSearch/articleSearchFields';
import { appendBulletinArticle } from '../../commands/appendBulletinArticle';
import { recordAudit } from '../../commands/recordAudit';
import type { Queryable } from '../../db/client';
import { bulletinArticles, bulletinIssues, bulletinSubscriptions, members } from '../../db/schema';
import { notFound } from '../../errors';
import { conflict, legacyError } from '../../legacyErrors';
import { thing } from '../../notify/notifier';
import { presentArticle } from '../../presenters/article';
import { presentIssueDetail } from '../../presenters/bulletins';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

async function findIssue(db: Queryable, id: number) {
  const [issue] = await db.select().from(bulletinIssues).where(eq(bulletinIssues.id, id));
  if (!issue) throw notFound('简报');
  return issue;
}

async function findArticle(db: Queryable, id: number) {
  const [article] = await db.select().from(bulletinArticles).where(eq(bulletinArticles.id, id));
  if (!article) throw notFound('文章');
  return article;
}

/** What the audit log keeps of an article: the text itself is too large to copy on every edit. */
const articleSummary = (article: typeof bulletinArticles.$inferSelect) => ({
  title: article.title,
  section: article.section,
  position: article.position,
  characters: article.plainText.length,
});

function issueValues(body: {
  year?: number | null;
  number?: number | null;
  totalNumber?: number | null;
  date?: string | null;
  publisher?: string | null;
  titleLines?: string[];
  distribution?: { report: string[]; send: string[] };
}) {
  const { distribution, ...rest } = body;
  return {
    ...rest,
    ...(distribution ? { distributionReport: distribution.report, distributionSend: distribution.send } : {}),
  };
}

/** The secretariat composes, corrects and publishes issues; every change is audited. */
export function bulletinComposeRoutes(services: AppServices, router: Router): Router {
  const { db, clock } = services;

  mount(router, services, api.bulletins.createIssue, async ({ body, user }) =>
    db.transaction(async (tx) => {
      const [created] = await tx
        .insert(bulletinIssues)
        .values({ ...issueValues(body), status: 'draft' })
        .returning();
      await recordAudit(tx, {
        actor: user,
        action: 'bulletin.create',
        entity: 'bulletin_issue',
        entityId: created!.id,
        after: created,
        at: clock.now(),
      });
      return presentIssueDetail(tx, created!.id);
    }),
  );

  mount(router, services, api.bulletins.updateIssue, async ({ params, body, user }) =>
    db.transaction(async (tx) => {
      const before = await findIssue(tx, params.id);
      const [after] = await tx
        .update(bulletinIssues)
        .set({ ...issueValues(body), updatedAt: clock.now() })
        .where(eq(bulletinIssues.id, params.id))
        .returning();
      const action = before.status === 'published' ? 'bulletin.correct' : 'bulletin.update';
      await recordAudit(tx, { actor: user, action, entity: 'bulletin_issue', entityId: params.id, before, after, at: clock.now() });
      return presentIssueDetail(tx, params.id);
    }),
  );

  mount(router, services, api.bulletins.addArticle, async ({ params, body, user }) => {
    const id = await db.transaction(async (tx) => {
      const issue = await findIssue(tx, params.id);
      const created = await appendBulletinArticle(tx, issue.id, body);
      await recordAudit(tx, {
        actor: user,
        action: issue.status === 'published' ? 'bulletin.correct' : 'bulletin.article_add',
        entity: 'bulletin_article',
        entityId: created!.id,
        after: articleSummary(created!),
        at: clock.now(),
      });
      return created!.id;
    });
    return presentArticle(db, id, user);
  });

  mount(router, services, api.bulletins.updateArticle, async ({ params, body, user }) => {
    await db.transaction(async (tx) => {
      const before = await findArticle(tx, params.id);
      const title = body.title ?? before.title;
      const blocks = body.blocks ?? before.blocks;
      const [after] = await tx
        .update(bulletinArticles)
        .set({ ...body, ...articleSearchFields(title, blocks), updatedAt: clock.now() })
        .where(eq(bulletinArticles.id, params.id))
        .returning();
      await recordAudit(tx, {
        actor: user,
        action: 'bulletin.article_update',
        entity: 'bulletin_article',
        entityId: params.id,
        before: articleSummary(before),
        after: articleSummary(after!),
        at: clock.now(),
      });
    });
    return presentArticle(db, params.id, user);
  });

  mount(router, services, api.bulletins.removeArticle, async ({ params, user }) =>
    db.transaction(async (tx) => {
      const before = await findArticle(tx, params.id);
      await tx.delete(bulletinArticles).where(eq(bulletinArticles.id, params.id));
      // Close the gap so positions stay 1…n.
      await tx
        .update(bulletinArticles)
        .set({ position: sql`${bulletinArticles.position} - 1` })
        .where(and(eq(bulletinArticles.issueId, before.issueId), gt(bulletinArticles.position, before.position)));
      await recordAudit(tx, {
        actor: user,
        action: 'bulletin.article_remove',
        entity: 'bulletin_article',
        entityId: params.id,
        before: articleSummary(before),
        at: clock.now(),
      });
      return { ok: true as const };
    }),
  );

  mount(router, services, api.bulletins.reorder, async ({ params, body, user }) =>
    db.transaction(async (tx) => {
      await findIssue(tx, params.id);
      const current = await tx
        .select({ id: bulletinArticles.id })
        .from(bulletinArticles)
        .where(eq(bulletinArticles.issueId, params.id))
        .orderBy(asc(bulletinArticles.position), asc(bulletinArticles.id));
      const wanted = body.articleIds;
      const same =
        wanted.length === current.length && new Set(wanted).size === wanted.length && current.every((a) => wanted.includes(a.id));
      if (!same)
        throw legacyError('invalid_input', '新的顺序必须恰好包含本期的全部文章', [
          { path: 'body.articleIds', message: '文章列表与本期不符' },
        ]);
      for (const [index, id] of wanted.entries()) {
        await tx
          .update(bulletinArticles)
          .set({ position: index + 1 })
          .where(eq(bulletinArticles.id, id));
      }
      await recordAudit(tx, {
        actor: user,
        action: 'bulletin.reorder',
        entity: 'bulletin_issue',
        entityId: params.id,
        before: current.map((a) => a.id),
        after: wanted,
        at: clock.now(),
      });
      return presentIssueDetail(tx, params.id);
    }),
  );

  mount(router, services, api.bulletins.publish, async ({ params, body, user }) => {
    const { issue, recipients } = await db.transaction(async (tx) => {
      const issue = await findIssue(tx, params.id);
      if (issue.status === 'published') throw conflict('本期简报已经发布');
      const [articles] = await tx
        .select({ n: max(bulletinArticles.position) })
        .from(bulletinArticles)
        .where(eq(bulletinArticles.issueId, issue.id));
      if (!articles?.n) throw legacyError('invalid_input', '没有文章的简报不能发布');
      const [published] = await tx
        .update(bulletinIssues)
        .set({ status: 'published', publishedAt: clock.now(), updatedAt: clock.now() })
        .where(eq(bulletinIssues.id, issue.id))
        .returning();
      // Each reminder a member allowed is used up by one message.
      const recipients = body.notify
        ? await tx
            .update(bulletinSubscriptions)
            .set({ remaining: sql`${bulletinSubscriptions.remaining} - 1` })
            .from(members)
            .where(
              and(
                eq(members.id, bulletinSubscriptions.memberId),
                gt(bulletinSubscriptions.remaining, 0),
                sql`${members.openid} is not null`,
              ),
            )
            .returning({ openid: members.openid })
        : [];
      await recordAudit(tx, {
        actor: user,
        action: 'bulletin.publish',
        entity: 'bulletin_issue',
        entityId: issue.id,
        before: { status: issue.status },
        after: { status: 'published', notify: body.notify, recipients: recipients.length },
        at: clock.now(),
      });
      return { issue: published!, recipients };
    });
    const notified = recipients.length
      ? await services.notifier.bulletinPublished(
          recipients.map((r) => r.openid!),
          {
            title: thing(`简报${issueLabel(issue)}已发布`),
            issueLabel: issueLabel(issue),
            date: issue.date ?? clock.now().toISOString().slice(0, 10),
            page: bulletinIssuePage(issue.id),
          },
        )
      : 0;
    return { issue: await presentIssueDetail(db, issue.id), notified };
  });

  return router;
}
