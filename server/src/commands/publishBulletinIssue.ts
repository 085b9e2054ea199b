import { bulletinIssuePage, bulletinRefusals, issueLabel } from '@zhijian/shared';
import { and, eq, gt, sql } from 'drizzle-orm';
import { bulletinIssues, bulletinSubscriptions, members } from '../db/schema';
import { refuse } from '../errors';
import { thing } from '../notify/notifier';
import { findIssue, lastArticlePosition, type IssueRow } from '../queries/bulletins';
import { audit } from './audit';
import type { CommandContext } from './context';

export interface Publication {
  issue: IssueRow;
  /**
   * How many reminders the messaging service accepted. They are sent after commit, so this is
   * filled in then — before `run` returns; 0 when sending failed (the issue stays published).
   */
  notified: number;
}

/**
 * Publishes a draft once. With `notify`, each member who allowed a reminder gets one: their
 * allowance is used up in the same transaction, the message goes out after it commits.
 */
export async function publishBulletinIssue(
  ctx: CommandContext,
  { issueId, notify }: { issueId: number; notify: boolean },
): Promise<Publication> {
  // Locked: of two publishers at once, the second waits and then finds the issue published.
  const issue = await findIssue(ctx.tx, issueId, { lock: true });
  if (issue.status === 'published') {
    throw refuse(bulletinRefusals.issue_already_published, { publishedAt: (issue.publishedAt ?? issue.updatedAt).toISOString() });
  }
  if ((await lastArticlePosition(ctx.tx, issue.id)) === 0) throw refuse(bulletinRefusals.issue_has_no_articles);
  const [published] = await ctx.tx
    .update(bulletinIssues)
    .set({ status: 'published', publishedAt: ctx.now, updatedAt: ctx.now })
    .where(eq(bulletinIssues.id, issue.id))
    .returning();
  // Each reminder a member allowed is used up by one message.
  const recipients = notify
    ? await ctx.tx
        .update(bulletinSubscriptions)
        .set({ remaining: sql`${bulletinSubscriptions.remaining} - 1` })
        .from(members)
        .where(
          and(eq(members.id, bulletinSubscriptions.memberId), gt(bulletinSubscriptions.remaining, 0), sql`${members.openid} is not null`),
        )
        .returning({ openid: members.openid })
    : [];
  await audit(ctx, {
    action: 'bulletin.publish',
    entity: 'bulletin_issue',
    entityId: issue.id,
    before: { status: issue.status },
    after: { status: 'published', notify, recipients: recipients.length },
  });

  const publication: Publication = { issue: published!, notified: 0 };
  if (recipients.length > 0) {
    const label = issueLabel(issue);
    const notice = {
      title: thing(`简报${label}已发布`),
      issueLabel: label,
      date: issue.date ?? ctx.now.toISOString().slice(0, 10),
      page: bulletinIssuePage(issue.id),
    };
    const openids = recipients.map((recipient) => recipient.openid!);
    ctx.afterCommit(async () => {
      publication.notified = await ctx.services.notifier.bulletinPublished(openids, notice);
    });
  }
  return publication;
}
