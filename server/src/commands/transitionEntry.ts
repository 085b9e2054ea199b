import { entryRefusals, nextEntryStatus, type EntryAction, type EntryStatus } from '@zhijian/shared';
import { and, eq, sql } from 'drizzle-orm';
import { entries, entryEvents } from '../db/schema';
import { refuse } from '../errors';
import type { EntryRow } from '../queries/entries';
import { audit } from './audit';
import type { CommandContext } from './context';

export type EntryMove = Exclude<EntryAction, 'create'>;

/** The status `action` leads to, or the refusal naming the current status when the lifecycle has no such move. */
export function assertTransition(status: EntryStatus, action: EntryMove): EntryStatus {
  const to = nextEntryStatus(status, action);
  if (!to) throw refuse(entryRefusals.transition_not_allowed, { status, action });
  return to;
}

export interface EntryEventDetails {
  comment?: string | null;
  /** Whether the secretariat acted (the unit sees 秘书处 rather than a name). */
  bySecretariat?: boolean;
}

/** A step of the entry's timeline, by the acting person at the command's time. */
export async function recordEntryEvent(
  ctx: CommandContext,
  event: { entryId: number; action: EntryAction; from: EntryStatus | null; to: EntryStatus } & EntryEventDetails,
): Promise<void> {
  await ctx.tx.insert(entryEvents).values({
    entryId: event.entryId,
    action: event.action,
    fromStatus: event.from,
    toStatus: event.to,
    comment: event.comment ?? null,
    actorId: ctx.actor?.id ?? null,
    bySecretariat: event.bySecretariat ?? false,
    at: ctx.now,
  });
}

/**
 * Moves an entry along its lifecycle, or refuses: the move must be in the shared state machine,
 * and the row must still be in the status the caller read (a concurrent change loses cleanly).
 * Writes the timeline event and the audit entry in the same transaction.
 */
export async function transitionEntry(
  ctx: CommandContext,
  {
    entry,
    action,
    set,
    ...details
  }: {
    entry: Pick<EntryRow, 'id' | 'status'>;
    action: EntryMove;
    /** Other columns that change with the status (registration number, submission time …). */
    set?: Partial<typeof entries.$inferInsert>;
  } & EntryEventDetails,
): Promise<EntryRow> {
  const to = assertTransition(entry.status, action);
  const [updated] = await ctx.tx
    .update(entries)
    .set({ ...set, status: to, updatedAt: ctx.now, version: sql`${entries.version} + 1` })
    .where(and(eq(entries.id, entry.id), eq(entries.status, entry.status)))
    .returning();
  if (!updated) throw refuse(entryRefusals.state_changed);
  await recordEntryEvent(ctx, { entryId: entry.id, action, from: entry.status, to, ...details });
  await audit(ctx, {
    action: `entry.${action}`,
    entity: 'entry',
    entityId: entry.id,
    before: { status: entry.status },
    after: { status: to, comment: details.comment ?? null, ...set },
  });
  return updated;
}
