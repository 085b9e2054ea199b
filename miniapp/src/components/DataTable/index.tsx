import { Input, ScrollView, Text, View } from '@tarojs/components';
import { useMemo, useState, type ReactNode } from 'react';
import { Button } from '../Button';
import { filterRows, nextSort, sortRows, type Column, type SortState } from './sorting';
import './index.scss';

export type { Column } from './sorting';

export interface DataTableProps<Row> {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  keyOf: (row: Row) => string | number;
  /** Shown when there is no row (or none passes the filter). */
  empty: string;
  /** A box that keeps the rows containing its text; its placeholder says what it searches. */
  filterPlaceholder?: string;
  /** Rows per page, paged here; 0 shows them all (the caller pages, e.g. by `more`). */
  pageSize?: number;
  /** An export of what the table shows, where the server has one. */
  onExport?: () => void;
  exportLabel?: string;
  exporting?: boolean;
  onRowClick?: (row: Row) => void;
  /** Above the table, beside the filter: the caller's own controls (pickers, a segmented choice). */
  toolbar?: ReactNode;
  /** Under the table: the caller's paging (加载更多) when the server pages. */
  footer?: ReactNode;
  /** Read by screen readers and tests: what the table lists. */
  label: string;
}

const ARROWS = { asc: '▲', desc: '▼' } as const;

/**
 * A table that sorts by a tap on a heading, filters by text and pages — the console's lists. Wide
 * screens show it whole; on a phone it scrolls sideways inside its card, headings and all.
 */
export function DataTable<Row>({
  columns,
  rows,
  keyOf,
  empty,
  filterPlaceholder,
  pageSize = 20,
  onExport,
  exportLabel = '导出',
  exporting = false,
  onRowClick,
  toolbar,
  footer,
  label,
}: DataTableProps<Row>) {
  const [sort, setSort] = useState<SortState | null>(null);
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(1);
  const shown = useMemo(() => sortRows(filterRows(rows, columns, filter), columns, sort), [rows, columns, filter, sort]);
  const pages = pageSize > 0 ? Math.max(1, Math.ceil(shown.length / pageSize)) : 1;
  const current = Math.min(page, pages);
  const visible = pageSize > 0 ? shown.slice((current - 1) * pageSize, current * pageSize) : shown;

  return (
    <View className="zj-table">
      {filterPlaceholder || onExport || toolbar ? (
        <View className="zj-table__tools">
          {toolbar}
          {filterPlaceholder ? (
            <Input
              className="zj-table__filter"
              value={filter}
              placeholder={filterPlaceholder}
              ariaLabel={filterPlaceholder}
              maxlength={50}
              onInput={(event) => {
                setFilter(event.detail.value);
                setPage(1);
              }}
            />
          ) : null}
          {onExport ? (
            <Button size="small" variant="secondary" loading={exporting} onClick={onExport}>
              {exportLabel}
            </Button>
          ) : null}
        </View>
      ) : null}
      <ScrollView className="zj-table__scroll" scrollX>
        <View className="zj-table__grid" ariaRole="table" ariaLabel={label}>
          <View className="zj-table__row zj-table__row--head" ariaRole="row">
            {columns.map((column) => {
              const sorted = sort?.key === column.key ? sort.direction : null;
              return (
                <View
                  key={column.key}
                  className={`zj-table__cell zj-table__head${column.align === 'right' ? ' zj-table__cell--right' : ''}${column.sortBy ? ' zj-table__head--sortable' : ''}`}
                  ariaRole="columnheader"
                  ariaLabel={sorted ? `${column.title}（${sorted === 'asc' ? '升序' : '降序'}）` : column.title}
                  onClick={column.sortBy ? () => setSort(nextSort(sort, column.key)) : undefined}
                >
                  {column.title}
                  {column.sortBy ? (
                    <Text className={`zj-table__arrow${sorted ? ' zj-table__arrow--on' : ''}`}>{sorted ? ARROWS[sorted] : '↕'}</Text>
                  ) : null}
                </View>
              );
            })}
          </View>
          {visible.map((row) => (
            <View
              key={keyOf(row)}
              className={`zj-table__row${onRowClick ? ' zj-table__row--link' : ''}`}
              ariaRole="row"
              onClick={onRowClick ? () => onRowClick(row) : undefined}
            >
              {columns.map((column) => (
                <View
                  key={column.key}
                  className={`zj-table__cell${column.align === 'right' ? ' zj-table__cell--right' : ''}${column.wrap ? ' zj-table__cell--wrap' : ''}`}
                  ariaRole="cell"
                >
                  {column.cell ? column.cell(row) : column.render(row)}
                </View>
              ))}
            </View>
          ))}
        </View>
        {visible.length === 0 ? <Text className="zj-table__empty">{filter ? '没有符合筛选条件的记录' : empty}</Text> : null}
      </ScrollView>
      {pages > 1 ? (
        <View className="zj-table__pager">
          <Button size="small" variant="plain" disabled={current <= 1} onClick={() => setPage(current - 1)}>
            上一页
          </Button>
          <Text className="zj-table__page">
            第 {current} / {pages} 页 · 共 {shown.length} 条
          </Text>
          <Button size="small" variant="plain" disabled={current >= pages} onClick={() => setPage(current + 1)}>
            下一页
          </Button>
        </View>
      ) : null}
      {footer}
    </View>
  );
}
