import { slotOf, type Refusal, type RefusalDetails } from '@zhijian/shared';
import { CheckinCodes } from '../../server/src/checkinCodes/rotatingCodes';
import type { Queryable } from '../../server/src/db/client';
import { activities, checkinSettings, hostSiteMembers, hostSites } from '../../server/src/db/schema';
import { expectRefused, refusalOf } from './refusals';
import { TEST_JWT_SECRET } from './testServer';

const codes = new CheckinCodes(TEST_JWT_SECRET);

/** The code the organiser's screen shows for this activity at `at`. */
export function codeFor(activityId: number, at: Date): string {
  return codes.sign({ activityId, slot: slotOf(at) });
}

/** An activity added by hand (no rule), 2 hours long unless told. */
export async function createActivity(db: Queryable, values: { unitId: number; startsAt: Date } & Partial<typeof activities.$inferInsert>) {
  const [row] = await db
    .insert(activities)
    .values({
      title: '党员固定活动日',
      placeName: '党群服务中心',
      origin: 'extra',
      endsAt: new Date(values.startsAt.getTime() + 2 * 3600_000),
      ...values,
    })
    .returning();
  return row!;
}

export async function setSettings(db: Queryable, unitId: number, values: Partial<typeof checkinSettings.$inferInsert>) {
  await db
    .insert(checkinSettings)
    .values({ unitId, ...values })
    .onConflictDoUpdate({ target: checkinSettings.unitId, set: values });
}

export async function createHostSite(
  db: Queryable,
  unitId: number,
  memberIds: number[] = [],
  name = `流动党员服务站${Math.random().toString(36).slice(2, 7)}`,
) {
  const [site] = await db.insert(hostSites).values({ unitId, name }).returning();
  if (memberIds.length) await db.insert(hostSiteMembers).values(memberIds.map((memberId) => ({ memberId, hostSiteId: site!.id })));
  return site!;
}

/**
 * `expectRefused`, answering the message too: for the tests where the Chinese message itself (a
 * time, a distance, a name) is what is tested.
 */
export async function expectRefusedSaying<F extends Refusal>(
  promise: Promise<unknown>,
  refusal: F,
): Promise<{ details: RefusalDetails<F>; message: string }> {
  const error = await refusalOf(promise);
  const details = await expectRefused(Promise.reject(error), refusal);
  return { details, message: error.message };
}

/** Shanghai wall-clock instant, e.g. at('2026-11-25 14:00:00'). */
export function at(local: string): Date {
  return new Date(`${local.replace(' ', 'T')}+08:00`);
}
