import { MEMBER_KIND_LABELS, ROLE_LABELS } from '@zhijian/shared';
import type { WorkbookSpec } from '../exports/workbookSpec';
import type { RosterExportRow } from '../queries/members';
import { ROSTER_COLUMNS } from './validateRoster';

/** The roster as an xlsx workbook whose first six columns import back unchanged. */
export function rosterWorkbook(rows: RosterExportRow[]): WorkbookSpec {
  const columns = [
    { header: ROSTER_COLUMNS.name, key: 'name', width: 12 },
    { header: ROSTER_COLUMNS.phone, key: 'phone', width: 16 },
    { header: ROSTER_COLUMNS.kind, key: 'kind', width: 12 },
    { header: ROSTER_COLUMNS.branch, key: 'branch', width: 24 },
    { header: ROSTER_COLUMNS.joined, key: 'joined', width: 14 },
    { header: ROSTER_COLUMNS.secretary, key: 'secretary', width: 8 },
    { header: '角色', key: 'roles', width: 24 },
    { header: '已绑定微信', key: 'bound', width: 12 },
  ];
  const sheetRows = rows.map((row) => ({
    name: row.name,
    phone: row.phone,
    kind: MEMBER_KIND_LABELS[row.kind],
    branch: row.branch ?? '',
    joined: row.joinedPartyOn ?? '',
    secretary: row.roles.includes('party_secretary') ? '是' : '否',
    roles: row.roles.map((role) => ROLE_LABELS[role]).join('、'),
    bound: row.openid ? '是' : '否',
  }));
  // No frozen header: the file is also the import template, kept as plain as it reads back.
  return { sheets: [{ name: '党员名册', columns, rows: sheetRows, frozenHeader: false }] };
}
