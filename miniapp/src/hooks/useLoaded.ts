import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../services/errors';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  reload(): void;
  /** Replace the shown value after a change made on this page (a favourite, a read). */
  update(change: (current: T) => T): void;
}

/** Loads whatever `load` gives for `key`, dropping answers for a key no longer shown. */
export function useLoaded<K extends string | number, T>(key: K | null, load: (key: K) => Promise<T>): Loaded<T> {
  const [state, setState] = useState<{ key: K | null; data: T | null; error: string | null }>({ key: null, data: null, error: null });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(key);
  latest.current = key;
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (key === null) return;
    setState({ key, data: null, error: null });
    loadRef.current(key).then(
      (data) => {
        if (latest.current === key) setState({ key, data, error: null });
      },
      (error: unknown) => {
        if (latest.current === key) setState({ key, data: null, error: messageOf(error) });
      },
    );
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const update = useCallback((change: (current: T) => T) => setState((s) => (s.data ? { ...s, data: change(s.data) } : s)), []);
  const current = state.key === key;
  return { data: current ? state.data : null, error: current ? state.error : null, reload, update };
}
