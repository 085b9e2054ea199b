import type { AuditEntry } from '@zhijian/shared';
import type { AuditRow } from '../queries/audit';

export function presentAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    at: row.at.toISOString(),
  };
}
