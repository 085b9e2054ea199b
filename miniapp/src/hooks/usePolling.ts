import { useEffect, useRef } from 'react';

/**
 * Runs `tick` now and then every `intervalMs` while `active`; a tick never overlaps the previous
 * one. Stops when the page unmounts.
 */
export function usePolling(tick: () => Promise<unknown>, intervalMs: number, active: boolean): void {
  const latest = useRef(tick);
  latest.current = tick;
  useEffect(() => {
    if (!active) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      try {
        await latest.current();
      } catch {
        // the page shows its own error; keep polling
      }
      if (!stopped) timer = setTimeout(() => void run(), intervalMs);
    };
    void run();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [intervalMs, active]);
}
