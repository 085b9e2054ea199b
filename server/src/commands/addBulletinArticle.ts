import type { ArticleInput } from '@zhijian/shared';
import { findIssue, type ArticleRow } from '../queries/bulletins';
import { appendBulletinArticle } from './appendBulletinArticle';
import { audit } from './audit';
import type { CommandContext } from './context';
import { auditedArticle } from './updateBulletinArticle';

/** Adds an article at the end of an issue; on a published issue that is a correction. */
export async function addBulletinArticle(
  ctx: CommandContext,
  { issueId, article }: { issueId: number; article: ArticleInput },
): Promise<ArticleRow> {
  // The issue's row lock keeps two appends from taking the same position.
  const issue = await findIssue(ctx.tx, issueId, { lock: true });
  const created = await appendBulletinArticle(ctx, { issueId: issue.id, article });
  await audit(ctx, {
    action: issue.status === 'published' ? 'bulletin.correct' : 'bulletin.article_add',
    entity: 'bulletin_article',
    entityId: created.id,
    after: auditedArticle(created),
  });
  return created;
}
