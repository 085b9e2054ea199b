import type { Clock } from '../clock';
import type { AttemptLimiter, LimiterSpec } from './attemptLimiter';

/**
 * A sliding window per key in this process's memory, read from the injectable clock (tests
 * advance it). Right for one process only: a second instance keeps counts of its own. A restart
 * forgets, which only ever helps an honest user.
 */
export function memoryAttemptLimiter(clock: Clock, { maxAttempts, windowMs }: LimiterSpec): AttemptLimiter {
  const attempts = new Map<string, number[]>();
  const recent = (key: string): number[] => {
    const since = clock.now().getTime() - windowMs;
    const kept = (attempts.get(key) ?? []).filter((at) => at > since);
    if (kept.length === 0) attempts.delete(key);
    return kept;
  };
  return {
    windowMs,
    async consume(key) {
      const kept = recent(key);
      const now = clock.now().getTime();
      // The oldest attempt still counting leaves the window first.
      if (kept.length >= maxAttempts) return { allowed: false, retryAfterMs: kept[0]! + windowMs - now };
      kept.push(now);
      attempts.set(key, kept);
      return { allowed: true, retryAfterMs: 0 };
    },
    async isBlocked(key) {
      return recent(key).length >= maxAttempts;
    },
    async clear(key) {
      attempts.delete(key);
    },
  };
}
