import type { ArticleChanges } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { articleSearchFields } from '../bulletinSearch/articleSearchFields';
import { bulletinArticles } from '../db/schema';
import type { ArticleRow } from '../queries/bulletins';
import { audit } from './audit';
import type { CommandContext } from './context';

/** What the audit log keeps of an article: the text itself is too large to copy on every edit. */
export function auditedArticle(article: ArticleRow) {
  return { title: article.title, section: article.section, position: article.position, characters: article.plainText.length };
}

/** Changes the fields the PATCH names; the search fields follow the title and body. */
export async function updateBulletinArticle(
  ctx: CommandContext,
  { article, changes }: { article: ArticleRow; changes: ArticleChanges },
): Promise<ArticleRow> {
  const title = changes.title ?? article.title;
  const blocks = changes.blocks ?? article.blocks;
  const [after] = await ctx.tx
    .update(bulletinArticles)
    .set({ ...changes, ...articleSearchFields(title, blocks), updatedAt: ctx.now })
    .where(eq(bulletinArticles.id, article.id))
    .returning();
  await audit(ctx, {
    action: 'bulletin.article_update',
    entity: 'bulletin_article',
    entityId: article.id,
    before: auditedArticle(article),
    after: auditedArticle(after!),
  });
  return after!;
}
