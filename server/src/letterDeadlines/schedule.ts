import type { Clock } from '../clock';
import { markOverdueLetters } from '../commands/markOverdueLetters';
import { runCommand } from '../commands/context';
import type { Database } from '../db/client';
import type { Logger } from '../logger';
import { loggingNotifier } from '../notify/notifier';
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

/** Keeps overdue flags current: once at start-up, then every 15 minutes. The timer does not keep the process alive. */
export function keepLettersFlagged(db: Database, clock: Clock, logger: Logger): () => void {
  const run = () =>
    flagOverdueLetters({ db, logger }, clock.now())
      .then((flagged) => flagged && logger.info({ flagged }, 'overdue letters flagged'))
      .catch((error: unknown) => logger.error({ err: error }, 'flagging overdue letters failed'));
  void run();
  const timer = setInterval(run, OVERDUE_CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
