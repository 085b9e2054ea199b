import type { CurrentUser } from '../auth/currentUser';
import type { Queryable } from '../db/client';
import { auditLog } from '../db/schema';

export interface AuditEntryInput {
  actor: CurrentUser;
  /** Verb in the form `entity.verb`, e.g. `unit.create`. */
  action: string;
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
  at: Date;
}

/**
 * @deprecated TRANSITIONAL: commands call `audit(ctx, …)` from `./audit`; this goes once nothing uses it.
 * Written inside the same transaction as the change it describes, so neither exists without the other.
 */
export async function recordAudit(db: Queryable, entry: AuditEntryInput): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actor.id,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
    at: entry.at,
  });
}
