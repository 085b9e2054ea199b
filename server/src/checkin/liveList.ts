import { attendanceRate, windowState, type LiveEntry, type LiveList } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { attendance, attendanceRequests, branches, members } from '../db/schema';
import { presentActivity } from '../presenters/activities';
import { windowOf, type ActivityRow } from './activityQuery';
import { rosterOf } from './roster';

/** Who is in and who is not yet: the roster with each member's status, then anyone else who checked in. */
export async function liveList(db: Queryable, activity: ActivityRow, now: Date): Promise<LiveList> {
  const roster = await rosterOf(db, activity);
  const records = await db
    .select({
      id: attendance.id,
      memberId: attendance.memberId,
      status: attendance.status,
      method: attendance.method,
      checkedInAt: attendance.checkedInAt,
      name: members.name,
      branchName: branches.name,
    })
    .from(attendance)
    .innerJoin(members, eq(members.id, attendance.memberId))
    .leftJoin(branches, eq(branches.id, members.branchId))
    .where(eq(attendance.activityId, activity.id));
  const leaves = await db
    .select({ memberId: attendanceRequests.memberId })
    .from(attendanceRequests)
    .where(
      and(eq(attendanceRequests.activityId, activity.id), eq(attendanceRequests.kind, 'leave'), eq(attendanceRequests.status, 'approved')),
    );
  const onLeave = new Set(leaves.map((l) => l.memberId));
  const byMember = new Map(records.map((r) => [r.memberId, r]));
  const closed = windowState(windowOf(activity), now) === 'closed';

  const entries: LiveEntry[] = roster.map((member) => {
    const record = byMember.get(member.id);
    return {
      memberId: member.id,
      name: member.name,
      branchName: member.branchName,
      expected: true,
      status: record ? record.status : onLeave.has(member.id) ? 'leave' : closed ? 'absent' : 'waiting',
      method: record?.method ?? null,
      checkedInAt: record?.checkedInAt.toISOString() ?? null,
      attendanceId: record?.id ?? null,
    };
  });
  const expectedIds = new Set(roster.map((m) => m.id));
  const others: LiveEntry[] = records
    .filter((r) => !expectedIds.has(r.memberId))
    .map((r) => ({
      memberId: r.memberId,
      name: r.name,
      branchName: r.branchName,
      expected: false,
      status: r.status,
      method: r.method,
      checkedInAt: r.checkedInAt.toISOString(),
      attendanceId: r.id,
    }));
  const count = (status: LiveEntry['status']) => entries.filter((e) => e.status === status).length;
  const counts = { expected: entries.length, present: count('present'), late: count('late'), leave: count('leave') };
  return {
    activity: presentActivity(activity, now),
    counts: {
      ...counts,
      absent: counts.expected - counts.present - counts.late - counts.leave,
      rate: attendanceRate(counts),
      others: others.length,
    },
    entries: [...entries, ...others],
  };
}
