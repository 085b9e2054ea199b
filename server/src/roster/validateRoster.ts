import {
  addDays,
  formatDate,
  isMobilePhone,
  MEMBER_KIND_LABELS,
  memberRefusals,
  normalizePhone,
  parseDate,
  type MemberKind,
  type RosterProblem,
} from '@zhijian/shared';
import { refuse } from '../errors';
import type { SheetRow } from './readSheet';

export const ROSTER_COLUMNS = {
  name: '姓名',
  phone: '手机号',
  kind: '党员类型',
  branch: '党组织',
  joined: '入党日期',
  secretary: '书记',
} as const;

/** The optional 书记 column: 是 marks the party secretary, 否 unmarks; empty keeps what the roster has. */
const SECRETARY_BY_CELL = new Map<string, boolean | null>([
  ['是', true],
  ['书记', true],
  ['否', false],
  ['', null],
]);

export interface RosterEntry {
  rowNumber: number;
  name: string;
  phone: string;
  kind: MemberKind;
  branchId: number | null;
  /** `YYYY-MM-DD`; null when the cell is empty (an existing entry keeps what it has). */
  joinedPartyOn: string | null;
  /** 书记 (party secretary role): set, taken away, or (null) kept as it is. */
  secretary: boolean | null;
}

const KIND_BY_LABEL = new Map<string, MemberKind>([
  ...Object.entries(MEMBER_KIND_LABELS).map(([kind, label]) => [label, kind as MemberKind] as const),
  ['固定', 'fixed'],
  ['流动', 'mobile'],
  ['', 'fixed'],
]);

/** Day 0 of Excel's serial dates (1900 system, with its phantom 29 February 1900). */
const EXCEL_EPOCH = { year: 1899, month: 12, day: 30 };

/**
 * A day as people type it in a sheet: 2020-07-01, 2020/7/1, 2020.7.1, 2020年7月1日, or an Excel
 * date (the reader gives a date cell as YYYY-MM-DD; a date stored as its serial number is taken too).
 * Undefined when it is none of these or no such day.
 */
export function parseSheetDate(text: string): string | undefined {
  const serial = /^(\d{4,5})(?:\.0+)?$/.exec(text);
  if (serial) {
    const days = Number(serial[1]);
    return days >= 1 && days <= 2_958_465 ? formatDate(addDays(EXCEL_EPOCH, days)) : undefined;
  }
  const parts = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/.exec(text);
  if (!parts) return undefined;
  const value = `${parts[1]}-${parts[2]!.padStart(2, '0')}-${parts[3]!.padStart(2, '0')}`;
  return parseDate(value) ? value : undefined;
}

/**
 * Checks a whole roster sheet and answers its entries. Every problem is reported at once with its
 * row and column (`roster_invalid`), so nothing is imported unless the whole file is right.
 */
export function validateRoster(rows: SheetRow[], branchIdsByName: Map<string, number>, today: string): RosterEntry[] {
  const findings = findProblems(rows, branchIdsByName, today);
  if (!findings.ok) throw refuse(memberRefusals.roster_invalid, { rows: findings.errors });
  return findings.entries;
}

type Findings = { ok: true; entries: RosterEntry[] } | { ok: false; errors: RosterProblem[] };

function findProblems(rows: SheetRow[], branchIdsByName: Map<string, number>, today: string): Findings {
  const header = rows.find((row) => row.cells.some(Boolean));
  if (!header) return { ok: false, errors: [{ row: 1, column: '-', problem: '文件中没有数据' }] };
  const columnIndex = (title: string) => header.cells.findIndex((cell) => cell === title);
  const index = {
    name: columnIndex(ROSTER_COLUMNS.name),
    phone: columnIndex(ROSTER_COLUMNS.phone),
    kind: columnIndex(ROSTER_COLUMNS.kind),
    branch: columnIndex(ROSTER_COLUMNS.branch),
    joined: columnIndex(ROSTER_COLUMNS.joined),
    secretary: columnIndex(ROSTER_COLUMNS.secretary),
  };
  const errors: RosterProblem[] = [];
  for (const required of ['name', 'phone'] as const) {
    if (index[required] < 0) {
      errors.push({ row: header.rowNumber, column: ROSTER_COLUMNS[required], problem: `表头缺少“${ROSTER_COLUMNS[required]}”列` });
    }
  }
  if (errors.length) return { ok: false, errors };

  const entries: RosterEntry[] = [];
  const rowByPhone = new Map<string, number>();
  const cell = (row: SheetRow, at: number) => (at >= 0 ? (row.cells[at] ?? '') : '');
  for (const row of rows.filter((r) => r.rowNumber > header.rowNumber && r.cells.some(Boolean))) {
    const name = cell(row, index.name);
    const phone = normalizePhone(cell(row, index.phone));
    const kindLabel = cell(row, index.kind);
    const branchName = cell(row, index.branch);
    const joinedText = cell(row, index.joined);
    const rowErrors: RosterProblem[] = [];
    const fail = (column: string, problem: string) => rowErrors.push({ row: row.rowNumber, column, problem });

    if (!name) fail(ROSTER_COLUMNS.name, '姓名不能为空');
    else if (name.length > 50) fail(ROSTER_COLUMNS.name, '姓名不能超过 50 个字');
    if (!phone) fail(ROSTER_COLUMNS.phone, '手机号不能为空');
    else if (!isMobilePhone(phone)) fail(ROSTER_COLUMNS.phone, `“${cell(row, index.phone)}”不是 11 位手机号`);
    else if (rowByPhone.has(phone)) fail(ROSTER_COLUMNS.phone, `与第 ${rowByPhone.get(phone)} 行手机号重复`);
    const kind = KIND_BY_LABEL.get(kindLabel);
    if (!kind) fail(ROSTER_COLUMNS.kind, `党员类型应为“固定党员”或“流动党员”，而不是“${kindLabel}”`);
    const branchId = branchName ? (branchIdsByName.get(branchName) ?? null) : null;
    if (branchName && branchId === null) fail(ROSTER_COLUMNS.branch, `本单位没有名为“${branchName}”的党组织`);
    const joinedPartyOn = joinedText ? parseSheetDate(joinedText) : null;
    if (joinedPartyOn === undefined) fail(ROSTER_COLUMNS.joined, `“${joinedText}”不是有效日期（如 2020-07-01 或 2020年7月1日）`);
    else if (joinedPartyOn !== null && joinedPartyOn > today) fail(ROSTER_COLUMNS.joined, `入党日期 ${joinedPartyOn} 晚于今天`);
    const secretaryText = cell(row, index.secretary);
    const secretary = SECRETARY_BY_CELL.get(secretaryText);
    if (secretary === undefined) fail(ROSTER_COLUMNS.secretary, `书记一栏应填“是”“否”或留空，而不是“${secretaryText}”`);

    if (rowErrors.length) errors.push(...rowErrors);
    else
      entries.push({
        rowNumber: row.rowNumber,
        name,
        phone,
        kind: kind!,
        branchId,
        joinedPartyOn: joinedPartyOn ?? null,
        secretary: secretary ?? null,
      });
    if (phone && !rowByPhone.has(phone)) rowByPhone.set(phone, row.rowNumber);
  }
  if (!errors.length && !entries.length) errors.push({ row: header.rowNumber + 1, column: '-', problem: '表头下方没有任何党员记录' });
  return errors.length ? { ok: false, errors } : { ok: true, entries };
}
