import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { createBenefit } from '../../commands/createBenefit';
import { removeBenefit } from '../../commands/removeBenefit';
import { updateBenefit } from '../../commands/updateBenefit';
import { authorizeRecordKeeper, authorizeUnitBenefits } from '../../policies/records';
import { presentBenefit } from '../../presenters/benefits';
import { findBenefit, listUnitBenefits } from '../../queries/benefits';
import { findUnit } from '../../queries/units';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** 党员权益: unlocked at thresholds of the record; kept by the unit admin, read by the unit's members. */
export function benefitRoutes(services: AppServices, router: Router): void {
  const { db } = services;

  mount(router, services, api.benefits.listForUnit, async ({ params, user }) => {
    authorizeUnitBenefits(user, params.unitId);
    await findUnit(db, params.unitId);
    return { items: (await listUnitBenefits(db, params.unitId)).map(presentBenefit) };
  });

  mount(router, services, api.benefits.create, async ({ params, body, user, run }) => {
    authorizeRecordKeeper(user, params.unitId);
    return presentBenefit(await run(createBenefit, { unitId: params.unitId, input: body }));
  });

  mount(router, services, api.benefits.update, async ({ params, body, user, run }) => {
    const benefit = await findBenefit(db, params.id);
    authorizeRecordKeeper(user, benefit.unitId);
    return presentBenefit(await run(updateBenefit, { benefit, changes: body }));
  });

  mount(router, services, api.benefits.remove, async ({ params, user, run }) => {
    const benefit = await findBenefit(db, params.id);
    authorizeRecordKeeper(user, benefit.unitId);
    await run(removeBenefit, { benefit });
    return { ok: true as const };
  });
}
