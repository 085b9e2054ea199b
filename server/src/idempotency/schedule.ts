import type { Clock } from '../clock';
import type { Database } from '../db/client';
import type { Logger } from '../logger';
import { purgeIdempotencyKeys } from './keys';

export const PURGE_EVERY_MS = 60 * 60 * 1000;

/** One run: deletes the idempotency keys older than 24 hours (`keys.ts`). */
export async function purgeExpiredIdempotencyKeys(db: Database, clock: Clock): Promise<number> {
  return purgeIdempotencyKeys(db, clock.now());
}

/**
 * Keeps the idempotency table small: once at start-up, then hourly. Correctness does not wait for
 * it — a claim treats a key older than 24 hours as gone (`claimKey`). The timer does not keep the
 * process alive.
 */
export function keepIdempotencyKeysPurged(db: Database, clock: Clock, logger: Logger): () => void {
  const run = () =>
    purgeExpiredIdempotencyKeys(db, clock)
      .then((purged) => purged && logger.info({ purged }, 'expired idempotency keys purged'))
      .catch((error: unknown) => logger.error({ err: error }, 'idempotency key purge failed'));
  void run();
  const timer = setInterval(run, PURGE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
