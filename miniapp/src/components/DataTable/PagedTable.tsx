import { View } from '@tarojs/components';
import type { PagedList } from '../../hooks/usePagedList';
import { Button } from '../Button';
import { StateView } from '../StateView';
import { DataTable, type DataTableProps } from './index';

type PagedTableProps<Row> = Omit<DataTableProps<Row>, 'rows' | 'pageSize' | 'footer'> & { list: PagedList<Row> };

/**
 * A table over a list the server pages (`usePagedList`): loading and failure as on every page, the
 * rows read so far sorted and filtered here, and 加载更多 under them while more follow.
 */
export function PagedTable<Row>({ list, ...table }: PagedTableProps<Row>) {
  // A failed first page shows no rows: the last ones would read as the answer to it.
  if (list.status === 'error') return <StateView kind="error" description={list.error ?? undefined} onRetry={list.reload} />;
  if (list.status === 'loading') return <StateView kind="loading" />;
  const shown = list.counted ? `已显示 ${list.items.length} / ${list.total}` : `已显示 ${list.items.length} 条`;
  return (
    <DataTable
      {...table}
      rows={list.items}
      pageSize={0}
      footer={
        list.hasMore || list.moreError ? (
          <View className="zj-table__pager">
            <Button size="small" variant="secondary" loading={list.loadingMore} onClick={() => void list.loadMore()}>
              {list.moreError ? '加载失败，重试' : `加载更多（${shown}）`}
            </Button>
          </View>
        ) : null
      }
    />
  );
}
