import type { Clock } from '../clock';
import type { Database } from '../db/client';
import type { JobOptions } from '../scheduling/scheduledJob';
import { purgeIdempotencyKeys } from './keys';

export const PURGE_EVERY_MS = 60 * 60 * 1000;

/** One run: deletes the idempotency keys older than 24 hours (`keys.ts`). */
export async function purgeExpiredIdempotencyKeys(db: Database, clock: Clock): Promise<number> {
  return purgeIdempotencyKeys(db, clock.now());
}

/**
 * Keeps the idempotency table small: hourly, once per tick across instances (main.ts runs it
 * through `scheduledJob`). Correctness does not wait for it — a claim treats a key older than
 * 24 hours as gone (`claimKey`).
 */
export function idempotencyPurgeJob(db: Database): JobOptions {
  return { everyMs: PURGE_EVERY_MS, run: async (now) => ({ purged: await purgeIdempotencyKeys(db, now) }) };
}
