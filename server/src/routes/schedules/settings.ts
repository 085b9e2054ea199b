import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { activityCacheOf } from '../../checkin/activityCache';
import { unitSettings } from '../../checkin/activityQuery';
import { recordAudit } from '../../commands/recordAudit';
import { checkinSettings, units } from '../../db/schema';
import { notFound } from '../../errors';
import { authorizeUnitActivities } from '../../policies/checkin';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';
import { eq } from 'drizzle-orm';

export function settingsRoutes(services: AppServices, router: Router): void {
  const { db, clock } = services;

  mount(router, services, api.schedules.getSettings, async ({ params, user }) => {
    authorizeUnitActivities(user, params.unitId);
    const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.id, params.unitId));
    if (!unit) throw notFound('单位');
    return unitSettings(db, params.unitId);
  });

  mount(router, services, api.schedules.updateSettings, async ({ params, body, user }) => {
    authorizeUnitActivities(user, params.unitId);
    return db.transaction(async (tx) => {
      const [unit] = await tx.select({ id: units.id }).from(units).where(eq(units.id, params.unitId));
      if (!unit) throw notFound('单位');
      const before = await unitSettings(tx, params.unitId);
      const values = { ...body, updatedAt: clock.now() };
      await tx
        .insert(checkinSettings)
        .values({ unitId: params.unitId, ...values })
        .onConflictDoUpdate({ target: checkinSettings.unitId, set: values });
      activityCacheOf(services).clear();
      await recordAudit(tx, {
        actor: user,
        action: 'checkin_settings.update',
        entity: 'unit',
        entityId: params.unitId,
        before,
        after: body,
        at: clock.now(),
      });
      return unitSettings(tx, params.unitId);
    });
  });
}
