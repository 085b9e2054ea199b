import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../../../services/errors';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  /** No network: the save waits in the outbox and finishes when it has been sent. */
  | { kind: 'queued' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; message: string };

/**
 * Saves a while after the last change (not on every key), never two saves at once: a change made
 * during a save is saved right after it. `flush` saves now and resolves when everything is saved.
 */
export function useAutosave(save: () => Promise<void>, delayMs: number) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const dirty = useRef(false);
  const saveRef = useRef(save);
  saveRef.current = save;

  const run = useCallback(async (): Promise<void> => {
    if (running.current) {
      await running.current;
      if (dirty.current) return run();
      return;
    }
    if (!dirty.current) return;
    dirty.current = false;
    setState({ kind: 'saving' });
    running.current = saveRef
      .current()
      .then(() => setState({ kind: 'saved', at: new Date() }))
      .catch((error: unknown) => {
        dirty.current = true;
        setState({ kind: 'error', message: messageOf(error) });
        throw error;
      })
      .finally(() => {
        running.current = null;
      });
    await running.current;
    if (dirty.current) return run();
  }, []);

  const changed = useCallback(() => {
    dirty.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      run().catch(() => undefined);
    }, delayMs);
  }, [delayMs, run]);

  const flush = useCallback(async () => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    await run();
  }, [run]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  /** The save in flight waits in the outbox (the network is gone); it still settles when sent. */
  const queued = useCallback(() => setState({ kind: 'queued' }), []);

  return { state, changed, flush, queued, isDirty: () => dirty.current };
}
