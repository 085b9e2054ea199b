import type { Block } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import type { CurrentUser } from '../auth/currentUser';
import { appendBulletinArticle } from '../commands/appendBulletinArticle';
import { recordAudit } from '../commands/recordAudit';
import type { Transaction } from '../db/client';
import { bulletinIssues, bulletinPlacements } from '../db/schema';
import { notFound } from '../errors';
import { conflict } from '../legacyErrors';

/** An entry's body as 简报 blocks: one paragraph per line, then the source line the newsletters use. */
export function entryBlocks(body: string, unitName: string): Block[] {
  const paragraphs = body
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((text): Block => ({ type: 'paragraph', spans: [{ text, bold: false }] }));
  return [...paragraphs, { type: 'paragraph', spans: [{ text: `（${unitName}供稿）`, bold: false }] }];
}

/**
 * Appends an entry to a draft issue as an article and records the placement (采用 for news,
 * `case` for a published case). Published issues are corrected by hand in the composer, not here.
 */
export async function placeEntryInBulletin(
  tx: Transaction,
  input: {
    entry: { id: number; title: string; body: string };
    unitName: string;
    issueId: number;
    section: string | null;
    kind: 'adopted' | 'case';
    actor: CurrentUser;
    at: Date;
  },
) {
  const [issue] = await tx.select().from(bulletinIssues).where(eq(bulletinIssues.id, input.issueId)).for('update');
  if (!issue) throw notFound('简报');
  if (issue.status !== 'draft') throw conflict('只能编入尚未发布的简报草稿');
  const [already] = await tx
    .select({ id: bulletinPlacements.id })
    .from(bulletinPlacements)
    .where(and(eq(bulletinPlacements.entryId, input.entry.id), eq(bulletinPlacements.issueId, issue.id)));
  if (already) throw conflict('已编入这一期简报');
  const article = await appendBulletinArticle(
    { tx, now: input.at },
    {
      issueId: issue.id,
      article: { title: input.entry.title, section: input.section, blocks: entryBlocks(input.entry.body, input.unitName) },
    },
  );
  await tx.insert(bulletinPlacements).values({
    entryId: input.entry.id,
    issueId: issue.id,
    articleId: article.id,
    kind: input.kind,
    placedBy: input.actor.id,
    placedAt: input.at,
  });
  await recordAudit(tx, {
    actor: input.actor,
    action: input.kind === 'adopted' ? 'news.adopt' : 'case.place',
    entity: 'entry',
    entityId: input.entry.id,
    after: { issueId: issue.id, articleId: article.id },
    at: input.at,
  });
  return { entryId: input.entry.id, issueId: issue.id, articleId: article.id };
}
