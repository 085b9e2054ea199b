import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../services/errors';
import { toast } from '../services/feedback';

export interface Page<T> {
  items: T[];
  total: number;
}

export type LoadPage<T> = (page: number, pageSize: number) => Promise<Page<T>>;

export interface PagedList<T> {
  items: T[];
  total: number;
  /** First page: loading, failed, or shown (possibly empty). */
  status: 'loading' | 'error' | 'ready';
  error: string | null;
  refreshing: boolean;
  loadingMore: boolean;
  /** A failed next page keeps the items shown and offers a retry at the bottom. */
  moreError: string | null;
  hasMore: boolean;
  reload(): void;
  refresh(): Promise<void>;
  loadMore(): Promise<void>;
}

interface State<T> {
  items: T[];
  total: number;
  page: number;
  status: PagedList<T>['status'];
  error: string | null;
  refreshing: boolean;
  loadingMore: boolean;
  moreError: string | null;
}

const initial: State<never> = {
  items: [],
  total: 0,
  page: 0,
  status: 'loading',
  error: null,
  refreshing: false,
  loadingMore: false,
  moreError: null,
};

/**
 * Every list of the app: first load, empty and error-with-retry states, pull-to-refresh (the page
 * sets `enablePullDownRefresh: true`), and the next page when the reader reaches the bottom.
 * `deps` are what the list depends on (a search text, a unit id): a change starts over from page 1,
 * and answers to older requests are dropped.
 */
export function usePagedList<T>(load: LoadPage<T>, deps: readonly unknown[], pageSize = 20): PagedList<T> {
  const [state, setState] = useState<State<T>>(initial);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const stateRef = useRef(state);
  stateRef.current = state;

  const fetchFirst = useCallback(
    async (mode: 'reload' | 'refresh') => {
      const mine = ++generation.current;
      setState((s) => (mode === 'reload' ? { ...initial, items: [] as T[] } : { ...s, refreshing: true, moreError: null }));
      try {
        const result = await loadRef.current(1, pageSize);
        if (mine !== generation.current) return;
        setState({ ...initial, items: result.items, total: result.total, page: 1, status: 'ready' });
      } catch (error) {
        if (mine !== generation.current) return;
        setState((s) =>
          mode === 'refresh' && s.status === 'ready'
            ? { ...s, refreshing: false, moreError: null, error: null }
            : { ...initial, items: [] as T[], status: 'error', error: messageOf(error) },
        );
        if (mode === 'refresh') toast(messageOf(error));
      }
    },
    [pageSize],
  );

  useEffect(() => {
    void fetchFirst('reload');
  }, deps);

  const refresh = useCallback(() => fetchFirst('refresh'), [fetchFirst]);
  const reload = useCallback(() => void fetchFirst('reload'), [fetchFirst]);

  const loadMore = useCallback(async () => {
    const s = stateRef.current;
    if (s.status !== 'ready' || s.loadingMore || s.refreshing || s.items.length >= s.total) return;
    const mine = generation.current;
    setState((prev) => ({ ...prev, loadingMore: true, moreError: null }));
    try {
      const result = await loadRef.current(s.page + 1, pageSize);
      if (mine !== generation.current) return;
      setState((prev) => ({
        ...prev,
        items: [...prev.items, ...result.items],
        total: result.total,
        page: prev.page + 1,
        loadingMore: false,
      }));
    } catch (error) {
      if (mine !== generation.current) return;
      setState((prev) => ({ ...prev, loadingMore: false, moreError: messageOf(error) }));
    }
  }, [pageSize]);

  usePullDownRefresh(() => {
    void refresh().finally(() => {
      void Promise.resolve(Taro.stopPullDownRefresh()).catch(() => undefined);
    });
  });

  useReachBottom(() => {
    void loadMore();
  });

  return {
    items: state.items,
    total: state.total,
    status: state.status,
    error: state.error,
    refreshing: state.refreshing,
    loadingMore: state.loadingMore,
    moreError: state.moreError,
    hasMore: state.status === 'ready' && state.items.length < state.total,
    reload,
    refresh,
    loadMore,
  };
}
