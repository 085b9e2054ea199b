import { releaseOverdueClaims } from '../commands/releaseOverdueClaims';
import { runCommand, type CommandEnvironment } from '../commands/context';
import type { JobOptions } from '../scheduling/scheduledJob';
import { memoryStorage } from '../storage/memoryStorage';

export const RELEASE_EVERY_MS = 10 * 60 * 1000;

/**
 * One run at `now`: releases every 微心愿 claim not marked 已联系 within 7 days; the wishes go back
 * first in the list. Idempotent and safe to run from two processes at once (conditional updates).
 */
export async function releaseStaleClaims(env: CommandEnvironment, now: Date): Promise<number> {
  const { released } = await runCommand({ ...env, clock: { now: () => now } }, null, releaseOverdueClaims, {});
  return released;
}

/**
 * Releases claims on time: every ten minutes, once per tick across instances (main.ts runs it
 * through `scheduledJob`). Reads already treat an overdue claim as released, so correctness does
 * not wait for the timer; the run sends the claimers their notices through the app's notifier.
 */
export function claimReleaseJob(env: Omit<CommandEnvironment, 'storage'>): JobOptions {
  const withStorage: CommandEnvironment = { ...env, storage: memoryStorage() };
  return { everyMs: RELEASE_EVERY_MS, run: async (now) => ({ released: await releaseStaleClaims(withStorage, now) }) };
}
