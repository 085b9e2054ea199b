import type { AuditAction, AuditEntity } from '@zhijian/shared';
import { auditLog } from '../db/schema';
import type { CommandContext } from './context';

export interface AuditEntry {
  /** Verb in the form `entity.verb`, e.g. `unit.create`; each has its Chinese name in `AUDIT_ACTION_NAMES`. */
  action: AuditAction;
  entity: AuditEntity;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
  /**
   * Record no actor: the act is an anonymous writer's (书记直通车), whom the audit log, which the
   * secretariat reads, must not name. The letter itself keeps who wrote it.
   */
  hideActor?: boolean;
}

/**
 * Written by the command, in the command's transaction, so neither the change nor its record
 * exists without the other. Who and when come from the command's context.
 */
export async function audit(ctx: CommandContext, entry: AuditEntry): Promise<void> {
  await ctx.tx.insert(auditLog).values({
    actorId: entry.hideActor ? null : (ctx.actor?.id ?? null),
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
    at: ctx.now,
  });
}
