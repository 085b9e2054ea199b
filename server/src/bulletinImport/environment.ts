import type { CommandEnvironment } from '../commands/context';
import type { Database } from '../db/client';
import { createLogger } from '../logger';
import { loggingNotifier } from '../notify/notifier';
import { memoryStorage } from '../storage/memoryStorage';

/**
 * What `saveImportedBulletin` runs in outside the app — the `import:bulletin` command line, the
 * demo loader and the search benchmark: the database and a clock, and nothing else. The import
 * sends no messages and stores no files; its refusals reach the caller as errors, so nothing is logged.
 */
export function importEnvironment(db: Database, now: () => Date): CommandEnvironment {
  const logger = createLogger('silent');
  return { db, clock: { now }, notifier: loggingNotifier(logger), storage: memoryStorage(), logger };
}
