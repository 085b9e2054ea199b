import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../services/errors';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  /** A load is in flight (the first one, a retry, or a refresh of what is shown). */
  loading: boolean;
  /** A refresh is in flight while the old data shows: the page dims it (`<Page busy>`). */
  refreshing: boolean;
  /** Starts over, showing the loading state: the retry after an error. */
  reload(): void;
  /** Loads again while keeping what is shown until the answer comes (back on the page, after a change). */
  refresh(): Promise<void>;
  /** Replace the shown value after a change made on this page (a favourite, a saved form). */
  update(change: (current: T) => T): void;
}

export interface LoadedOptions {
  /** Refresh each time the page shows again (back from a page that may have changed the data). */
  refreshOnShow?: boolean;
}

type Key = string | number | boolean;

interface State<K, T> {
  key: K | null;
  data: T | null;
  error: string | null;
  loading: boolean;
}

/**
 * What a page shows: loads whatever `load` gives for `key` (null: nothing to load yet), dropping
 * answers for a key no longer shown. A page's loading, error-with-retry and refresh in one place.
 */
export function useLoaded<K extends Key, T>(key: K | null, load: (key: K) => Promise<T>, options: LoadedOptions = {}): Loaded<T> {
  const [state, setState] = useState<State<K, T>>({ key: null, data: null, error: null, loading: false });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(key);
  latest.current = key;
  const loadRef = useRef(load);
  loadRef.current = load;
  /** Counts loads, so only the answer to the newest one is shown. */
  const generation = useRef(0);

  const fetch = useCallback(async (forKey: K, keep: boolean) => {
    const mine = ++generation.current;
    setState((s) => (keep && s.key === forKey ? { ...s, loading: true } : { key: forKey, data: null, error: null, loading: true }));
    try {
      const data = await loadRef.current(forKey);
      if (mine === generation.current && latest.current === forKey) setState({ key: forKey, data, error: null, loading: false });
    } catch (error) {
      if (mine === generation.current && latest.current === forKey)
        setState((s) => ({ key: forKey, data: s.key === forKey ? s.data : null, error: messageOf(error), loading: false }));
    }
  }, []);

  useEffect(() => {
    if (key !== null) void fetch(key, false);
  }, [key, attempt, fetch]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const refresh = useCallback(async () => {
    if (latest.current !== null) await fetch(latest.current, true);
  }, [fetch]);
  const update = useCallback((change: (current: T) => T) => setState((s) => (s.data ? { ...s, data: change(s.data) } : s)), []);

  const shownBefore = useRef(false);
  useDidShow(() => {
    // The first show is the first load, made above.
    if (shownBefore.current && options.refreshOnShow) void refresh();
    shownBefore.current = true;
  });

  const current = state.key === key;
  return {
    data: current ? state.data : null,
    error: current ? state.error : null,
    loading: key !== null && (!current || state.loading),
    refreshing: current && state.loading && state.data !== null,
    reload,
    refresh,
    update,
  };
}
