import {
  api,
  type AuditEntry,
  type AuditListQuery,
  isRefusal,
  type MemberChanges,
  type MemberInput,
  memberRefusals,
  type RosterProblem,
} from '@zhijian/shared';
import type { z } from 'zod';
import { call, client } from './api';
import { downloadExport } from './download';
import type { PickedFile } from './files';
import { upload } from './upload';

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

/** What the audit log is narrowed to: the query's filters, as the page's pickers set them ('' for none). */
export type AuditFilters = Omit<z.input<typeof AuditListQuery>, 'pageSize' | 'before'>;

/** A page of the audit log after the last entry shown (paged by position: the log has no count). */
export async function auditLog(_page: number, pageSize: number, last: AuditEntry | undefined, filters: AuditFilters = {}) {
  const page = await call(api.audit.list, { query: { ...filters, pageSize, ...(last ? { before: last.id } : {}) } });
  return { items: page.items, more: page.nextBefore !== null };
}

// ── The unit's roster, managed on the phone by the unit admin.

export type MemberDraft = z.input<typeof MemberInput>;

export function addMember(unitId: number, body: MemberDraft) {
  return call(api.members.create, { params: { unitId }, body });
}

export function changeMember(id: number, body: z.input<typeof MemberChanges>) {
  return call(api.members.update, { params: { id }, body });
}

export function removeMember(id: number) {
  return call(api.members.remove, { params: { id } });
}

/** Imports a roster file; with `dryRun`, only checks it. A file with problems is refused with every row's problem. */
export function importRoster(unitId: number, file: PickedFile, dryRun: boolean) {
  return upload(api.members.importRoster, { params: { unitId }, query: { dryRun: dryRun ? 'true' : 'false' } }, file);
}

export function exportRoster(unitId: number, unitName: string) {
  return downloadExport(client.url(api.members.exportRoster, { params: { unitId } }), `${unitName || '单位'}名册.xlsx`);
}

/** The rows of a refused roster file, or null for any other failure. */
export function rosterProblemsOf(error: unknown): RosterProblem[] | null {
  return isRefusal(error, memberRefusals.roster_invalid) ? error.details.rows : null;
}
