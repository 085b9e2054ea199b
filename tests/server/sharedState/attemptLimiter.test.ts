import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAttemptLimiter, type LimiterStore } from '../../../server/src/limits/attemptLimiter';
import { TestClock } from '../../support/clock';
import { redisServerUrl } from '../../support/serverCluster';

const spec = { name: 'test', maxAttempts: 3, windowMs: 60_000 };

describe('memory limiter (one process)', () => {
  it('allows the allowance, then refuses until the window slides past the first attempt', async () => {
    const clock = new TestClock();
    const limiter = createAttemptLimiter({ kind: 'memory', clock }, spec);
    for (let i = 0; i < 3; i++) expect((await limiter.consume('a')).allowed).toBe(true);
    const refused = await limiter.consume('a');
    expect(refused).toEqual({ allowed: false, retryAfterMs: 60_000 });
    expect(await limiter.isBlocked('a')).toBe(true);
    expect(await limiter.isBlocked('b')).toBe(false);
    clock.advance(60_001);
    expect(await limiter.isBlocked('a')).toBe(false);
    expect((await limiter.consume('a')).allowed).toBe(true);
  });

  it('forgets a key when cleared', async () => {
    const limiter = createAttemptLimiter({ kind: 'memory', clock: new TestClock() }, spec);
    for (let i = 0; i < 3; i++) await limiter.consume('a');
    await limiter.clear('a');
    expect(await limiter.isBlocked('a')).toBe(false);
  });
});

describe('Redis limiter (every instance)', () => {
  const redis = new Redis(redisServerUrl(), { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  beforeAll(() => redis.connect());
  afterAll(() => redis.disconnect());
  // Two limiters on one prefix stand for the same limit in two instances.
  const store = (): LimiterStore => ({ kind: 'redis', redis, keyPrefix: `zj-test-${randomBytes(4).toString('hex')}:` });

  it('counts the attempts of every instance against one allowance, atomically', async () => {
    const shared = store();
    const [first, second] = [createAttemptLimiter(shared, spec), createAttemptLimiter(shared, spec)];
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? first : second).consume('address')));
    expect(outcomes.filter((outcome) => outcome.allowed)).toHaveLength(3);
    const refused = outcomes.find((outcome) => !outcome.allowed)!;
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(await first.isBlocked('address')).toBe(true);
    expect(await second.isBlocked('another')).toBe(false);
  });

  it('forgets a key for every instance when one clears it', async () => {
    const shared = store();
    const [first, second] = [createAttemptLimiter(shared, spec), createAttemptLimiter(shared, spec)];
    for (let i = 0; i < 3; i++) await first.consume('account');
    expect(await second.isBlocked('account')).toBe(true);
    await second.clear('account');
    expect(await first.isBlocked('account')).toBe(false);
  });

  it('counts in memory while Redis does not answer, rather than failing every attempt', async () => {
    // Nothing listens on port 1.
    const away = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    away.on('error', () => undefined);
    await away.connect().catch(() => undefined);
    try {
      const limiter = createAttemptLimiter({ kind: 'redis', redis: away, keyPrefix: 'zj-test-away:' }, spec);
      const outcomes = [];
      for (let i = 0; i < 4; i++) outcomes.push((await limiter.consume('address')).allowed);
      expect(outcomes).toEqual([true, true, true, false]);
      expect(await limiter.isBlocked('address')).toBe(true);
    } finally {
      away.disconnect();
    }
  });

  it('keeps limiters of different names apart', async () => {
    const shared = store();
    const signIn = createAttemptLimiter(shared, spec);
    const bind = createAttemptLimiter(shared, { ...spec, name: 'other' });
    for (let i = 0; i < 3; i++) await signIn.consume('127.0.0.1');
    expect(await bind.isBlocked('127.0.0.1')).toBe(false);
  });
});
