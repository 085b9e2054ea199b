import type { Clock } from '../clock';
import { bookEffectiveDeductions } from '../commands/bookEffectiveDeductions';
import { runCommand, type CommandEnvironment } from '../commands/context';
import type { Database } from '../db/client';
import type { Logger } from '../logger';
import { loggingNotifier } from '../notify/notifier';
import type { JobOptions } from '../scheduling/scheduledJob';
import { memoryStorage } from '../storage/memoryStorage';

export const BOOKING_EVERY_MS = 5 * 60 * 1000;

/** What the booking runs in: the database and the clock; it sends no messages and stores no files. */
function bookingEnvironment(db: Database, clock: Clock, logger: Logger): CommandEnvironment {
  return { db, clock, notifier: loggingNotifier(logger), storage: memoryStorage(), logger };
}

/** One run: books every deduction whose appeal window has passed unappealed since the last one. */
export async function bookDueDeductions(db: Database, clock: Clock, logger: Logger): Promise<number> {
  const { booked } = await runCommand(bookingEnvironment(db, clock, logger), null, bookEffectiveDeductions, {});
  return booked;
}

/**
 * Keeps the 诚信 ledger up with deductions that took effect when their appeal window passed:
 * every five minutes, once per tick across instances (main.ts runs it through `scheduledJob`).
 * Each run is idempotent (the ledger books a deduction once), and the index does not wait for
 * it — it reads deductions by the clock.
 */
export function deductionBookingJob(db: Database, clock: Clock, logger: Logger): JobOptions {
  return { everyMs: BOOKING_EVERY_MS, run: async () => ({ booked: await bookDueDeductions(db, clock, logger) }) };
}
