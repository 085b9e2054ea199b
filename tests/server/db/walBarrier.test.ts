import { describe, expect, it } from 'vitest';
import { WalBarrier } from '../../../server/src/db/walBarrier';

/** A flush whose end the test decides. */
function controlledFlush() {
  const runs: Array<{ finish: () => void }> = [];
  const barrier = new WalBarrier(
    () =>
      new Promise<void>((resolve) => {
        runs.push({ finish: resolve });
      }),
  );
  return { barrier, runs };
}

describe('WalBarrier', () => {
  it('starts a flush when none is running', async () => {
    const { barrier, runs } = controlledFlush();
    const done = barrier.flushed();
    expect(runs).toHaveLength(1);
    runs[0]!.finish();
    await done;
  });

  it('makes callers that come during a flush wait for the next one, which they share', async () => {
    const { barrier, runs } = controlledFlush();
    const first = barrier.flushed();
    let laterDone = 0;
    const later = [barrier.flushed(), barrier.flushed(), barrier.flushed()].map((p) => p.then(() => (laterDone += 1)));
    expect(runs).toHaveLength(1);
    runs[0]!.finish();
    await first;
    await Promise.resolve();
    // The flush that was running may have started before their commits: not theirs.
    expect(laterDone).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runs).toHaveLength(2);
    runs[1]!.finish();
    await Promise.all(later);
    expect(laterDone).toBe(3);
    expect(runs).toHaveLength(2);
  });

  it('keeps going after a failed flush', async () => {
    let calls = 0;
    const barrier = new WalBarrier(async () => {
      calls += 1;
      if (calls === 1) throw new Error('disk full');
    });
    await expect(barrier.flushed()).rejects.toThrow('disk full');
    await barrier.flushed();
    expect(calls).toBe(2);
  });
});
