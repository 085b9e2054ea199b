import type { Clock } from '../clock';
import { markOverdueLetters } from '../commands/markOverdueLetters';
import { runCommand } from '../commands/context';
import type { Database } from '../db/client';
import type { Logger } from '../logger';
import { loggingNotifier } from '../notify/notifier';
import type { JobOptions } from '../scheduling/scheduledJob';
import { memoryStorage } from '../storage/memoryStorage';

export const OVERDUE_CHECK_EVERY_MS = 15 * 60 * 1000;

export interface LetterDeadlineEnvironment {
  db: Database;
  logger: Logger;
}

/**
 * One run at `now`: flags letters whose acceptance or reply deadline has passed. Idempotent (a
 * flagged letter is not flagged again); readers see overdue on read as well, so nothing waits on
 * this timer to be right.
 */
export async function flagOverdueLetters(env: LetterDeadlineEnvironment, now: Date): Promise<number> {
  const clock: Clock = { now: () => now };
  const { flagged } = await runCommand(
    { db: env.db, clock, notifier: loggingNotifier(env.logger), storage: memoryStorage(), logger: env.logger },
    null,
    markOverdueLetters,
    {},
  );
  return flagged;
}

/**
 * Flags overdue letters every fifteen minutes, once per tick across instances (main.ts runs it
 * through `scheduledJob`).
 */
export function letterFlaggingJob(env: LetterDeadlineEnvironment): JobOptions {
  return { everyMs: OVERDUE_CHECK_EVERY_MS, run: async (now) => ({ flagged: await flagOverdueLetters(env, now) }) };
}
