import { windowState, type MyActivity } from '@zhijian/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { attendance, attendanceRequests } from '../db/schema';
import { windowOf, type ActivityRow } from './activityQuery';
import type { Relation } from './roster';

export type Standing = Pick<MyActivity, 'relation' | 'myStatus' | 'checkedInAt' | 'requests' | 'canRequestLeave' | 'canRequestMakeup'>;

/**
 * A member's standing at each of some activities: checked in (present/late), on approved leave,
 * absent once the window has closed without either, or still waiting.
 */
export async function standingsOf(
  db: Queryable,
  memberId: number,
  rows: ActivityRow[],
  relations: Map<number, Relation>,
  now: Date,
): Promise<Map<number, Standing>> {
  const ids = rows.map((row) => row.id);
  if (!ids.length) return new Map();
  const records = await db
    .select({ activityId: attendance.activityId, status: attendance.status, checkedInAt: attendance.checkedInAt })
    .from(attendance)
    .where(and(eq(attendance.memberId, memberId), inArray(attendance.activityId, ids)));
  const requests = await db
    .select()
    .from(attendanceRequests)
    .where(and(eq(attendanceRequests.memberId, memberId), inArray(attendanceRequests.activityId, ids)))
    .orderBy(asc(attendanceRequests.id));
  const result = new Map<number, Standing>();
  for (const row of rows) {
    const relation = relations.get(row.id);
    if (!relation) continue;
    const record = records.find((r) => r.activityId === row.id);
    const mine = requests.filter((r) => r.activityId === row.id);
    const onLeave = mine.some((r) => r.kind === 'leave' && r.status === 'approved');
    const state = windowState(windowOf(row), now);
    const myStatus = record ? record.status : onLeave ? 'leave' : state === 'closed' && relation === 'roster' ? 'absent' : 'waiting';
    result.set(row.id, {
      relation,
      myStatus,
      checkedInAt: record ? record.checkedInAt.toISOString() : null,
      requests: mine.map((r) => ({ id: r.id, kind: r.kind, status: r.status, reason: r.reason, decisionNote: r.decisionNote })),
      canRequestLeave: relation === 'roster' && !record && !mine.some((r) => r.kind === 'leave') && now.getTime() < row.startsAt.getTime(),
      canRequestMakeup: relation !== 'guest' && !record && !mine.some((r) => r.kind === 'makeup') && state === 'closed',
    });
  }
  return result;
}
