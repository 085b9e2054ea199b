import {
  daysInMonth,
  duesRefusals,
  formatDate,
  formatMonth,
  isMobilePhone,
  normalizePhone,
  type CalendarDate,
  type RosterProblem,
} from '@zhijian/shared';
import { refuse } from '../errors';
import type { SheetRow } from '../roster/readSheet';

/** The columns of a dues sheet: who (name and phone, as on the roster) and an amount in yuan per month. */
export const DUES_COLUMNS = { name: '姓名', phone: '手机号' } as const;
const MONTH_HEADER = /^(\d{1,2})\s*月$/;

/** The most one month's dues may be (matches the contract's `DuesInput`): ¥100 000. */
const MAX_AMOUNT_CENTS = 10_000_000;

export interface DuesSheetEntry {
  rowNumber: number;
  memberId: number;
  months: Array<{ month: string; amountCents: number; paidOn: string }>;
}

/** A roster member as the sheet names them. */
export interface RosterByPhone {
  get(phone: string): { id: number; name: string } | undefined;
}

/** `50`, `50.5`, `¥50.00`, `50元`, `1,200` → fen; undefined when it is not an amount. */
export function parseYuan(text: string): number | undefined {
  const cleaned = text.replace(/[¥￥,，\s]/g, '').replace(/元$/, '');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(cleaned)) return undefined;
  const [whole, fraction = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/**
 * Checks a whole dues sheet of `year` against the unit's roster and answers its entries. Every
 * problem is reported at once with its row and column (`dues_sheet_invalid`), so nothing is
 * written unless the whole file is right. An empty month cell records nothing; the day paid of an
 * imported month is the month's last day, or today for a month not over yet.
 */
export function validateDuesSheet(rows: SheetRow[], year: number, roster: RosterByPhone, today: CalendarDate): DuesSheetEntry[] {
  const problems: RosterProblem[] = [];
  const header = rows.find((row) => row.cells.some(Boolean));
  if (!header) throw refuse(duesRefusals.dues_sheet_invalid, { rows: [{ row: 1, column: '-', problem: '文件中没有数据' }] });
  const at = (title: string) => header.cells.findIndex((cell) => cell === title);
  const nameAt = at(DUES_COLUMNS.name);
  const phoneAt = at(DUES_COLUMNS.phone);
  const monthColumns: Array<{ index: number; title: string; month: number }> = [];
  header.cells.forEach((cell, index) => {
    const match = MONTH_HEADER.exec(cell);
    const month = match ? Number(match[1]) : 0;
    if (month >= 1 && month <= 12) monthColumns.push({ index, title: cell, month });
  });
  if (nameAt < 0) problems.push({ row: header.rowNumber, column: DUES_COLUMNS.name, problem: `表头缺少“${DUES_COLUMNS.name}”列` });
  if (phoneAt < 0) problems.push({ row: header.rowNumber, column: DUES_COLUMNS.phone, problem: `表头缺少“${DUES_COLUMNS.phone}”列` });
  if (monthColumns.length === 0) problems.push({ row: header.rowNumber, column: '-', problem: '表头缺少月份列（1月 … 12月）' });
  const seenMonths = new Map<number, string>();
  for (const column of monthColumns) {
    if (seenMonths.has(column.month)) {
      problems.push({ row: header.rowNumber, column: column.title, problem: `与“${seenMonths.get(column.month)}”列重复` });
    }
    seenMonths.set(column.month, column.title);
  }
  if (problems.length) throw refuse(duesRefusals.dues_sheet_invalid, { rows: problems });

  const todayText = formatDate(today);
  const paidOnOf = (month: number) => {
    const last = formatDate({ year, month, day: daysInMonth(year, month) });
    return last < todayText ? last : todayText;
  };
  const cell = (row: SheetRow, index: number) => row.cells[index] ?? '';
  const rowByMember = new Map<number, number>();
  const entries: DuesSheetEntry[] = [];
  for (const row of rows.filter((r) => r.rowNumber > header.rowNumber && r.cells.some(Boolean))) {
    const fail = (column: string, problem: string) => problems.push({ row: row.rowNumber, column, problem });
    const before = problems.length;
    const name = cell(row, nameAt);
    const phoneText = cell(row, phoneAt);
    const phone = normalizePhone(phoneText);
    let memberId: number | undefined;
    if (!name) fail(DUES_COLUMNS.name, '姓名不能为空');
    if (!phone) fail(DUES_COLUMNS.phone, '手机号不能为空');
    else if (!isMobilePhone(phone)) fail(DUES_COLUMNS.phone, `“${phoneText}”不是 11 位手机号`);
    else {
      const member = roster.get(phone);
      if (!member) fail(DUES_COLUMNS.phone, `手机号 ${phone} 不在本单位名册中`);
      else if (name && name !== member.name) fail(DUES_COLUMNS.name, `姓名与名册不符（名册中该手机号为“${member.name}”）`);
      else if (rowByMember.has(member.id)) fail(DUES_COLUMNS.phone, `与第 ${rowByMember.get(member.id)} 行是同一名党员`);
      else {
        memberId = member.id;
        rowByMember.set(member.id, row.rowNumber);
      }
    }
    const months: DuesSheetEntry['months'] = [];
    for (const column of monthColumns) {
      const text = cell(row, column.index);
      if (!text) continue;
      const amountCents = parseYuan(text);
      if (amountCents === undefined) fail(column.title, `“${text}”不是金额（元，最多两位小数）`);
      else if (amountCents > MAX_AMOUNT_CENTS) fail(column.title, `金额 ${text} 超过每月 100000 元`);
      else months.push({ month: formatMonth(year, column.month), amountCents, paidOn: paidOnOf(column.month) });
    }
    if (problems.length === before && memberId !== undefined) entries.push({ rowNumber: row.rowNumber, memberId, months });
  }
  if (!problems.length && !entries.some((entry) => entry.months.length > 0)) {
    problems.push({ row: header.rowNumber + 1, column: '-', problem: '表中没有任何党费金额' });
  }
  if (problems.length) throw refuse(duesRefusals.dues_sheet_invalid, { rows: problems });
  return entries;
}
