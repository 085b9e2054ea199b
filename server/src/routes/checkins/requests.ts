import type Router from '@koa/router';
import { api, formatShanghaiTime, windowState, type AttendanceRequestView } from '@zhijian/shared';
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { CurrentUser } from '../../auth/currentUser';
import { loadActivity, windowOf, type ActivityRow } from '../../checkin/activityQuery';
import { refuse } from '../../checkin/refusal';
import { relationOf } from '../../checkin/roster';
import { presentAttendance, recordAttendance } from '../../commands/recordAttendance';
import { recordAudit } from '../../commands/recordAudit';
import type { Queryable } from '../../db/client';
import { activities, attendance, attendanceRequests, members } from '../../db/schema';
import { notFound } from '../../errors';
import { authorizeOrganiser, authorizeUnitActivities } from '../../policies/checkin';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

const requestColumns = {
  request: attendanceRequests,
  memberName: members.name,
  activityTitle: activities.title,
  activityStartsAt: activities.startsAt,
  unitId: activities.unitId,
};

function selectRequests(db: Queryable) {
  return db
    .select(requestColumns)
    .from(attendanceRequests)
    .innerJoin(members, eq(members.id, attendanceRequests.memberId))
    .innerJoin(activities, eq(activities.id, attendanceRequests.activityId));
}

type RequestRow = Awaited<ReturnType<ReturnType<typeof selectRequests>['execute']>>[number];

function present(row: RequestRow): AttendanceRequestView {
  const r = row.request;
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    reason: r.reason,
    decisionNote: r.decisionNote,
    member: { id: r.memberId, name: row.memberName },
    activity: { id: r.activityId, title: row.activityTitle, startsAt: row.activityStartsAt.toISOString() },
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
  };
}

async function loadRequest(db: Queryable, id: number): Promise<RequestRow> {
  const [row] = await selectRequests(db).where(eq(attendanceRequests.id, id));
  if (!row) throw notFound('申请');
  return row;
}

/** 请假 before the start and 补签 after the window: asked by the member, decided by the organiser. */
export function requestRoutes(services: AppServices, router: Router): void {
  const { db, clock } = services;

  async function ask(user: CurrentUser, activity: ActivityRow, kind: 'leave' | 'makeup', reason: string, now: Date) {
    const [record] = await db
      .select({ id: attendance.id })
      .from(attendance)
      .where(and(eq(attendance.activityId, activity.id), eq(attendance.memberId, user.id)));
    if (record) throw refuse('conflict', 'already_checked_in', kind === 'leave' ? '你已签到，无需请假' : '你已签到，无需补签');
    const [created] = await db
      .insert(attendanceRequests)
      .values({ activityId: activity.id, memberId: user.id, kind, reason, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: attendanceRequests.id });
    if (!created)
      throw refuse('conflict', 'already_requested', kind === 'leave' ? '你已为本次活动提交过请假申请' : '你已为本次活动提交过补签申请');
    return present(await loadRequest(db, created.id));
  }

  mount(router, services, api.checkins.requestLeave, async ({ params, body, user }) => {
    const activity = await loadActivity(db, params.id);
    const relation = await relationOf(db, activity, user);
    if (relation !== 'roster') throw refuse('forbidden', 'not_on_roster', '你不在本次活动的应到名单中，无需请假');
    const now = clock.now();
    if (now.getTime() >= activity.startsAt.getTime()) {
      throw refuse(
        'deadline_passed',
        'leave_too_late',
        `活动已于 ${formatShanghaiTime(activity.startsAt)} 开始，不能再请假；如未能参加，请联系组织者`,
      );
    }
    return ask(user, activity, 'leave', body.reason, now);
  });

  mount(router, services, api.checkins.requestMakeup, async ({ params, body, user }) => {
    const activity = await loadActivity(db, params.id);
    const relation = await relationOf(db, activity, user);
    if (relation !== 'roster' && relation !== 'unit') throw refuse('forbidden', 'not_on_roster', '你不在本次活动的名单中，不能补签');
    const now = clock.now();
    const window = windowOf(activity);
    if (windowState(window, now) !== 'closed') {
      throw refuse('conflict', 'makeup_too_early', `签到到 ${formatShanghaiTime(window.closesAt)} 才结束，请直接扫码签到`);
    }
    return ask(user, activity, 'makeup', body.reason, now);
  });

  mount(router, services, api.checkins.listRequests, async ({ params, query, user }) => {
    authorizeUnitActivities(user, params.unitId);
    const filters: SQL[] = [eq(activities.unitId, params.unitId)];
    if (query.status) filters.push(eq(attendanceRequests.status, query.status));
    if (query.kind) filters.push(eq(attendanceRequests.kind, query.kind));
    const where = and(...filters);
    const [total] = await db
      .select({ n: count() })
      .from(attendanceRequests)
      .innerJoin(activities, eq(activities.id, attendanceRequests.activityId))
      .where(where);
    const rows = await selectRequests(db)
      .where(where)
      .orderBy(desc(attendanceRequests.createdAt), desc(attendanceRequests.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    return { items: rows.map(present), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
  });

  mount(router, services, api.checkins.decide, async ({ params, body, user }) => {
    const row = await loadRequest(db, params.id);
    authorizeOrganiser(user, row.unitId);
    if (row.request.status !== 'pending') throw refuse('conflict', 'request_decided', '该申请已处理过');
    const now = clock.now();
    await db.transaction(async (tx) => {
      const status = body.approve ? 'approved' : 'refused';
      const updated = await tx
        .update(attendanceRequests)
        .set({ status, decidedBy: user.id, decidedAt: now, decisionNote: body.note ?? null })
        .where(and(eq(attendanceRequests.id, params.id), eq(attendanceRequests.status, 'pending')))
        .returning({ id: attendanceRequests.id });
      if (!updated.length) throw refuse('conflict', 'request_decided', '该申请已处理过');
      if (body.approve && row.request.kind === 'makeup') {
        const activity = await loadActivity(tx, row.request.activityId);
        const { row: record, created } = await recordAttendance(tx, {
          activityId: activity.id,
          activityTitle: activity.title,
          memberId: row.request.memberId,
          status: 'present',
          method: 'makeup',
          at: now,
          recordedBy: user.id,
          note: row.request.reason,
        });
        if (!created)
          throw refuse('conflict', 'already_checked_in', `${row.memberName}已有签到记录，无需补签`, {
            attendance: presentAttendance(record),
          });
      }
      await recordAudit(tx, {
        actor: user,
        action: `attendance_request.${status === 'approved' ? 'approve' : 'refuse'}`,
        entity: 'attendance_request',
        entityId: params.id,
        before: row.request,
        after: { status, note: body.note ?? null },
        at: now,
      });
    });
    return present(await loadRequest(db, params.id));
  });
}
