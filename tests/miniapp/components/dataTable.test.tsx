import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DataTable, type Column } from '../../../miniapp/src/components/DataTable';
import { nextSort, sortRows } from '../../../miniapp/src/components/DataTable/sorting';

interface Unit {
  id: number;
  name: string;
  members: number;
  rate: number | null;
}

const UNITS: Unit[] = [
  { id: 1, name: '乙单位', members: 12, rate: 0.5 },
  { id: 2, name: '甲单位', members: 313, rate: null },
  { id: 3, name: '丙单位', members: 7, rate: 0.9 },
];

const COLUMNS: Column<Unit>[] = [
  { key: 'name', title: '单位', render: (u) => u.name, sortBy: (u) => u.name },
  { key: 'members', title: '党员', render: (u) => u.members, sortBy: (u) => u.members, align: 'right' },
  { key: 'rate', title: '出勤率', render: (u) => (u.rate === null ? '—' : `${u.rate * 100}%`), sortBy: (u) => u.rate, align: 'right' },
  { key: 'note', title: '备注', render: () => '' },
];

/** The first column of every body row, top to bottom. */
function firstColumn(): string[] {
  return screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent ?? '');
}

describe('DataTable', () => {
  it('shows the rows in the given order under their headings', () => {
    render(<DataTable label="会员单位" columns={COLUMNS} rows={UNITS} keyOf={(u) => u.id} empty="暂无单位" />);
    expect(screen.getByRole('table', { name: '会员单位' })).toBeInTheDocument();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['单位↕', '党员↕', '出勤率↕', '备注']);
    expect(firstColumn()).toEqual(['乙单位', '甲单位', '丙单位']);
  });

  it('sorts by a tapped heading: ascending, descending, then back; blanks stay last', () => {
    render(<DataTable label="会员单位" columns={COLUMNS} rows={UNITS} keyOf={(u) => u.id} empty="暂无单位" />);
    fireEvent.click(screen.getByRole('columnheader', { name: '党员' }));
    expect(firstColumn()).toEqual(['丙单位', '乙单位', '甲单位']);
    expect(screen.getByRole('columnheader', { name: '党员（升序）' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('columnheader', { name: '党员（升序）' }));
    expect(firstColumn()).toEqual(['甲单位', '乙单位', '丙单位']);
    fireEvent.click(screen.getByRole('columnheader', { name: '党员（降序）' }));
    expect(firstColumn()).toEqual(['乙单位', '甲单位', '丙单位']);
    fireEvent.click(screen.getByRole('columnheader', { name: '出勤率' }));
    expect(firstColumn()).toEqual(['乙单位', '丙单位', '甲单位']);
    fireEvent.click(screen.getByRole('columnheader', { name: '出勤率（升序）' }));
    expect(firstColumn()).toEqual(['丙单位', '乙单位', '甲单位']);
  });

  it('does not sort by a column without a sort key', () => {
    render(<DataTable label="会员单位" columns={COLUMNS} rows={UNITS} keyOf={(u) => u.id} empty="暂无单位" />);
    fireEvent.click(screen.getByRole('columnheader', { name: '备注' }));
    expect(firstColumn()).toEqual(['乙单位', '甲单位', '丙单位']);
  });

  it('keeps the rows containing the filter text, and says when none does', () => {
    render(
      <DataTable label="会员单位" columns={COLUMNS} rows={UNITS} keyOf={(u) => u.id} empty="暂无单位" filterPlaceholder="按单位筛选" />,
    );
    fireEvent.change(screen.getByPlaceholderText('按单位筛选'), { target: { value: '甲' } });
    expect(firstColumn()).toEqual(['甲单位']);
    fireEvent.change(screen.getByPlaceholderText('按单位筛选'), { target: { value: '丁' } });
    expect(firstColumn()).toEqual([]);
    expect(screen.getByText('没有符合筛选条件的记录')).toBeInTheDocument();
  });

  it('says so when there is nothing at all', () => {
    render(<DataTable label="会员单位" columns={COLUMNS} rows={[]} keyOf={(u) => u.id} empty="暂无单位" />);
    expect(screen.getByText('暂无单位')).toBeInTheDocument();
  });

  it('pages the rows, sorted across pages, and filters from the first page', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ id: i + 1, name: `单位${i + 1}`, members: i + 1, rate: null }));
    render(
      <DataTable
        label="会员单位"
        columns={COLUMNS}
        rows={many}
        keyOf={(u) => u.id}
        empty="暂无单位"
        pageSize={10}
        filterPlaceholder="筛选"
      />,
    );
    expect(screen.getByText('第 1 / 3 页 · 共 25 条')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '上一页' })).toBeDisabled();
    fireEvent.click(screen.getByRole('columnheader', { name: '党员' }));
    fireEvent.click(screen.getByRole('columnheader', { name: '党员（升序）' }));
    expect(firstColumn()[0]).toBe('单位25');
    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    expect(screen.getByText('第 2 / 3 页 · 共 25 条')).toBeInTheDocument();
    expect(firstColumn()[0]).toBe('单位15');
    fireEvent.change(screen.getByPlaceholderText('筛选'), { target: { value: '单位2' } });
    // 单位2, 单位20…25: 7 rows, one page, the page number back at 1.
    expect(firstColumn()).toEqual(['单位25', '单位24', '单位23', '单位22', '单位21', '单位20', '单位2']);
    expect(screen.queryByText(/页 · 共/)).toBeNull();
  });

  it('offers the export where there is one, and opens a row on a tap', () => {
    const onExport = vi.fn();
    const onRowClick = vi.fn();
    render(
      <DataTable
        label="会员单位"
        columns={COLUMNS}
        rows={UNITS}
        keyOf={(u) => u.id}
        empty="暂无单位"
        onExport={onExport}
        exportLabel="导出台账"
        onRowClick={onRowClick}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: '导出台账' }));
    expect(onExport).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByText('丙单位'));
    expect(onRowClick).toHaveBeenCalledWith(UNITS[2]);
  });
});

describe('sortRows', () => {
  it('keeps equal rows in their order and puts nulls last both ways', () => {
    const rows = [
      { id: 1, v: 2 },
      { id: 2, v: null },
      { id: 3, v: 1 },
      { id: 4, v: 2 },
    ];
    const columns = [
      { key: 'v', title: 'v', render: (r: (typeof rows)[number]) => String(r.v), sortBy: (r: (typeof rows)[number]) => r.v },
    ];
    expect(sortRows(rows, columns, { key: 'v', direction: 'asc' }).map((r) => r.id)).toEqual([3, 1, 4, 2]);
    expect(sortRows(rows, columns, { key: 'v', direction: 'desc' }).map((r) => r.id)).toEqual([1, 4, 3, 2]);
    expect(nextSort(null, 'v')).toEqual({ key: 'v', direction: 'asc' });
    expect(nextSort({ key: 'v', direction: 'desc' }, 'v')).toBeNull();
    expect(nextSort({ key: 'v', direction: 'desc' }, 'w')).toEqual({ key: 'w', direction: 'asc' });
  });
});
