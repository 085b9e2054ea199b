import { eq, sql } from 'drizzle-orm';
import type { Clock } from '../clock';
import { selectRows, type DatabaseHandle, type Queryable } from '../db/client';
import { scheduledJobTicks } from '../db/schema';
import type { Logger } from '../logger';

/** What every scheduled job runs with; main.ts builds it once. */
export interface SchedulerEnvironment {
  database: DatabaseHandle;
  clock: Clock;
  logger: Logger;
}

export interface JobOptions {
  /** The interval: the job runs once per `everyMs`-long tick of the clock, on whichever instance gets there first. */
  everyMs: number;
  /** The work, idempotent as ever (a failed tick is tried again); its result is logged when truthy. */
  run: (now: Date) => Promise<unknown>;
}

export type TickOutcome = 'ran' | 'already_ran' | 'busy';

/** Tick n covers [n × everyMs, (n + 1) × everyMs) of epoch time: the same on every instance. */
export function tickOf(now: Date, everyMs: number): number {
  return Math.floor(now.getTime() / everyMs);
}

/**
 * One tick of a job, on whichever instance gets there first. On the PostgreSQL server it holds a
 * transaction-scoped advisory lock named after the job (`pg_try_advisory_xact_lock`): an instance
 * that cannot take it skips (another is running the tick), and the lock goes with the
 * transaction — a crashed instance never leaves it held. Under the lock the tick is compared with
 * the last one recorded, so an instance whose timer fires later in the same tick skips too. The
 * work itself runs on other connections; the tick is recorded only when it succeeded.
 * Embedded PGlite is one process (its directory is locked to it): no lock, just the tick record.
 */
export async function runJobTick(
  env: SchedulerEnvironment,
  name: string,
  { everyMs, run }: JobOptions,
): Promise<{ outcome: TickOutcome; tick: number; result?: unknown }> {
  const now = env.clock.now();
  const tick = tickOf(now, everyMs);
  const { database } = env;
  if (database.kind === 'pglite') {
    // A transaction here would hold PGlite's only connection while the work waits for it.
    if (await alreadyRan(database.db, name, tick)) return { outcome: 'already_ran', tick };
    const result = await run(now);
    await recordTick(database.db, name, tick, now);
    return { outcome: 'ran', tick, result };
  }
  return database.db.transaction(async (tx) => {
    const [lock] = await selectRows<{ locked: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(hashtext(${`scheduled-job:${name}`})::bigint) as locked`,
    );
    if (!lock?.locked) return { outcome: 'busy' as const, tick };
    if (await alreadyRan(tx, name, tick)) return { outcome: 'already_ran' as const, tick };
    const result = await run(now);
    await recordTick(tx, name, tick, now);
    return { outcome: 'ran' as const, tick, result };
  });
}

async function alreadyRan(db: Queryable, name: string, tick: number): Promise<boolean> {
  const [row] = await db.select({ lastTick: scheduledJobTicks.lastTick }).from(scheduledJobTicks).where(eq(scheduledJobTicks.name, name));
  return row !== undefined && row.lastTick >= tick;
}

async function recordTick(db: Queryable, name: string, tick: number, now: Date): Promise<void> {
  await db
    .insert(scheduledJobTicks)
    .values({ name, lastTick: tick, ranAt: now })
    .onConflictDoUpdate({ target: scheduledJobTicks.name, set: { lastTick: tick, ranAt: now } });
}

/**
 * Keeps a job running once per tick across every instance on the database: tries at start-up,
 * then every `everyMs` (the timer does not keep the process alive). Returns the stopper for
 * shutdown. A job is one line in main.ts:
 *
 *   const stop = scheduledJob('claims.auto-release', scheduler, { everyMs: 60_000, run: (now) => releaseStaleClaims(env, now) });
 */
export function scheduledJob(name: string, env: SchedulerEnvironment, options: JobOptions): () => void {
  const tryTick = () =>
    runJobTick(env, name, options)
      .then(({ outcome, tick, result }) => {
        // 'scheduled job tick' lines are what an operator (and the multi-instance test) reads.
        env.logger.info({ job: name, tick, outcome, ...(result ? { result } : {}) }, 'scheduled job tick');
      })
      .catch((error: unknown) => env.logger.error({ err: error, job: name }, 'scheduled job failed'));
  void tryTick();
  const timer = setInterval(tryTick, options.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
