import { ENTRY_ACTION_LABELS, ENTRY_STATUS_LABELS, nextEntryStatus, type EntryAction, type EntryStatus } from '@zhijian/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { CurrentUser } from '../auth/currentUser';
import type { Queryable } from '../db/client';
import { entries, entryEvents } from '../db/schema';
import { conflict } from '../legacyErrors';
import { recordAudit } from './recordAudit';

export type EntryRow = typeof entries.$inferSelect;

/** The status `action` leads to, or a 409 naming the current status when the lifecycle forbids it. */
export function assertTransition(status: EntryStatus, action: Exclude<EntryAction, 'create'>): EntryStatus {
  const to = nextEntryStatus(status, action);
  if (!to) throw conflict(`报送当前为“${ENTRY_STATUS_LABELS[status]}”，不能${ENTRY_ACTION_LABELS[action]}`, { status, action });
  return to;
}

export interface TransitionOptions {
  actor: CurrentUser;
  at: Date;
  comment?: string | null;
  /** Other columns that change with the status (registration number, submission time …). */
  set?: Partial<typeof entries.$inferInsert>;
  bySecretariat?: boolean;
}

/**
 * Moves an entry along its lifecycle, or refuses: the move must be in the shared state machine,
 * and the row must still be in the status the caller read (a concurrent change loses cleanly).
 * Writes the timeline event and the audit entry in the same transaction.
 */
export async function transitionEntry(
  tx: Queryable,
  entry: Pick<EntryRow, 'id' | 'status'>,
  action: Exclude<EntryAction, 'create'>,
  options: TransitionOptions,
): Promise<EntryRow> {
  const to = assertTransition(entry.status, action);
  const [updated] = await tx
    .update(entries)
    .set({ ...options.set, status: to, updatedAt: options.at, version: sql`${entries.version} + 1` })
    .where(and(eq(entries.id, entry.id), eq(entries.status, entry.status)))
    .returning();
  if (!updated) throw conflict('报送的状态刚被更改，请刷新后重试');
  await recordEntryEvent(tx, entry.id, action, entry.status, to, options);
  await recordAudit(tx, {
    actor: options.actor,
    action: `entry.${action}`,
    entity: 'entry',
    entityId: entry.id,
    before: { status: entry.status },
    after: { status: to, comment: options.comment ?? null, ...options.set },
    at: options.at,
  });
  return updated;
}

export async function recordEntryEvent(
  tx: Queryable,
  entryId: number,
  action: EntryAction,
  from: EntryStatus | null,
  to: EntryStatus,
  options: TransitionOptions,
): Promise<void> {
  await tx.insert(entryEvents).values({
    entryId,
    action,
    fromStatus: from,
    toStatus: to,
    comment: options.comment ?? null,
    actorId: options.actor.id,
    bySecretariat: options.bySecretariat ?? false,
    at: options.at,
  });
}
