import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivityCache } from '../../../server/src/activityCache/activityCache';
import { listenForInvalidations, type Invalidations } from '../../../server/src/activityCache/invalidations';
import { openDatabase, type DatabaseHandle } from '../../../server/src/db/client';
import { runMigrations } from '../../../server/src/db/migrate';
import { activities } from '../../../server/src/db/schema';
import { createLogger } from '../../../server/src/logger';
import { createActivity } from '../../support/checkinFactories';
import { TestClock } from '../../support/clock';
import { createUnit } from '../../support/factories';
import { createServerDatabase, postgresServerUrl } from '../../support/testDatabase';

/** Two instances' caches on one PostgreSQL server database: NOTIFY is a server feature, so this always runs there. */
describe('activity cache across instances', () => {
  let fresh: Awaited<ReturnType<typeof createServerDatabase>>;
  let database: DatabaseHandle;
  const buses: Invalidations[] = [];
  beforeAll(async () => {
    fresh = await createServerDatabase(postgresServerUrl());
    database = await openDatabase({ databaseUrl: fresh.url });
    await runMigrations(database);
    const logger = createLogger('silent');
    for (let i = 0; i < 2; i++) buses.push(await listenForInvalidations(fresh.url, logger));
  });
  afterAll(async () => {
    for (const bus of buses) await bus.close();
    await database.close();
    await fresh.drop();
  });

  it('drops what another instance cached as soon as one changes an activity', async () => {
    const clock = new TestClock();
    const [one, other] = buses.map((bus) => new ActivityCache(database.db, () => clock.now(), bus));
    const unit = await createUnit(database.db);
    const activity = await createActivity(database.db, { unitId: unit.id, startsAt: clock.now(), title: '旧标题' });
    expect((await other!.get(activity.id)).title).toBe('旧标题');

    await database.db.update(activities).set({ title: '新标题' }).where(eq(activities.id, activity.id));
    // Within its second, `other` still answers from memory: the change is invisible without a notice.
    expect((await other!.get(activity.id)).title).toBe('旧标题');
    const told = new Promise<void>((resolve) => buses[1]!.subscribe(resolve));
    one!.clear();
    await told;
    expect((await other!.get(activity.id)).title).toBe('新标题');
  });
});
