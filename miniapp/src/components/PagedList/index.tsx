import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { PagedList as PagedListState } from '../../hooks/usePagedList';
import { Button } from '../Button';
import { StateView } from '../StateView';
import './index.scss';

interface PagedListProps<T> {
  list: PagedListState<T>;
  renderItem: (item: T) => ReactNode;
  keyOf: (item: T) => string | number;
  emptyTitle: string;
  emptyDescription?: ReactNode;
  /** Optional grouping (e.g. by year): a header is shown above the first item of each group. */
  groupOf?: (item: T) => string;
}

/** Renders a `usePagedList` list with its loading, empty, error and paging states. */
export function PagedList<T>({ list, renderItem, keyOf, emptyTitle, emptyDescription, groupOf }: PagedListProps<T>) {
  if (list.status === 'loading') return <StateView kind="loading" />;
  if (list.status === 'error') return <StateView kind="error" description={list.error} onRetry={list.reload} />;
  if (list.items.length === 0) return <StateView kind="empty" title={emptyTitle} description={emptyDescription} />;
  return (
    <View className={`zj-list${list.refreshing ? ' zj-refreshing' : ''}`}>
      {groups(list.items, groupOf).map((group) => (
        <View key={group.key} className="zj-list__group">
          {group.title !== null ? <Text className="zj-list__group-title">{group.title}</Text> : null}
          <View className="zj-list__items">
            {group.items.map((item) => (
              <View key={keyOf(item)} className="zj-list__item">
                {renderItem(item)}
              </View>
            ))}
          </View>
        </View>
      ))}
      <View className="zj-list__footer">
        {list.loadingMore ? (
          <Text className="zj-list__hint">正在加载更多…</Text>
        ) : list.moreError ? (
          <View className="zj-list__more-error">
            <Text className="zj-list__hint">{list.moreError}</Text>
            <Button variant="plain" size="small" onClick={() => void list.loadMore()}>
              重试
            </Button>
          </View>
        ) : list.hasMore ? (
          <Button variant="plain" size="small" onClick={() => void list.loadMore()}>
            {list.counted ? `加载更多（已显示 ${list.items.length} / ${list.total}）` : `加载更多（已显示 ${list.items.length} 条）`}
          </Button>
        ) : (
          <Text className="zj-list__hint">共 {list.total} 条，已全部显示</Text>
        )}
      </View>
    </View>
  );
}

/** Consecutive items of the same group together; without `groupOf`, one untitled group. */
function groups<T>(items: T[], groupOf?: (item: T) => string): { key: string; title: string | null; items: T[] }[] {
  if (!groupOf) return [{ key: 'all', title: null, items }];
  const result: { key: string; title: string | null; items: T[] }[] = [];
  for (const item of items) {
    const title = groupOf(item);
    const last = result[result.length - 1];
    if (last && last.title === title) last.items.push(item);
    else result.push({ key: `${result.length}-${title}`, title, items: [item] });
  }
  return result;
}
