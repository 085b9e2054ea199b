import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { remindAbsentees } from '../../commands/remindAbsentees';
import { subscribeToCheckinReminders } from '../../commands/subscribeToCheckinReminders';
import { authorizeOrganiser } from '../../policies/activities';
import { findActivity } from '../../queries/activities';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** 一键提醒: the organiser reminds those not yet in; a member allows such reminders. */
export function reminderRoutes(services: AppServices, router: Router): void {
  const { db } = services;

  mount(router, services, api.checkins.remind, async ({ params, user, run }) => {
    const activity = await findActivity(db, params.id);
    authorizeOrganiser(user, activity.unitId);
    return run(remindAbsentees, { activity });
  });

  mount(router, services, api.checkins.subscribeReminders, async ({ user, run }) =>
    run(subscribeToCheckinReminders, { memberId: user.id }),
  );
}
