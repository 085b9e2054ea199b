import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { activityCacheOf } from '../../activityCache/activityCache';
import { updateCheckinSettings } from '../../commands/updateCheckinSettings';
import { authorizeUnitActivities } from '../../policies/activities';
import { loadCheckinSettings } from '../../queries/schedules';
import { findUnit } from '../../queries/units';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** A unit's check-in settings: the window around the start, the late threshold, geofencing. */
export function settingsRoutes(services: AppServices, router: Router): void {
  const { db } = services;

  mount(router, services, api.schedules.getSettings, async ({ params, user }) => {
    authorizeUnitActivities(user, params.unitId);
    const unit = await findUnit(db, params.unitId);
    return loadCheckinSettings(db, unit.id);
  });

  mount(router, services, api.schedules.updateSettings, async ({ params, body, user, run }) => {
    authorizeUnitActivities(user, params.unitId);
    await run(updateCheckinSettings, { unitId: params.unitId, settings: body });
    // The next scan sees the change at once (in this process; elsewhere within a second).
    activityCacheOf(services).clear();
    return loadCheckinSettings(db, params.unitId);
  });
}
