import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { activityCacheOf } from '../../activityCache/activityCache';
import type { CurrentUser } from '../../auth/currentUser';
import { createExtraActivity } from '../../commands/createExtraActivity';
import { moveActivity } from '../../commands/moveActivity';
import { updateActivity } from '../../commands/updateActivity';
import { authorizeActivityView, authorizeUnitActivities, canOrganise } from '../../policies/activities';
import { presentActivity, presentActivityDetail, presentMyActivity } from '../../presenters/activities';
import { dayRange, findActivity, listMyActivities, listUnitActivities, loadActivityDetail } from '../../queries/activities';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';
import { checkinDeskRoutes } from './checkinDesk';
import { activityPhotoRoutes } from './photos';

/** 党员固定活动日 themselves: a unit's list, one activity's page, edits and moves, and my activities. */
export function activityRoutes(services: AppServices, router: Router): Router {
  const { db, clock } = services;

  /** The activity's page as `user` sees it, read after any change has committed. */
  async function detailFor(activityId: number, user: CurrentUser, now: Date) {
    const rows = await loadActivityDetail(db, await findActivity(db, activityId), user);
    return presentActivityDetail(rows, now, { canOrganise: canOrganise(user, rows.activity.unitId) });
  }

  mount(router, services, api.activities.listForUnit, async ({ params, query, user }) => {
    authorizeUnitActivities(user, params.unitId);
    const now = clock.now();
    const rows = await listUnitActivities(db, params.unitId, dayRange(query, now));
    return { items: rows.map((row) => presentActivity(row, now)) };
  });

  mount(router, services, api.activities.createExtra, async ({ params, body, user, run }) => {
    authorizeUnitActivities(user, params.unitId);
    const created = await run(createExtraActivity, { unitId: params.unitId, input: body });
    return detailFor(created.id, user, clock.now());
  });

  mount(router, services, api.activities.get, async ({ params, user }) => {
    const rows = await loadActivityDetail(db, await findActivity(db, params.id), user);
    authorizeActivityView(user, rows.activity, rows.relation);
    return presentActivityDetail(rows, clock.now(), { canOrganise: canOrganise(user, rows.activity.unitId) });
  });

  mount(router, services, api.activities.update, async ({ params, body, user, run }) => {
    const activity = await findActivity(db, params.id);
    authorizeUnitActivities(user, activity.unitId);
    await run(updateActivity, { activity, changes: body });
    activityCacheOf(services).clear();
    return detailFor(activity.id, user, clock.now());
  });

  mount(router, services, api.activities.move, async ({ params, body, user, run }) => {
    const activity = await findActivity(db, params.id);
    authorizeUnitActivities(user, activity.unitId);
    await run(moveActivity, { activityId: activity.id, move: body });
    activityCacheOf(services).clear();
    return detailFor(activity.id, user, clock.now());
  });

  mount(router, services, api.activities.mine, async ({ query, user }) => {
    const now = clock.now();
    const { items, standing } = await listMyActivities(db, user, dayRange(query, now));
    return { items: items.map(({ activity, relation }) => presentMyActivity(activity, relation, standing, now)) };
  });

  checkinDeskRoutes(services, router);
  activityPhotoRoutes(services, router);
  return router;
}
