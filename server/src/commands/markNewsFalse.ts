import { newsRefusals } from '@zhijian/shared';
import { and, eq, isNull } from 'drizzle-orm';
import { entries } from '../db/schema';
import { refuse } from '../errors';
import { findCall } from '../queries/calls';
import { findEntry } from '../queries/entries';
import { audit } from './audit';
import type { CommandContext } from './context';

/** 虚假信息: the secretariat marks a news item false, once; 优秀信息员 deducts it and rules its author out. */
export async function markNewsFalse(ctx: CommandContext, { entryId, note }: { entryId: number; note: string }) {
  const entry = await findEntry(ctx.tx, entryId);
  const call = await findCall(ctx.tx, entry.callId);
  if (call.kind !== 'news') throw refuse(newsRefusals.not_news);
  const [marked] = await ctx.tx
    .update(entries)
    .set({ falseMarkedAt: ctx.now, falseMarkedBy: ctx.actor?.id ?? null, falseNote: note })
    .where(and(eq(entries.id, entry.id), isNull(entries.falseMarkedAt)))
    .returning({ id: entries.id });
  if (!marked) throw refuse(newsRefusals.already_marked_false);
  await audit(ctx, { action: 'news.mark_false', entity: 'entry', entityId: entry.id, after: { note } });
  return { entryId: entry.id, markedAt: ctx.now.toISOString() };
}
