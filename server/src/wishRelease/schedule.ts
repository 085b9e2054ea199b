import { releaseOverdueClaims } from '../commands/releaseOverdueClaims';
import { runCommand, type CommandEnvironment } from '../commands/context';
import type { Clock } from '../clock';
import type { Database } from '../db/client';
import type { Logger } from '../logger';
import { loggingNotifier } from '../notify/notifier';
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
 * Keeps claims released on time: once at start-up, then every ten minutes. Reads already treat an
 * overdue claim as released, so correctness does not wait for the timer. The timer does not keep
 * the process alive.
 */
export function keepClaimsReleased(db: Database, clock: Clock, logger: Logger): () => void {
  const env: CommandEnvironment = { db, clock, notifier: loggingNotifier(logger), storage: memoryStorage(), logger };
  const run = () =>
    releaseStaleClaims(env, clock.now())
      .then((released) => released && logger.info({ released }, 'overdue wish claims released'))
      .catch((error: unknown) => logger.error({ err: error }, 'wish claim release failed'));
  void run();
  const timer = setInterval(run, RELEASE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
