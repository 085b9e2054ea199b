import { entryRefusals, type EntryChanges } from '@zhijian/shared';
import { eq, sql } from 'drizzle-orm';
import { entries } from '../db/schema';
import { refuse } from '../errors';
import { assertEditable } from '../policies/entries';
import { findCall } from '../queries/calls';
import { findEntry, type EntryRow } from '../queries/entries';
import { audit } from './audit';
import type { CommandContext } from './context';
import { checkEntryReferences } from './createEntry';

/**
 * Saves the fields named, under the entry's lock, while the unit may still edit it. A save naming
 * an older version than the stored one is refused, so a stale phone cannot overwrite a newer save.
 */
export async function updateEntry(
  ctx: CommandContext,
  { entryId, changes }: { entryId: number; changes: EntryChanges },
): Promise<EntryRow> {
  const entry = await findEntry(ctx.tx, entryId, { lock: true });
  const call = await findCall(ctx.tx, entry.callId);
  assertEditable(entry, call, ctx.now);
  const { version, ...fields } = changes;
  if (version !== undefined && version !== entry.version) throw refuse(entryRefusals.entry_changed_elsewhere, { version: entry.version });
  await checkEntryReferences(ctx, call, fields);
  const [after] = await ctx.tx
    .update(entries)
    .set({ ...fields, version: sql`${entries.version} + 1`, updatedAt: ctx.now })
    .where(eq(entries.id, entry.id))
    .returning();
  // Drafts are the unit's own work in progress; edits of handed-in entries are audited.
  if (entry.status !== 'draft') {
    await audit(ctx, {
      action: 'entry.update',
      entity: 'entry',
      entityId: entry.id,
      before: { version: entry.version, fields: Object.keys(fields) },
      after: { version: after!.version },
    });
  }
  return after!;
}
