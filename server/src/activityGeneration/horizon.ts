import type { JobOptions } from '../scheduling/scheduledJob';
import type { Database } from '../db/client';
import { extendAllRules } from './syncRuleActivities';

const EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * Keeps every rule's activities generated three months ahead as days go by: every six hours,
 * once per tick across instances (main.ts runs it through `scheduledJob`). Reports how many it created.
 */
export function activityHorizonJob(db: Database): JobOptions {
  return { everyMs: EVERY_MS, run: async (now) => ({ created: await extendAllRules(db, now) }) };
}
