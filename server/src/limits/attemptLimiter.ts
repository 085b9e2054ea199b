import type { Redis } from 'ioredis';
import type { Clock } from '../clock';
import { memoryAttemptLimiter } from './memoryAttemptLimiter';
import { redisAttemptLimiter } from './redisAttemptLimiter';

/**
 * Counts attempts per key within a window: the sign-in rate per address, failed roster bindings
 * per account and per address. In memory a count is this process's alone; in Redis every
 * instance behind the load balancer adds to the same count, so N instances do not let N times
 * the allowance through.
 */
export interface AttemptLimiter {
  /** Counts one attempt; `allowed` is false once the key has used up its allowance, until `retryAfterMs` passes. */
  consume(key: string): Promise<{ allowed: boolean; retryAfterMs: number }>;
  /** Whether the key has used up its allowance, without counting an attempt. */
  isBlocked(key: string): Promise<boolean>;
  /** Forgets the key's attempts (a successful binding forgives the account's failures). */
  clear(key: string): Promise<void>;
  /** How long an attempt counts against its key. */
  readonly windowMs: number;
}

export interface LimiterSpec {
  /** Names the counter: keys of different limiters never meet. */
  name: string;
  maxAttempts: number;
  windowMs: number;
}

/** Where limiters keep their counts: Redis when REDIS_URL is set, else this process's memory. */
export type LimiterStore = { kind: 'memory'; clock: Clock } | { kind: 'redis'; redis: Redis; keyPrefix: string };

export function createAttemptLimiter(store: LimiterStore, spec: LimiterSpec): AttemptLimiter {
  return store.kind === 'redis'
    ? redisAttemptLimiter(store.redis, `${store.keyPrefix}${spec.name}`, spec)
    : memoryAttemptLimiter(store.clock, spec);
}
