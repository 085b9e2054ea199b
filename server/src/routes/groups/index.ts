import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { count, eq } from 'drizzle-orm';
import { recordAudit } from '../../commands/recordAudit';
import { groups, units } from '../../db/schema';
import { conflict, notFound } from '../../errors';
import { presentGroups } from '../../presenters/organisation';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

export function groupRoutes(services: AppServices, router: Router): Router {
  const { db, clock } = services;

  mount(router, services, api.groups.list, async () => ({ items: await presentGroups(db) }));

  mount(router, services, api.groups.create, async ({ body, user }) =>
    db.transaction(async (tx) => {
      const [created] = await tx.insert(groups).values(body).returning();
      await recordAudit(tx, {
        actor: user,
        action: 'group.create',
        entity: 'group',
        entityId: created!.id,
        after: created,
        at: clock.now(),
      });
      return (await presentGroups(tx, created!.id))[0]!;
    }),
  );

  mount(router, services, api.groups.update, async ({ params, body, user }) =>
    db.transaction(async (tx) => {
      const [before] = await tx.select().from(groups).where(eq(groups.id, params.id));
      if (!before) throw notFound('片组');
      const [after] = await tx.update(groups).set(body).where(eq(groups.id, params.id)).returning();
      await recordAudit(tx, { actor: user, action: 'group.update', entity: 'group', entityId: params.id, before, after, at: clock.now() });
      return (await presentGroups(tx, params.id))[0]!;
    }),
  );

  mount(router, services, api.groups.remove, async ({ params, user }) =>
    db.transaction(async (tx) => {
      const [before] = await tx.select().from(groups).where(eq(groups.id, params.id));
      if (!before) throw notFound('片组');
      const [usage] = await tx.select({ n: count() }).from(units).where(eq(units.groupId, params.id));
      if (usage && usage.n > 0) throw conflict(`片组内还有 ${usage.n} 个单位，请先调整到其他片组`);
      await tx.delete(groups).where(eq(groups.id, params.id));
      await recordAudit(tx, { actor: user, action: 'group.delete', entity: 'group', entityId: params.id, before, at: clock.now() });
      return { ok: true as const };
    }),
  );

  return router;
}
