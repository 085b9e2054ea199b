import { placementRefusals, type Block } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { bulletinPlacements } from '../db/schema';
import { refuse } from '../errors';
import { findIssue } from '../queries/bulletins';
import { appendBulletinArticle } from './appendBulletinArticle';
import { audit } from './audit';
import type { CommandContext } from './context';

/** An entry's body as 简报 blocks: one paragraph per line, then the source line the newsletters use. */
export function entryBlocks(body: string, unitName: string): Block[] {
  const paragraphs = body
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((text): Block => ({ type: 'paragraph', spans: [{ text, bold: false }] }));
  return [...paragraphs, { type: 'paragraph', spans: [{ text: `（${unitName}供稿）`, bold: false }] }];
}

export interface Placement {
  entryId: number;
  issueId: number;
  articleId: number;
}

/**
 * Appends an entry to a draft issue as an article and records the placement (采用 for news,
 * `case` for a published case), under the issue's lock. Published issues are corrected by hand in
 * the composer, not here.
 */
export async function placeEntryInBulletin(
  ctx: CommandContext,
  props: {
    entry: { id: number; title: string; body: string };
    unitName: string;
    issueId: number;
    section: string | null;
    kind: 'adopted' | 'case';
  },
): Promise<Placement> {
  const issue = await findIssue(ctx.tx, props.issueId, { lock: true });
  if (issue.status !== 'draft') throw refuse(placementRefusals.issue_not_draft);
  const [already] = await ctx.tx
    .select({ id: bulletinPlacements.id })
    .from(bulletinPlacements)
    .where(and(eq(bulletinPlacements.entryId, props.entry.id), eq(bulletinPlacements.issueId, issue.id)));
  if (already) throw refuse(placementRefusals.already_in_issue, { issueId: issue.id });
  const article = await appendBulletinArticle(ctx, {
    issueId: issue.id,
    article: { title: props.entry.title, section: props.section, blocks: entryBlocks(props.entry.body, props.unitName) },
  });
  await ctx.tx.insert(bulletinPlacements).values({
    entryId: props.entry.id,
    issueId: issue.id,
    articleId: article.id,
    kind: props.kind,
    placedBy: ctx.actor?.id ?? null,
    placedAt: ctx.now,
  });
  await audit(ctx, {
    action: props.kind === 'adopted' ? 'news.adopt' : 'case.place',
    entity: 'entry',
    entityId: props.entry.id,
    after: { issueId: issue.id, articleId: article.id },
  });
  return { entryId: props.entry.id, issueId: issue.id, articleId: article.id };
}
