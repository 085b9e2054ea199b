import { ApiError } from '@zhijian/shared';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PagedList } from '../../../miniapp/src/components/PagedList';
import { usePagedList, type LoadPage } from '../../../miniapp/src/hooks/usePagedList';
import { taroControl } from '../../support/taro/taro';

interface Row {
  id: number;
  name: string;
}

function rows(from: number, count: number): Row[] {
  return Array.from({ length: count }, (_, i) => ({ id: from + i, name: `第${from + i}行` }));
}

function Harness({ load, query = '' }: { load: LoadPage<Row>; query?: string }) {
  const list = usePagedList(load, [query], 2);
  return (
    <PagedList
      list={list}
      keyOf={(row) => row.id}
      renderItem={(row) => <span>{row.name}</span>}
      emptyTitle="还没有数据"
      emptyDescription="说明文字"
    />
  );
}

describe('usePagedList + PagedList', () => {
  it('shows loading, then the first page and a load-more control', async () => {
    const load: LoadPage<Row> = async (page, size) => ({ items: rows((page - 1) * size + 1, size), total: 5 });
    render(<Harness load={load} />);
    expect(screen.getByText('正在加载…')).toBeInTheDocument();
    expect(await screen.findByText('第1行')).toBeInTheDocument();
    expect(screen.getByText('第2行')).toBeInTheDocument();
    expect(screen.getByText('加载更多（已显示 2 / 5）')).toBeInTheDocument();
  });

  it('shows the empty state with its explanation', async () => {
    render(<Harness load={async () => ({ items: [], total: 0 })} />);
    expect(await screen.findByText('还没有数据')).toBeInTheDocument();
    expect(screen.getByText('说明文字')).toBeInTheDocument();
  });

  it('shows the error with a retry that loads again', async () => {
    let fail = true;
    const load: LoadPage<Row> = async () => {
      if (fail) throw new ApiError(500, 'internal', '服务器内部错误，请稍后再试');
      return { items: rows(1, 1), total: 1 };
    };
    render(<Harness load={load} />);
    expect(await screen.findByText('服务器内部错误，请稍后再试')).toBeInTheDocument();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('第1行')).toBeInTheDocument();
  });

  it('loads the next page when the reader reaches the bottom, until all are shown', async () => {
    const pages: number[] = [];
    const load: LoadPage<Row> = async (page, size) => {
      pages.push(page);
      return { items: rows((page - 1) * size + 1, Math.min(size, 3 - (page - 1) * size)), total: 3 };
    };
    render(<Harness load={load} />);
    await screen.findByText('第2行');
    act(() => taroControl.fireReachBottom());
    expect(await screen.findByText('第3行')).toBeInTheDocument();
    expect(screen.getByText('共 3 条，已全部显示')).toBeInTheDocument();
    act(() => taroControl.fireReachBottom());
    expect(pages).toEqual([1, 2]);
  });

  it('pages a list without a count by the last item shown, until a page says no more follow', async () => {
    const after: Array<number | undefined> = [];
    // Ids 5..1, newest first: each page starts just before the last id shown.
    const load: LoadPage<Row> = async (_page, size, last) => {
      after.push(last?.id);
      const from = last ? last.id - 1 : 5;
      const items = Array.from({ length: Math.min(size, from) }, (_, i) => ({ id: from - i, name: `第${from - i}行` }));
      return { items, more: items.length > 0 && items[items.length - 1]!.id > 1 };
    };
    render(<Harness load={load} />);
    expect(await screen.findByText('第4行')).toBeInTheDocument();
    expect(screen.getByText('加载更多（已显示 2 条）')).toBeInTheDocument();
    act(() => taroControl.fireReachBottom());
    expect(await screen.findByText('第2行')).toBeInTheDocument();
    act(() => taroControl.fireReachBottom());
    expect(await screen.findByText('第1行')).toBeInTheDocument();
    expect(screen.getByText('共 5 条，已全部显示')).toBeInTheDocument();
    act(() => taroControl.fireReachBottom());
    expect(after).toEqual([undefined, 4, 2]);
  });

  it('keeps shown items when a next page fails, and retries it at the bottom', async () => {
    let failNext = true;
    const load: LoadPage<Row> = async (page, size) => {
      if (page === 2 && failNext) throw new ApiError(0, 'network', '网络连接失败，请检查网络后重试');
      return { items: rows((page - 1) * size + 1, size), total: 4 };
    };
    render(<Harness load={load} />);
    await screen.findByText('第2行');
    act(() => taroControl.fireReachBottom());
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeInTheDocument();
    expect(screen.getByText('第1行')).toBeInTheDocument();
    failNext = false;
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('第4行')).toBeInTheDocument();
  });

  it('starts over on pull-to-refresh and stops the refresh indicator', async () => {
    let version = 1;
    const load: LoadPage<Row> = async () => ({ items: [{ id: 1, name: `版本${version}` }], total: 1 });
    render(<Harness load={load} />);
    await screen.findByText('版本1');
    version = 2;
    act(() => taroControl.firePullDownRefresh());
    expect(await screen.findByText('版本2')).toBeInTheDocument();
    await waitFor(() => expect(taroControl.stopPullDownRefreshCalls).toBe(1));
  });

  it('drops the answer to an older query when the query changes', async () => {
    const resolvers: Record<string, (rows: Row[]) => void> = {};
    const makeLoad =
      (query: string): LoadPage<Row> =>
      () =>
        new Promise((resolve) => {
          resolvers[query] = (items) => resolve({ items, total: items.length });
        });
    const { rerender } = render(<Harness load={makeLoad('a')} query="a" />);
    rerender(<Harness load={makeLoad('b')} query="b" />);
    await act(async () => resolvers.b!([{ id: 2, name: '新查询' }]));
    await act(async () => resolvers.a!([{ id: 1, name: '旧查询' }]));
    expect(screen.getByText('新查询')).toBeInTheDocument();
    expect(screen.queryByText('旧查询')).not.toBeInTheDocument();
  });
});
