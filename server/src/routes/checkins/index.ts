import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { activityCacheOf } from '../../activityCache/activityCache';
import { CheckinCodes } from '../../checkinCodes/rotatingCodes';
import { checkIn } from '../../commands/checkIn';
import { checkInBySession } from '../../commands/checkInBySession';
import { checkInManually } from '../../commands/checkInManually';
import { runStatement } from '../../commands/context';
import { revokeAttendance } from '../../commands/revokeAttendance';
import { authorizeOrganiser } from '../../policies/activities';
import { presentAttendance, presentCheckinResult } from '../../presenters/checkins';
import { findActivity } from '../../queries/activities';
import { findAttendance } from '../../queries/checkins';
import { mount, mountSessionInStatement } from '../../routing/mount';
import type { AppServices } from '../../services';
import { reminderRoutes } from './reminders';
import { requestRoutes } from './requests';

/** 签到: a member's scan, the organiser's manual check-in and its revocation; requests and reminders in their own files. */
export function checkinRoutes(services: AppServices, router: Router): Router {
  const { db } = services;
  const codes = new CheckinCodes(services.config.jwtSecret);
  const activities = activityCacheOf(services);

  // The burst's hot path: the caller's sign-in checked by the one statement that records the scan,
  // no transaction around it (`checkInBySession`); what it leaves undecided goes the full way (`checkIn`).
  mountSessionInStatement(router, services, api.checkins.checkIn, async ({ body, session }) => {
    const scan = { ...body, activities, codes };
    const fast = await runStatement(services, null, checkInBySession, { ...scan, access: session.access });
    const user = fast ? session.confirm(fast.caller) : await session.load();
    const { attendance, activity } = fast?.checkedIn ?? (await runStatement(services, user, checkIn, scan));
    return presentCheckinResult(attendance, activity);
  });

  mount(router, services, api.checkins.manual, async ({ params, body, user, run }) => {
    const activity = await findActivity(db, params.id);
    authorizeOrganiser(user, activity.unitId);
    return presentAttendance(await run(checkInManually, { activity, input: body }));
  });

  mount(router, services, api.checkins.revoke, async ({ params, body, user, run }) => {
    const record = await findAttendance(db, params.id);
    const activity = await findActivity(db, record.activityId);
    authorizeOrganiser(user, activity.unitId);
    await run(revokeAttendance, { record, reason: body.reason });
    return { ok: true as const };
  });

  requestRoutes(services, router);
  reminderRoutes(services, router);
  return router;
}
