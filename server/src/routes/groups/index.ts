import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { createGroup } from '../../commands/createGroup';
import { removeGroup } from '../../commands/removeGroup';
import { updateGroup } from '../../commands/updateGroup';
import { presentGroup } from '../../presenters/groups';
import { findGroup, findGroupWithCount, listGroupsWithCounts } from '../../queries/groups';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** 片组: anyone signed in reads them; the secretariat (the contract's `access`) changes them. */
export function groupRoutes(services: AppServices, router: Router): Router {
  const { db } = services;

  mount(router, services, api.groups.list, async () => ({ items: (await listGroupsWithCounts(db)).map(presentGroup) }));

  mount(router, services, api.groups.create, async ({ body, run }) => {
    const created = await run(createGroup, body);
    return presentGroup(await findGroupWithCount(db, created.id));
  });

  mount(router, services, api.groups.update, async ({ params, body, run }) => {
    const group = await findGroup(db, params.id);
    await run(updateGroup, { group, changes: body });
    return presentGroup(await findGroupWithCount(db, group.id));
  });

  mount(router, services, api.groups.remove, async ({ params, run }) => {
    const group = await findGroup(db, params.id);
    await run(removeGroup, { group });
    return { ok: true as const };
  });

  return router;
}
