import { findEntry, type EntryRow } from '../queries/entries';
import type { CommandContext } from './context';
import { transitionEntry } from './transitionEntry';

/** 初审: pass, return for changes (with the comment the unit reads) or reject (with the reason). */
export async function prescreenEntry(
  ctx: CommandContext,
  { entryId, decision, comment }: { entryId: number; decision: 'pass' | 'return' | 'reject'; comment: string | null },
): Promise<EntryRow> {
  const entry = await findEntry(ctx.tx, entryId, { lock: true });
  return transitionEntry(ctx, { entry, action: decision, bySecretariat: true, comment });
}
