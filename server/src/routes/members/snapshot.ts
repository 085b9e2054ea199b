import { maskPhone } from '@zhijian/shared';
import type { members } from '../../db/schema';

/** What the audit log keeps of a roster entry: no credentials, phone masked. */
export function memberSnapshot(row: typeof members.$inferSelect) {
  return {
    id: row.id,
    name: row.name,
    phone: maskPhone(row.phone),
    kind: row.kind,
    roles: row.roles,
    unitId: row.unitId,
    branchId: row.branchId,
  };
}
