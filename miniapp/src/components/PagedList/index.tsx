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
}

/** Renders a `usePagedList` list with its loading, empty, error and paging states. */
export function PagedList<T>({ list, renderItem, keyOf, emptyTitle, emptyDescription }: PagedListProps<T>) {
  if (list.status === 'loading') return <StateView kind='loading' />;
  if (list.status === 'error') return <StateView kind='error' description={list.error} onRetry={list.reload} />;
  if (list.items.length === 0) return <StateView kind='empty' title={emptyTitle} description={emptyDescription} />;
  return (
    <View className='zj-list'>
      <View className='zj-list__items'>
        {list.items.map((item) => (
          <View key={keyOf(item)} className='zj-list__item'>
            {renderItem(item)}
          </View>
        ))}
      </View>
      <View className='zj-list__footer'>
        {list.loadingMore ? (
          <Text className='zj-list__hint'>正在加载更多…</Text>
        ) : list.moreError ? (
          <View className='zj-list__more-error'>
            <Text className='zj-list__hint'>{list.moreError}</Text>
            <Button variant='plain' size='small' onClick={() => void list.loadMore()}>
              重试
            </Button>
          </View>
        ) : list.hasMore ? (
          <Button variant='plain' size='small' onClick={() => void list.loadMore()}>
            加载更多（已显示 {list.items.length} / {list.total}）
          </Button>
        ) : (
          <Text className='zj-list__hint'>共 {list.total} 条，已全部显示</Text>
        )}
      </View>
    </View>
  );
}
