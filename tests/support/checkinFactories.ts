import { ApiError, slotOf } from '@zhijian/shared';
import { CheckinCodes } from '../../server/src/checkin/codes';
import type { Queryable } from '../../server/src/db/client';
import { activities, checkinSettings, hostSiteMembers, hostSites } from '../../server/src/db/schema';
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

export interface Refusal {
  status: number;
  code: string;
  message: string;
  reason: unknown;
  details: unknown;
}

/** The error a call ends with; fails the test when it succeeds. */
export async function refusal(promise: Promise<unknown>): Promise<Refusal> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const details = error.details as { reason?: unknown } | undefined;
    return { status: error.status, code: error.code, message: error.message, reason: details?.reason, details: error.details };
  }
  throw new Error('expected the call to be refused, but it succeeded');
}

/** Shanghai wall-clock instant, e.g. at('2026-11-25 14:00:00'). */
export function at(local: string): Date {
  return new Date(`${local.replace(' ', 'T')}+08:00`);
}
