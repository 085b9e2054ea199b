import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../../server/src/db/client';
import { runMigrations } from '../../../server/src/db/migrate';
import { scheduledJobTicks } from '../../../server/src/db/schema';
import { createLogger } from '../../../server/src/logger';
import { runJobTick, tickOf, type SchedulerEnvironment } from '../../../server/src/scheduling/scheduledJob';
import { TestClock } from '../../support/clock';
import { createServerDatabase, createTestDatabase, postgresServerUrl } from '../../support/testDatabase';

const HOUR = 3600_000;
const logger = createLogger('silent');

describe('scheduled job on the test database', () => {
  let database: DatabaseHandle;
  beforeAll(async () => (database = await createTestDatabase()));
  afterAll(async () => database.close());

  it('runs once per tick, again in the next tick, and records the tick it ran', async () => {
    const clock = new TestClock();
    const env: SchedulerEnvironment = { database, clock, logger };
    const runs: Date[] = [];
    const job = { everyMs: HOUR, run: async (now: Date) => runs.push(now) };
    expect((await runJobTick(env, 'test.once', job)).outcome).toBe('ran');
    clock.advance(60_000);
    expect((await runJobTick(env, 'test.once', job)).outcome).toBe('already_ran');
    clock.advance(HOUR);
    expect((await runJobTick(env, 'test.once', job)).outcome).toBe('ran');
    expect(runs).toHaveLength(2);
    const [row] = await database.db.select().from(scheduledJobTicks).where(eq(scheduledJobTicks.name, 'test.once'));
    expect(row?.lastTick).toBe(tickOf(clock.now(), HOUR));
  });

  it('records nothing when the work fails, so the tick is tried again', async () => {
    const clock = new TestClock();
    const env: SchedulerEnvironment = { database, clock, logger };
    let fail = true;
    const job = {
      everyMs: HOUR,
      run: async () => {
        if (fail) throw new Error('boom');
        return 'done';
      },
    };
    await expect(runJobTick(env, 'test.retry', job)).rejects.toThrow('boom');
    fail = false;
    expect(await runJobTick(env, 'test.retry', job)).toMatchObject({ outcome: 'ran', result: 'done' });
  });
});

/** Several instances are only ever on the PostgreSQL server: this part always runs there. */
describe('scheduled job across instances on the PostgreSQL server', () => {
  let fresh: Awaited<ReturnType<typeof createServerDatabase>>;
  const instances: DatabaseHandle[] = [];
  beforeAll(async () => {
    fresh = await createServerDatabase(postgresServerUrl());
    for (let i = 0; i < 3; i++) instances.push(await openDatabase({ databaseUrl: fresh.url }));
    await runMigrations(instances[0]!);
  });
  afterEach(async () => {
    await instances[0]!.db.delete(scheduledJobTicks);
  });
  afterAll(async () => {
    for (const instance of instances) await instance.close();
    await fresh.drop();
  });

  it('lets one of three instances firing at the same moment run the tick', async () => {
    const clock = new TestClock();
    let running = 0;
    let overlapped = false;
    let runs = 0;
    // The work holds on until the other instances have given up, so they all try while it runs.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const job = {
      everyMs: HOUR,
      run: async () => {
        running += 1;
        overlapped ||= running > 1;
        runs += 1;
        await released;
        running -= 1;
      },
    };
    // The winner cannot finish before release, so the first two to finish are the others.
    let finished = 0;
    const ticks = instances.map((database) =>
      runJobTick({ database, clock, logger }, 'test.parallel', job).finally(() => {
        finished += 1;
        if (finished === instances.length - 1) release();
      }),
    );
    const outcomes = (await Promise.all(ticks)).map((tick) => tick.outcome).sort();
    expect(runs).toBe(1);
    expect(overlapped).toBe(false);
    expect(outcomes.filter((outcome) => outcome === 'ran')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome !== 'ran')).toHaveLength(2);
  });

  it('skips a tick another instance finished earlier, and runs the next one', async () => {
    const clock = new TestClock();
    let runs = 0;
    const job = { everyMs: HOUR, run: async () => (runs += 1) };
    expect((await runJobTick({ database: instances[0]!, clock, logger }, 'test.later', job)).outcome).toBe('ran');
    clock.advance(10 * 60_000);
    expect((await runJobTick({ database: instances[1]!, clock, logger }, 'test.later', job)).outcome).toBe('already_ran');
    clock.advance(HOUR);
    expect((await runJobTick({ database: instances[2]!, clock, logger }, 'test.later', job)).outcome).toBe('ran');
    expect(runs).toBe(2);
  });
});
