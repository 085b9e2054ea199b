import type { AuditEntry } from '@zhijian/shared';
import { api, call } from './api';

/** The association's member units, their rosters, and the audit log. */

export function listUnits(page: number, pageSize: number, q: string) {
  return call(api.units.list, { query: { page, pageSize, q: q || undefined } });
}

export function listMembers(unitId: number, page: number, pageSize: number, q: string) {
  return call(api.members.list, { params: { unitId }, query: { page, pageSize, q: q || undefined } });
}

/** The unit's mobile members (流动党员) matching `q`, up to 50. */
export async function findMobileMembers(unitId: number, q: string) {
  const page = await call(api.members.list, { params: { unitId }, query: { q: q || undefined, pageSize: 50 } });
  return page.items.filter((member) => member.kind === 'mobile');
}

/** A page of the audit log after the last entry shown (paged by position: the log has no count). */
export async function auditLog(_page: number, pageSize: number, last: AuditEntry | undefined) {
  const page = await call(api.audit.list, { query: last ? { pageSize, before: last.id } : { pageSize } });
  return { items: page.items, more: page.nextBefore !== null };
}
