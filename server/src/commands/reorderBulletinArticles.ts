import { bulletinRefusals } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { bulletinArticles } from '../db/schema';
import { refuse } from '../errors';
import { articleIdsOf, findIssue } from '../queries/bulletins';
import { audit } from './audit';
import type { CommandContext } from './context';

/** Puts the issue's articles in the given order, which must name each of them exactly once. */
export async function reorderBulletinArticles(
  ctx: CommandContext,
  { issueId, articleIds }: { issueId: number; articleIds: number[] },
): Promise<void> {
  // Locked, so no article is added or removed between the comparison and the new positions.
  await findIssue(ctx.tx, issueId, { lock: true });
  const current = await articleIdsOf(ctx.tx, issueId);
  const same =
    articleIds.length === current.length &&
    new Set(articleIds).size === articleIds.length &&
    current.every((id) => articleIds.includes(id));
  if (!same) throw refuse(bulletinRefusals.article_order_mismatch, { articleIds: current });
  for (const [index, id] of articleIds.entries()) {
    await ctx.tx
      .update(bulletinArticles)
      .set({ position: index + 1 })
      .where(eq(bulletinArticles.id, id));
  }
  await audit(ctx, { action: 'bulletin.reorder', entity: 'bulletin_issue', entityId: issueId, before: current, after: articleIds });
}
