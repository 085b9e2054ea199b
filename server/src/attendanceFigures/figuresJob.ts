import type { Clock } from '../clock';
import type { Database } from '../db/client';
import type { JobOptions } from '../scheduling/scheduledJob';
import { advanceAttendanceFigures } from './keptFigures';

const EVERY_MS = 60 * 1000;

/**
 * Folds the activities whose check-in window has just closed into the kept figures, every
 * minute, once per tick across instances (main.ts runs it through `scheduledJob`). The dashboard
 * moves them to now on read as well, so nothing waits on this timer to be right; the job keeps
 * each read's share small.
 */
export function attendanceFiguresJob(db: Database, clock: Clock): JobOptions {
  return {
    everyMs: EVERY_MS,
    run: async () => {
      const { months, rebuilt } = await advanceAttendanceFigures(db, clock);
      return months > 0 || rebuilt ? { months, rebuilt } : undefined;
    },
  };
}
