import {
  addDays,
  addMonths,
  DEFAULT_CHECKIN_SETTINGS,
  parseDate,
  shanghaiDate,
  shanghaiInstant,
  type CalendarDate,
  type DateRangeQuery,
} from '@zhijian/shared';
import { and, asc, count, eq, getTableColumns, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { CurrentUser } from '../auth/currentUser';
import type { Queryable } from '../db/client';
import {
  activities,
  activityGuests,
  activityPhotos,
  attendance,
  attendanceRequests,
  branches,
  checkinSettings,
  hostSiteMembers,
  hostSites,
  members,
  units,
} from '../db/schema';
import { notFound } from '../errors';
import { membersInRosterOrder, relationFrom, relationOf, rosterOf, rostersOf, type Relation, type RosterMember } from './activityRosters';
import { attendancePoints } from './checkins';

const DEFAULTS = DEFAULT_CHECKIN_SETTINGS;

/**
 * An activity with what every view of it needs: names, and its unit's check-in settings — the
 * defaults where the unit never changed them — so the row itself is the settings
 * `checkinWindow(row.startsAt, row)` takes.
 */
const activityColumns = {
  ...getTableColumns(activities),
  unitName: units.name,
  groupId: units.groupId,
  branchName: branches.name,
  hostSiteName: hostSites.name,
  windowBeforeMinutes: sql`coalesce(${checkinSettings.windowBeforeMinutes}, ${sql.raw(String(DEFAULTS.windowBeforeMinutes))})`.mapWith(
    checkinSettings.windowBeforeMinutes,
  ),
  windowAfterMinutes: sql`coalesce(${checkinSettings.windowAfterMinutes}, ${sql.raw(String(DEFAULTS.windowAfterMinutes))})`.mapWith(
    checkinSettings.windowAfterMinutes,
  ),
  lateAfterMinutes: sql`coalesce(${checkinSettings.lateAfterMinutes}, ${sql.raw(String(DEFAULTS.lateAfterMinutes))})`.mapWith(
    checkinSettings.lateAfterMinutes,
  ),
  geofence: sql`coalesce(${checkinSettings.geofence}, ${sql.raw(String(DEFAULTS.geofence))})`.mapWith(checkinSettings.geofence),
};

/** Activities with their names and settings; the caller adds `where` and `orderBy`. */
export function selectActivities(db: Queryable) {
  return db
    .select(activityColumns)
    .from(activities)
    .innerJoin(units, eq(units.id, activities.unitId))
    .leftJoin(branches, eq(branches.id, activities.branchId))
    .leftJoin(hostSites, eq(hostSites.id, activities.hostSiteId))
    .leftJoin(checkinSettings, eq(checkinSettings.unitId, activities.unitId));
}

export type ActivityRow = Awaited<ReturnType<ReturnType<typeof selectActivities>['execute']>>[number];

/**
 * The activity, or a 404 naming it. `lock` holds its row against other writers of it (opening
 * check-in, moves, photos) until the transaction ends; check-ins, which only reference it, go on.
 */
export async function findActivity(db: Queryable, id: number, options: { lock?: boolean } = {}): Promise<ActivityRow> {
  const query = selectActivities(db).where(eq(activities.id, id));
  const [row] = options.lock ? await query.for('no key update', { of: activities }) : await query;
  if (!row) throw notFound('活动');
  return row;
}

/** From/to days (inclusive) → instants; by default today and the three months after it. */
export function dayRange(query: DateRangeQuery, now: Date): { start: Date; end: Date } {
  const from: CalendarDate = query.from ? parseDate(query.from)! : shanghaiDate(now);
  const to: CalendarDate = query.to ? parseDate(query.to)! : addMonths(from, 3);
  return { start: shanghaiInstant(from, '00:00'), end: shanghaiInstant(addDays(to, 1), '00:00') };
}

function startsBetween({ start, end }: { start: Date; end: Date }): SQL {
  return and(gte(activities.startsAt, start), lt(activities.startsAt, end))!;
}

export async function listUnitActivities(db: Queryable, unitId: number, range: { start: Date; end: Date }): Promise<ActivityRow[]> {
  return selectActivities(db)
    .where(and(eq(activities.unitId, unitId), startsBetween(range)))
    .orderBy(asc(activities.startsAt), asc(activities.id));
}

/**
 * The activities a member takes part in: their host site's weekly meetings if they are an
 * attached mobile member, otherwise their unit's (and their branch's) activity days; plus any
 * they were invited to as a guest. `relationOf` tells how they stand to each row it lets through.
 */
export async function myActivityFilter(
  db: Queryable,
  user: CurrentUser,
): Promise<{ where: SQL; own: SQL | undefined; relationOf(row: ActivityRow): Relation }> {
  const [attached] = await db
    .select({ hostSiteId: hostSiteMembers.hostSiteId })
    .from(hostSiteMembers)
    .where(eq(hostSiteMembers.memberId, user.id));
  const asGuest = sql`${activities.id} in (select ${activityGuests.activityId} from ${activityGuests} where ${activityGuests.memberId} = ${user.id})`;
  let own: SQL | undefined;
  if (attached) own = eq(activities.hostSiteId, attached.hostSiteId);
  else if (user.unitId !== null && user.roles.includes('member')) {
    own = and(
      eq(activities.unitId, user.unitId),
      isNull(activities.hostSiteId),
      user.branchId === null ? isNull(activities.branchId) : or(isNull(activities.branchId), eq(activities.branchId, user.branchId)),
    );
  }
  return {
    where: own ? or(own, asGuest)! : asGuest,
    /** The member's own activities (unit, branch or host site), without the invitations. */
    own,
    // Every row the filter lets through is the member's own or one they were invited to.
    relationOf: (row) => relationFrom(row, user, attached?.hostSiteId ?? null, true)!,
  };
}

/** A member's attendance and requests at some activities: what their standing is made of. */
export interface StandingRows {
  /** My attendance, with the 活动积分 it earned as written to the ledger (clipped by a cap, possibly none). */
  records: Array<{
    activityId: number;
    status: 'present' | 'late';
    method: 'scan' | 'manual' | 'makeup';
    checkedInAt: Date;
    points: number;
  }>;
  requests: Array<typeof attendanceRequests.$inferSelect>;
}

export async function loadStandingRows(db: Queryable, memberId: number, activityIds: number[]): Promise<StandingRows> {
  if (!activityIds.length) return { records: [], requests: [] };
  const records = await db
    .select({
      activityId: attendance.activityId,
      status: attendance.status,
      method: attendance.method,
      checkedInAt: attendance.checkedInAt,
      points: attendancePoints,
    })
    .from(attendance)
    .where(and(eq(attendance.memberId, memberId), inArray(attendance.activityId, activityIds)));
  const requests = await db
    .select()
    .from(attendanceRequests)
    .where(and(eq(attendanceRequests.memberId, memberId), inArray(attendanceRequests.activityId, activityIds)))
    .orderBy(asc(attendanceRequests.id));
  return { records, requests };
}

export interface MyActivityRows {
  items: Array<{ activity: ActivityRow; relation: Relation }>;
  standing: StandingRows;
}

/** My activities in a date range, soonest first, with how I stand to each. */
export async function listMyActivities(db: Queryable, user: CurrentUser, range: { start: Date; end: Date }): Promise<MyActivityRows> {
  const filter = await myActivityFilter(db, user);
  const rows = await selectActivities(db)
    .where(and(filter.where, startsBetween(range)))
    .orderBy(asc(activities.startsAt), asc(activities.id));
  return {
    items: rows.map((activity) => ({ activity, relation: filter.relationOf(activity) })),
    standing: await loadStandingRows(
      db,
      user.id,
      rows.map((row) => row.id),
    ),
  };
}

export interface ActivityDetailRows {
  activity: ActivityRow;
  /** How the caller stands to it: null when they are neither expected, of its unit, nor invited. */
  relation: Relation | null;
  standing: StandingRows;
  photoIds: number[];
}

/** What an activity's page shows, as seen by `user`. */
export async function loadActivityDetail(db: Queryable, activity: ActivityRow, user: CurrentUser): Promise<ActivityDetailRows> {
  const relation = await relationOf(db, activity, user);
  const standing = relation ? await loadStandingRows(db, user.id, [activity.id]) : { records: [], requests: [] };
  const photos = await db
    .select({ id: activityPhotos.id })
    .from(activityPhotos)
    .where(eq(activityPhotos.activityId, activity.id))
    .orderBy(asc(activityPhotos.id));
  return { activity, relation, standing, photoIds: photos.map((photo) => photo.id) };
}

/** Whether anyone has checked in to the activity. */
export async function hasAttendance(db: Queryable, activityId: number): Promise<boolean> {
  const [record] = await db.select({ id: attendance.id }).from(attendance).where(eq(attendance.activityId, activityId)).limit(1);
  return Boolean(record);
}

export interface LiveListRows {
  activity: ActivityRow;
  roster: RosterMember[];
  records: Array<{
    id: number;
    memberId: number;
    status: 'present' | 'late';
    method: 'scan' | 'manual' | 'makeup';
    checkedInAt: Date;
    /** The 活动积分 the record earned, as written to the ledger. */
    points: number;
    name: string;
    branchName: string | null;
  }>;
  /** Members on approved leave. */
  onLeave: number[];
}

/** An attendance record as a live list shows it, but for the attendee's name (`loadLiveLists` names each member once). */
const RECORD_COLUMNS = {
  activityId: attendance.activityId,
  id: attendance.id,
  memberId: attendance.memberId,
  status: attendance.status,
  method: attendance.method,
  checkedInAt: attendance.checkedInAt,
  points: attendancePoints,
};

/** Attendance records with the attendee's name and points; the caller adds `where` and `orderBy`. */
function selectRecords(db: Queryable) {
  return db
    .select({ ...RECORD_COLUMNS, name: members.name, branchName: branches.name })
    .from(attendance)
    .innerJoin(members, eq(members.id, attendance.memberId))
    .leftJoin(branches, eq(branches.id, members.branchId));
}

function approvedLeave(activityIds: SQL): SQL {
  return and(
    inArray(attendanceRequests.activityId, activityIds),
    eq(attendanceRequests.kind, 'leave'),
    eq(attendanceRequests.status, 'approved'),
  )!;
}

/** Who is expected, who checked in and who is on leave: what the live list shows. */
export async function loadLiveList(db: Queryable, activity: ActivityRow): Promise<LiveListRows> {
  const roster = await rosterOf(db, activity);
  const records = await selectRecords(db)
    .where(eq(attendance.activityId, activity.id))
    // A stable order, so that a poll's changes can be sent as a delta (liveList/liveVersions).
    .orderBy(attendance.id);
  const leaves = await db
    .select({ memberId: attendanceRequests.memberId })
    .from(attendanceRequests)
    .where(approvedLeave(sql`(${activity.id})`));
  return { activity, roster, records, onLeave: leaves.map((leave) => leave.memberId) };
}

/**
 * The live lists of many activities (the ledger) in four queries however many there are: every
 * roster and every record by member id, every approved leave, then the members they name — each
 * once, where a year's ledger expects the same members at every activity — and split by activity.
 * Each list is what `loadLiveList` answers for its activity, in the same order; a member's roster
 * entry is one object shared by every activity they are expected at (a structured clone, as the
 * export worker gets the ledger, copies it once).
 */
export async function loadLiveLists(db: Queryable, rows: ActivityRow[]): Promise<LiveListRows[]> {
  if (rows.length === 0) return [];
  const ids = sql`(${sql.join(
    rows.map((row) => sql`${row.id}::int`),
    sql`, `,
  )})`;
  const rosters = await rostersOf(db, ids);
  const records = await db.select(RECORD_COLUMNS).from(attendance).where(inArray(attendance.activityId, ids)).orderBy(attendance.id);
  const leaves = await db
    .select({ activityId: attendanceRequests.activityId, memberId: attendanceRequests.memberId })
    .from(attendanceRequests)
    .where(approvedLeave(ids));
  const named = await membersInRosterOrder(db, [
    ...new Set([...rosters.map((entry) => entry.memberId), ...records.map((record) => record.memberId)]),
  ]);
  const members = new Map(named.map((member, position) => [member.id, { member, position }]));
  const memberOf = (id: number) => members.get(id)!;
  // Map.groupBy is Node 21; this runs on 20.
  const byActivity = <T extends { activityId: number }>(list: T[]) => {
    const groups = new Map<number, T[]>();
    for (const item of list) {
      const group = groups.get(item.activityId);
      if (group) group.push(item);
      else groups.set(item.activityId, [item]);
    }
    return groups;
  };
  const rosterOfActivity = byActivity(rosters);
  const recordsOfActivity = byActivity(records);
  const leavesOfActivity = byActivity(leaves);
  return rows.map((activity) => ({
    activity,
    roster: (rosterOfActivity.get(activity.id) ?? [])
      .map((entry) => memberOf(entry.memberId))
      .sort((a, b) => a.position - b.position)
      .map(({ member }) => member),
    records: (recordsOfActivity.get(activity.id) ?? []).map((record) => {
      const { name, branchName } = memberOf(record.memberId).member;
      return { ...record, name, branchName };
    }),
    onLeave: (leavesOfActivity.get(activity.id) ?? []).map((leave) => leave.memberId),
  }));
}

export type ActivityPhotoRow = typeof activityPhotos.$inferSelect;

/** The photo, or a 404 naming it. */
export async function findActivityPhoto(db: Queryable, id: number): Promise<ActivityPhotoRow> {
  const [photo] = await db.select().from(activityPhotos).where(eq(activityPhotos.id, id));
  if (!photo) throw notFound('照片');
  return photo;
}

export async function countActivityPhotos(db: Queryable, activityId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(activityPhotos).where(eq(activityPhotos.activityId, activityId));
  return row?.n ?? 0;
}

/** Roster entries with this phone number, any unit, with their unit's name: whom an organiser may invite. */
export async function findMembersByPhone(db: Queryable, phone: string) {
  return db
    .select({ id: members.id, name: members.name, unitId: members.unitId, unitName: units.name })
    .from(members)
    .leftJoin(units, eq(units.id, members.unitId))
    .where(eq(members.phone, phone));
}
