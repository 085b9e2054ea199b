import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { attachHostSiteMember } from '../../commands/attachHostSiteMember';
import { createHostSite } from '../../commands/createHostSite';
import { detachHostSiteMember } from '../../commands/detachHostSiteMember';
import { authorizeUnitActivities } from '../../policies/activities';
import { presentHostSite } from '../../presenters/schedules';
import { findHostSite, loadHostSite, loadHostSites } from '../../queries/schedules';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/**
 * Host sites: where a unit's mobile members (流动党员) meet weekly. A unit admin attaches mobile
 * members of their own unit's roster; the secretariat may attach a mobile member of any unit.
 */
export function hostSiteRoutes(services: AppServices, router: Router): void {
  const { db } = services;

  mount(router, services, api.schedules.listHostSites, async ({ params, user }) => {
    authorizeUnitActivities(user, params.unitId);
    return { items: (await loadHostSites(db, { unitId: params.unitId })).map(presentHostSite) };
  });

  mount(router, services, api.schedules.createHostSite, async ({ params, body, user, run }) => {
    authorizeUnitActivities(user, params.unitId);
    const site = await run(createHostSite, { unitId: params.unitId, input: body });
    return presentHostSite(await loadHostSite(db, site.id));
  });

  mount(router, services, api.schedules.attachMember, async ({ params, body, user, run }) => {
    const site = await findHostSite(db, params.id);
    authorizeUnitActivities(user, site.unitId);
    await run(attachHostSiteMember, { site, memberId: body.memberId });
    return presentHostSite(await loadHostSite(db, site.id));
  });

  mount(router, services, api.schedules.detachMember, async ({ params, body, user, run }) => {
    const site = await findHostSite(db, params.id);
    authorizeUnitActivities(user, site.unitId);
    await run(detachHostSiteMember, { site, memberId: body.memberId });
    return presentHostSite(await loadHostSite(db, site.id));
  });
}
