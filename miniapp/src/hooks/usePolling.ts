import { useEffect, useRef } from 'react';

/**
 * Runs `tick` every `intervalMs` while `active` (and at once, unless `startNow` is false: the data
 * was just loaded); a tick never overlaps the previous one. Stops when the page unmounts.
 */
export function usePolling(tick: () => Promise<unknown>, intervalMs: number, active: boolean, startNow = true): void {
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
    if (startNow) void run();
    else timer = setTimeout(() => void run(), intervalMs);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [intervalMs, active, startNow]);
}
