import type Router from '@koa/router';
import { api, isLate, windowState } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { loadActivity, windowOf } from '../../checkin/activityQuery';
import { activityCacheOf } from '../../checkin/activityCache';
import { CheckinCodes } from '../../checkin/codes';
import { refuse } from '../../checkin/refusal';
import { relationOf } from '../../checkin/roster';
import { checkIn } from '../../commands/checkIn';
import { presentAttendance, recordAttendance } from '../../commands/recordAttendance';
import { recordAudit } from '../../commands/recordAudit';
import { revokeAttendance } from '../../commands/revokeAttendance';
import { loadCurrentUser } from '../../auth/currentUser';
import { attendance } from '../../db/schema';
import { notFound } from '../../errors';
import { authorizeOrganiser } from '../../policies/checkin';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';
import { requestRoutes } from './requests';

export function checkinRoutes(services: AppServices, router: Router): Router {
  const { db, clock } = services;
  const codes = new CheckinCodes(services.config.jwtSecret);

  const cache = activityCacheOf(services);
  mount(router, services, api.checkins.checkIn, async ({ body, user }) => checkIn(db, cache, codes, user, body, clock.now()));

  mount(router, services, api.checkins.manual, async ({ params, body, user }) => {
    const activity = await loadActivity(db, params.id);
    authorizeOrganiser(user, activity.unitId);
    const now = clock.now();
    const window = windowOf(activity);
    if (windowState(window, now) === 'not_open') throw refuse('conflict', 'window_not_open', '签到尚未开始，不能代签');
    const member = await loadCurrentUser(db, body.memberId);
    if (!member) throw notFound('党员');
    if (!(await relationOf(db, activity, member)))
      throw refuse('forbidden', 'not_on_roster', `${member.name}不在本次活动的名单中（可先按手机号邀请为嘉宾）`);
    return db.transaction(async (tx) => {
      const { row, created } = await recordAttendance(tx, {
        activityId: activity.id,
        activityTitle: activity.title,
        memberId: member.id,
        status: body.status ?? (isLate(window, now) ? 'late' : 'present'),
        method: 'manual',
        at: now,
        recordedBy: user.id,
        note: body.note ?? null,
      });
      if (!created)
        throw refuse('conflict', 'already_checked_in', `${member.name}已签到，无需代签`, { attendance: presentAttendance(row) });
      await recordAudit(tx, { actor: user, action: 'attendance.manual', entity: 'attendance', entityId: row.id, after: row, at: now });
      return presentAttendance(row);
    });
  });

  mount(router, services, api.checkins.revoke, async ({ params, body, user }) => {
    const [record] = await db.select().from(attendance).where(eq(attendance.id, params.id));
    if (!record) throw notFound('签到记录');
    const activity = await loadActivity(db, record.activityId);
    authorizeOrganiser(user, activity.unitId);
    await revokeAttendance(db, user, record, body.reason, clock.now());
    return { ok: true as const };
  });

  requestRoutes(services, router);
  return router;
}
