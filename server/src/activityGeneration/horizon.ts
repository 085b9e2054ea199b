import type { Clock } from '../clock';
import type { Database } from '../db/client';
import type { Logger } from '../logger';
import { extendAllRules } from './syncRuleActivities';

const EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * Keeps every rule's activities generated three months ahead as days go by: once at start-up,
 * then every six hours. The timer does not keep the process alive.
 */
export function keepActivitiesGenerated(db: Database, clock: Clock, logger: Logger): () => void {
  const run = () =>
    extendAllRules(db, clock.now())
      .then((created) => created && logger.info({ created }, 'activities generated ahead'))
      .catch((error: unknown) => logger.error({ err: error }, 'activity generation failed'));
  void run();
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
