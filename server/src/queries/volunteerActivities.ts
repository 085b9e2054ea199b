import { volunteerRefusals, type PageQuery } from '@zhijian/shared';
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { members, units, volunteerActivities, volunteerSignUps } from '../db/schema';
import { notFound, refuse } from '../errors';
import { paginate, type Page } from './paginate';

export type VolunteerActivityRecord = typeof volunteerActivities.$inferSelect;
export type VolunteerSignUpRow = typeof volunteerSignUps.$inferSelect;

/** A sign-up with where it stands in the queue (1 = first; null unless waitlisted). */
export type PlacedSignUp = VolunteerSignUpRow & { waitlistPosition: number | null };

export interface VolunteerActivityRow {
  activity: VolunteerActivityRecord;
  unitName: string | null;
  confirmed: number;
  waitlisted: number;
  mine: PlacedSignUp | null;
}

/** Who is looking: the unit they belong to decides which unit activities they see. */
export interface Viewer {
  id: number;
  unitId: number | null;
}

/**
 * The activity row, or 404. With `lock`, the row is locked for the transaction: sign-ups,
 * cancellations and edits queue on it. `lock: 'share'` (attendance) only keeps it from being
 * edited or cancelled meanwhile; scans do not queue behind one another.
 */
export async function findVolunteerActivity(
  db: Queryable,
  id: number,
  options: { lock?: boolean | 'share' } = {},
): Promise<VolunteerActivityRecord> {
  const query = db.select().from(volunteerActivities).where(eq(volunteerActivities.id, id));
  const [row] = options.lock === 'share' ? await query.for('share') : options.lock ? await query.for('update') : await query;
  if (!row) throw notFound('志愿活动');
  return row;
}

/** Nothing more happens to a cancelled activity: no sign-up, no cancellation, no attendance, no edit. */
export function refuseIfCancelled(activity: VolunteerActivityRecord): void {
  if (activity.cancelledAt) throw refuse(volunteerRefusals.activity_cancelled, { cancelReason: activity.cancelReason ?? '' });
}

/** How many members have attended the activity: once any has, it may no longer be called off or retimed. */
export async function countAttended(db: Queryable, activityId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(volunteerSignUps)
    .where(and(eq(volunteerSignUps.activityId, activityId), isNotNull(volunteerSignUps.attendedAt)));
  return row?.n ?? 0;
}

/** The openids of everyone holding a place or waiting for one: who hears of a change or a cancellation. */
export async function liveSignUpOpenids(db: Queryable, activityId: number): Promise<string[]> {
  const rows = await db
    .select({ openid: members.openid })
    .from(volunteerSignUps)
    .innerJoin(members, eq(members.id, volunteerSignUps.memberId))
    .where(and(eq(volunteerSignUps.activityId, activityId), inArray(volunteerSignUps.status, ['confirmed', 'waitlisted'])))
    .orderBy(asc(volunteerSignUps.id));
  return rows.flatMap((row) => (row.openid ? [row.openid] : []));
}

/** Association activities, and those of the viewer's own unit. */
export function visibleTo(viewer: Viewer): SQL {
  return viewer.unitId === null
    ? isNull(volunteerActivities.unitId)
    : or(isNull(volunteerActivities.unitId), eq(volunteerActivities.unitId, viewer.unitId))!;
}

export function canSeeVolunteerActivity(viewer: { unitId: number | null }, activity: { unitId: number | null }): boolean {
  return activity.unitId === null || activity.unitId === viewer.unitId;
}

const confirmedCount = sql<number>`(select count(*) from ${volunteerSignUps} s
  where s.activity_id = ${volunteerActivities.id} and s.status = 'confirmed')`.mapWith(Number);
const waitlistedCount = sql<number>`(select count(*) from ${volunteerSignUps} s
  where s.activity_id = ${volunteerActivities.id} and s.status = 'waitlisted')`.mapWith(Number);

/** The viewer's latest sign-up for each of these activities, with its waitlist position. */
export async function signUpsOf(db: Queryable, memberId: number, activityIds: number[]): Promise<Map<number, PlacedSignUp>> {
  if (!activityIds.length) return new Map();
  const rows = await db
    .selectDistinctOn([volunteerSignUps.activityId], {
      signUp: volunteerSignUps,
      ahead: sql<number>`(select count(*) from ${volunteerSignUps} w
        where w.activity_id = ${volunteerSignUps.activityId} and w.status = 'waitlisted' and w.id < ${volunteerSignUps.id})`.mapWith(
        Number,
      ),
    })
    .from(volunteerSignUps)
    .where(and(eq(volunteerSignUps.memberId, memberId), inArray(volunteerSignUps.activityId, activityIds)))
    .orderBy(volunteerSignUps.activityId, desc(volunteerSignUps.id));
  return new Map(
    rows.map(({ signUp, ahead }) => [
      signUp.activityId,
      { ...signUp, waitlistPosition: signUp.status === 'waitlisted' ? ahead + 1 : null },
    ]),
  );
}

function activityColumns() {
  return { activity: volunteerActivities, unitName: units.name, confirmed: confirmedCount, waitlisted: waitlistedCount };
}

/** One activity as a viewer sees it: counts and their own sign-up. */
export async function loadVolunteerActivity(db: Queryable, id: number, viewer: Viewer): Promise<VolunteerActivityRow> {
  const [row] = await db
    .select(activityColumns())
    .from(volunteerActivities)
    .leftJoin(units, eq(units.id, volunteerActivities.unitId))
    .where(eq(volunteerActivities.id, id));
  if (!row) throw notFound('志愿活动');
  const mine = await signUpsOf(db, viewer.id, [id]);
  return { ...row, mine: mine.get(id) ?? null };
}

/**
 * The activities a viewer sees: those still to end first (soonest first), then past ones (latest
 * first). `mine`: only those with a live sign-up of theirs.
 */
export async function listVolunteerActivities(
  db: Queryable,
  viewer: Viewer,
  now: Date,
  query: PageQuery & { mine?: 'true' | 'false' },
): Promise<Page<VolunteerActivityRow>> {
  const filters: SQL[] = [visibleTo(viewer)];
  if (query.mine === 'true') {
    filters.push(sql`exists (select 1 from ${volunteerSignUps} m
      where m.activity_id = ${volunteerActivities.id} and m.member_id = ${viewer.id} and m.status <> 'cancelled')`);
  }
  const where = and(...filters);
  const ended = sql`${volunteerActivities.endsAt} < ${now.toISOString()}::timestamptz`;
  const page = await paginate(query, {
    rows: db
      .select(activityColumns())
      .from(volunteerActivities)
      .leftJoin(units, eq(units.id, volunteerActivities.unitId))
      .where(where)
      .orderBy(
        asc(ended),
        sql`case when not ${ended} then ${volunteerActivities.startsAt} end asc`,
        desc(volunteerActivities.startsAt),
        asc(volunteerActivities.id),
      )
      .$dynamic(),
    count: db.select({ n: count() }).from(volunteerActivities).where(where),
  });
  const mine = await signUpsOf(
    db,
    viewer.id,
    page.items.map((row) => row.activity.id),
  );
  return { ...page, items: page.items.map((row) => ({ ...row, mine: mine.get(row.activity.id) ?? null })) };
}

export interface RosterRow {
  signUp: PlacedSignUp;
  member: { id: number; name: string; unitName: string | null };
}

/** Every sign-up of an activity: places first, then the queue in order, then the cancelled. */
export async function loadRoster(db: Queryable, activityId: number): Promise<RosterRow[]> {
  const rows = await db
    .select({ signUp: volunteerSignUps, memberId: members.id, name: members.name, unitName: units.name })
    .from(volunteerSignUps)
    .innerJoin(members, eq(members.id, volunteerSignUps.memberId))
    .leftJoin(units, eq(units.id, members.unitId))
    .where(eq(volunteerSignUps.activityId, activityId))
    .orderBy(sql`case ${volunteerSignUps.status} when 'confirmed' then 0 when 'waitlisted' then 1 else 2 end`, asc(volunteerSignUps.id));
  let position = 0;
  return rows.map((row) => ({
    signUp: { ...row.signUp, waitlistPosition: row.signUp.status === 'waitlisted' ? (position += 1) : null },
    member: { id: row.memberId, name: row.name, unitName: row.unitName },
  }));
}

/** The member's live sign-up for an activity, if any. */
export async function findLiveSignUp(db: Queryable, activityId: number, memberId: number): Promise<VolunteerSignUpRow | undefined> {
  const [row] = await db
    .select()
    .from(volunteerSignUps)
    .where(
      and(
        eq(volunteerSignUps.activityId, activityId),
        eq(volunteerSignUps.memberId, memberId),
        sql`${volunteerSignUps.status} <> 'cancelled'`,
      ),
    );
  return row;
}
