import { findEntry, type EntryRow } from '../queries/entries';
import type { CommandContext } from './context';
import { transitionEntry } from './transitionEntry';

/** The unit takes its entry back before review begins, freeing its place; the reason goes on the timeline. */
export async function withdrawEntry(
  ctx: CommandContext,
  { entryId, reason }: { entryId: number; reason: string | null },
): Promise<EntryRow> {
  const entry = await findEntry(ctx.tx, entryId, { lock: true });
  return transitionEntry(ctx, { entry, action: 'withdraw', comment: reason });
}
