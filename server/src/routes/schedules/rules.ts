import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { activityCacheOf } from '../../activityCache/activityCache';
import { createActivityRule } from '../../commands/createActivityRule';
import { removeActivityRule } from '../../commands/removeActivityRule';
import { updateActivityRule } from '../../commands/updateActivityRule';
import { authorizeUnitActivities } from '../../policies/activities';
import { presentRule } from '../../presenters/schedules';
import { findRule, listRules, loadRule } from '../../queries/schedules';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** 三固定: a rule per unit, branch or host site, and the activities generated from it. */
export function ruleRoutes(services: AppServices, router: Router): void {
  const { db } = services;

  mount(router, services, api.schedules.listRules, async ({ params, user }) => {
    authorizeUnitActivities(user, params.unitId);
    return { items: (await listRules(db, params.unitId)).map(presentRule) };
  });

  mount(router, services, api.schedules.createRule, async ({ params, body, user, run }) => {
    authorizeUnitActivities(user, params.unitId);
    const { rule, generation } = await run(createActivityRule, { unitId: params.unitId, input: body });
    return { rule: presentRule(await loadRule(db, rule.id)), generation };
  });

  mount(router, services, api.schedules.updateRule, async ({ params, body, user, run }) => {
    const rule = await findRule(db, params.id);
    authorizeUnitActivities(user, rule.unitId);
    const { generation } = await run(updateActivityRule, { ruleId: rule.id, input: body });
    activityCacheOf(services).clear();
    return { rule: presentRule(await loadRule(db, rule.id)), generation };
  });

  mount(router, services, api.schedules.deleteRule, async ({ params, user, run }) => {
    const rule = await findRule(db, params.id);
    authorizeUnitActivities(user, rule.unitId);
    const generation = await run(removeActivityRule, { ruleId: rule.id });
    activityCacheOf(services).clear();
    return generation;
  });
}
