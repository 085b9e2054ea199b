import type { ReactNode } from 'react';

/** One column of a table: its heading, how a row shows in it, and what it sorts by. */
export interface Column<Row> {
  key: string;
  title: string;
  /** The cell's text: what shows, and what the filter searches. */
  render: (row: Row) => string | number;
  /** Draws the cell instead of its text (a tag, a link); the filter still reads `render`. */
  cell?: (row: Row) => ReactNode;
  /** Text that may wrap over lines (a summary) instead of widening the table. */
  wrap?: boolean;
  /** What the column sorts by; without it the column does not sort. Nulls go last either way. */
  sortBy?: (row: Row) => string | number | null;
  /** Figures line up on the right. */
  align?: 'left' | 'right';
}

export interface SortState {
  key: string;
  direction: 'asc' | 'desc';
}

/** Chinese names sort by their pinyin order where the engine knows it, not by code point. */
const collator = typeof Intl !== 'undefined' ? new Intl.Collator('zh-Hans-CN', { numeric: true }) : undefined;

function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator ? collator.compare(String(a), String(b)) : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** The rows in the sort's order (stable: equal rows keep theirs); nulls last in both directions. */
export function sortRows<Row>(rows: readonly Row[], columns: readonly Column<Row>[], sort: SortState | null): Row[] {
  const column = sort && columns.find((c) => c.key === sort.key);
  if (!sort || !column?.sortBy) return [...rows];
  const sign = sort.direction === 'asc' ? 1 : -1;
  const value = column.sortBy;
  return rows
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) return compareValues(a.key, b.key) || a.index - b.index;
      return sign * compareValues(a.key, b.key) || a.index - b.index;
    })
    .map((item) => item.row);
}

/** A tap on a heading: sort by it ascending, then descending, then back to the given order. */
export function nextSort(current: SortState | null, key: string): SortState | null {
  if (!current || current.key !== key) return { key, direction: 'asc' };
  return current.direction === 'asc' ? { key, direction: 'desc' } : null;
}

/** Rows whose shown text contains `text` in any column (case-insensitive). */
export function filterRows<Row>(rows: readonly Row[], columns: readonly Column<Row>[], text: string): Row[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [...rows];
  return rows.filter((row) => columns.some((column) => String(column.render(row)).toLowerCase().includes(needle)));
}
