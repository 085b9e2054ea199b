import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { AttemptLimiter, LimiterSpec } from './attemptLimiter';

/**
 * A fixed window per key in Redis (rate-limiter-flexible: one atomic INCR + PEXPIRE per attempt),
 * shared by every instance. The window runs on Redis's clock, not the injectable one. While Redis
 * does not answer, each process counts in its own memory (the insurance limiter) — looser by the
 * number of instances for that while, rather than refusing every sign-in.
 */
export function redisAttemptLimiter(redis: Redis, keyPrefix: string, { maxAttempts, windowMs }: LimiterSpec): AttemptLimiter {
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix,
    points: maxAttempts,
    duration: Math.ceil(windowMs / 1000),
    insuranceLimiter: new RateLimiterMemory({ points: maxAttempts, duration: Math.ceil(windowMs / 1000) }),
  });
  return {
    windowMs,
    async consume(key) {
      try {
        await limiter.consume(key);
        return { allowed: true, retryAfterMs: 0 };
      } catch (rejection) {
        // Over the allowance it rejects with the counter's state; anything else is Redis failing.
        if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterMs: rejection.msBeforeNext };
        throw rejection;
      }
    },
    async isBlocked(key) {
      const state = await limiter.get(key);
      return state !== null && state.consumedPoints >= maxAttempts;
    },
    async clear(key) {
      await limiter.delete(key);
    },
  };
}
