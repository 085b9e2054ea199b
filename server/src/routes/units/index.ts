import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { createBranch } from '../../commands/createBranch';
import { createUnit } from '../../commands/createUnit';
import { rotateInviteCode } from '../../commands/rotateInviteCode';
import { updateUnit } from '../../commands/updateUnit';
import { authorizeUnit } from '../../policies/organisation';
import { presentUnit, presentUnitDetail } from '../../presenters/units';
import { presentPage } from '../../queries/paginate';
import { findUnit, listUnits, loadUnitDetail } from '../../queries/units';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** 会员单位: the secretariat manages them all; a unit admin sees and keeps their own. */
export function unitRoutes(services: AppServices, router: Router): Router {
  const { db } = services;

  mount(router, services, api.units.list, async ({ query }) => presentPage(await listUnits(db, query), presentUnit));

  mount(router, services, api.units.get, async ({ params, user }) => {
    authorizeUnit(user, params.id);
    return presentUnitDetail(await loadUnitDetail(db, params.id));
  });

  mount(router, services, api.units.create, async ({ body, run }) => {
    const created = await run(createUnit, body);
    return presentUnitDetail(await loadUnitDetail(db, created.id));
  });

  mount(router, services, api.units.update, async ({ params, body, run }) => {
    const unit = await findUnit(db, params.id);
    await run(updateUnit, { unit, changes: body });
    return presentUnitDetail(await loadUnitDetail(db, unit.id));
  });

  mount(router, services, api.units.rotateInviteCode, async ({ params, user, run }) => {
    authorizeUnit(user, params.id);
    const unit = await findUnit(db, params.id);
    await run(rotateInviteCode, { unit });
    return presentUnitDetail(await loadUnitDetail(db, unit.id));
  });

  mount(router, services, api.units.createBranch, async ({ params, body, user, run }) => {
    authorizeUnit(user, params.id);
    const unit = await findUnit(db, params.id);
    const branch = await run(createBranch, { unit, input: body });
    return { id: branch.id, unitId: branch.unitId, name: branch.name };
  });

  return router;
}
