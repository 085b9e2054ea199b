import type Router from '@koa/router';
import { api, DEFAULT_MOBILE_WEEKDAY } from '@zhijian/shared';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { activityCacheOf } from '../../checkin/activityCache';
import { assertScopeInUnit } from '../../checkin/scope';
import { syncRuleActivities } from '../../checkin/generation';
import { recordAudit } from '../../commands/recordAudit';
import { activityRules } from '../../db/schema';
import { notFound } from '../../errors';
import { conflict } from '../../legacyErrors';
import { authorizeUnitActivities } from '../../policies/checkin';
import { presentRules } from '../../presenters/activityRules';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

function sameScope(unitId: number, branchId: number | null, hostSiteId: number | null) {
  return and(
    eq(activityRules.unitId, unitId),
    branchId ? eq(activityRules.branchId, branchId) : isNull(activityRules.branchId),
    hostSiteId ? eq(activityRules.hostSiteId, hostSiteId) : isNull(activityRules.hostSiteId),
  );
}

export function ruleRoutes(services: AppServices, router: Router): void {
  const { db, clock } = services;

  mount(router, services, api.schedules.listRules, async ({ params, user }) => {
    authorizeUnitActivities(user, params.unitId);
    const rows = await db.select().from(activityRules).where(eq(activityRules.unitId, params.unitId)).orderBy(asc(activityRules.id));
    return { items: await presentRules(db, rows) };
  });

  mount(router, services, api.schedules.createRule, async ({ params, body, user }) => {
    authorizeUnitActivities(user, params.unitId);
    return db.transaction(async (tx) => {
      const branchId = body.branchId ?? null;
      const hostSiteId = body.hostSiteId ?? null;
      await assertScopeInUnit(tx, params.unitId, branchId, hostSiteId);
      const [existing] = await tx
        .select({ id: activityRules.id })
        .from(activityRules)
        .where(sameScope(params.unitId, branchId, hostSiteId));
      if (existing) throw conflict('该范围已设定固定活动日规则，请修改现有规则', { ruleId: existing.id });
      const now = clock.now();
      const weekly = hostSiteId !== null;
      const [rule] = await tx
        .insert(activityRules)
        .values({
          ...body,
          unitId: params.unitId,
          branchId,
          hostSiteId,
          cadence: weekly ? 'weekly' : 'monthly',
          dayOfMonth: weekly ? null : body.dayOfMonth!,
          weekday: weekly ? (body.weekday ?? DEFAULT_MOBILE_WEEKDAY) : null,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      const generation = await syncRuleActivities(tx, rule!.id, rule!, now);
      await recordAudit(tx, {
        actor: user,
        action: 'activity_rule.create',
        entity: 'activity_rule',
        entityId: rule!.id,
        after: { rule, generation },
        at: now,
      });
      return { rule: (await presentRules(tx, [rule!]))[0]!, generation };
    });
  });

  mount(router, services, api.schedules.updateRule, async ({ params, body, user }) =>
    db.transaction(async (tx) => {
      const [before] = await tx.select().from(activityRules).where(eq(activityRules.id, params.id));
      if (!before) throw notFound('活动规则');
      authorizeUnitActivities(user, before.unitId);
      const weekly = before.cadence === 'weekly';
      if (weekly && body.dayOfMonth != null) throw conflict('流动党员服务点按周安排活动，不设每月日期');
      if (!weekly && body.weekday != null) throw conflict('单位和支部的固定活动日按月安排，不设星期');
      const now = clock.now();
      const [rule] = await tx
        .update(activityRules)
        .set({
          ...body,
          dayOfMonth: weekly ? null : (body.dayOfMonth ?? before.dayOfMonth),
          weekday: weekly ? (body.weekday ?? before.weekday) : null,
          updatedAt: now,
        })
        .where(eq(activityRules.id, params.id))
        .returning();
      const generation = await syncRuleActivities(tx, rule!.id, rule!, now);
      activityCacheOf(services).clear();
      await recordAudit(tx, {
        actor: user,
        action: 'activity_rule.update',
        entity: 'activity_rule',
        entityId: rule!.id,
        before,
        after: { rule, generation },
        at: now,
      });
      return { rule: (await presentRules(tx, [rule!]))[0]!, generation };
    }),
  );

  mount(router, services, api.schedules.deleteRule, async ({ params, user }) =>
    db.transaction(async (tx) => {
      const [before] = await tx.select().from(activityRules).where(eq(activityRules.id, params.id));
      if (!before) throw notFound('活动规则');
      authorizeUnitActivities(user, before.unitId);
      const now = clock.now();
      const generation = await syncRuleActivities(tx, before.id, null, now);
      await tx.delete(activityRules).where(eq(activityRules.id, params.id));
      await recordAudit(tx, {
        actor: user,
        action: 'activity_rule.delete',
        entity: 'activity_rule',
        entityId: before.id,
        before,
        after: { generation },
        at: now,
      });
      return generation;
    }),
  );
}
