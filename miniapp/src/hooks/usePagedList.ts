import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../services/errors';
import { toast } from '../services/feedback';

/** A counted page (`total`), or a page of a list read by position (`more`: whether more follow, no count). */
export type Page<T> = { items: T[]; total: number } | { items: T[]; more: boolean };

/** Page `page`; `last` is the last item shown so far, for lists paged by position (`before` an id). */
export type LoadPage<T> = (page: number, pageSize: number, last: T | undefined) => Promise<Page<T>>;

export interface PagedList<T> {
  items: T[];
  /** The count of the whole list; for a list without a count, the items shown so far. */
  total: number;
  /** Whether `total` is the whole list's count. */
  counted: boolean;
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
  counted: boolean;
  /** For a list without a count: whether the last page said more follow. */
  more: boolean;
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
  counted: true,
  more: false,
  page: 0,
  status: 'loading',
  error: null,
  refreshing: false,
  loadingMore: false,
  moreError: null,
};

/** The size fields of the state after a page: the count, or for an uncounted list what is shown and whether more follow. */
function sizeOf<T>(page: Page<T>, shown: number): Pick<State<T>, 'total' | 'counted' | 'more'> {
  return 'total' in page ? { total: page.total, counted: true, more: false } : { total: shown, counted: false, more: page.more };
}

function hasMoreIn<T>(s: State<T>): boolean {
  return s.counted ? s.items.length < s.total : s.more;
}

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
        const result = await loadRef.current(1, pageSize, undefined);
        if (mine !== generation.current) return;
        setState({ ...initial, ...sizeOf(result, result.items.length), items: result.items, page: 1, status: 'ready' });
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
    if (s.status !== 'ready' || s.loadingMore || s.refreshing || !hasMoreIn(s)) return;
    const mine = generation.current;
    setState((prev) => ({ ...prev, loadingMore: true, moreError: null }));
    try {
      const result = await loadRef.current(s.page + 1, pageSize, s.items[s.items.length - 1]);
      if (mine !== generation.current) return;
      setState((prev) => ({
        ...prev,
        ...sizeOf(result, prev.items.length + result.items.length),
        items: [...prev.items, ...result.items],
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
    counted: state.counted,
    status: state.status,
    error: state.error,
    refreshing: state.refreshing,
    loadingMore: state.loadingMore,
    moreError: state.moreError,
    hasMore: state.status === 'ready' && hasMoreIn(state),
    reload,
    refresh,
    loadMore,
  };
}
