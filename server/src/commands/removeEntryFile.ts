import { eq } from 'drizzle-orm';
import { entries, entryFiles } from '../db/schema';
import { assertEditable } from '../policies/entries';
import { findEntryWithCall } from '../queries/entries';
import type { EntryFileRow } from '../queries/entryFiles';
import { audit } from './audit';
import type { CommandContext } from './context';

/** Removes a file while the unit may edit the entry; its bytes go once the removal has committed. */
export async function removeEntryFile(ctx: CommandContext, { file }: { file: EntryFileRow }): Promise<void> {
  const { entry, call } = await findEntryWithCall(ctx.tx, file.entryId, { lock: true });
  assertEditable(entry, call, ctx.now);
  await ctx.tx.delete(entryFiles).where(eq(entryFiles.id, file.id));
  await ctx.tx.update(entries).set({ updatedAt: ctx.now }).where(eq(entries.id, entry.id));
  if (entry.status !== 'draft') {
    await audit(ctx, { action: 'entry.file_remove', entity: 'entry', entityId: entry.id, before: { fileId: file.id, kind: file.kind } });
  }
  ctx.afterCommit(() => ctx.services.storage.delete(file.storageKey));
}
