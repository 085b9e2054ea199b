import { audit, type AuditEntry } from './audit';
import type { CommandContext } from './context';

/** Every download of a ledger (entries, scores, workload, news counts) is on record: who, when, what. */
export async function recordExport(
  ctx: CommandContext,
  entry: Pick<AuditEntry, 'action' | 'entity'> & { entityId: string | number; after: unknown },
): Promise<void> {
  await audit(ctx, entry);
}
