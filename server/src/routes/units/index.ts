import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { and, asc, count, eq, ilike, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../commands/recordAudit';
import { branches, groups, units } from '../../db/schema';
import { generateInviteCode } from '../../domain/inviteCode';
import { notFound } from '../../errors';
import { authorizeUnit } from '../../policies/organisation';
import { presentUnit, presentUnitDetail, unitColumns } from '../../presenters/organisation';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

export function unitRoutes(services: AppServices, router: Router): Router {
  const { db, clock } = services;

  mount(router, services, api.units.list, async ({ query }) => {
    const filters: SQL[] = [];
    if (query.groupId) filters.push(eq(units.groupId, query.groupId));
    if (query.q) filters.push(ilike(units.name, `%${query.q}%`));
    const where = filters.length ? and(...filters) : undefined;
    const [total] = await db.select({ n: count() }).from(units).where(where);
    const rows = await db
      .select(unitColumns)
      .from(units)
      .innerJoin(groups, eq(groups.id, units.groupId))
      .where(where)
      .orderBy(asc(groups.sortOrder), asc(units.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    return { items: rows.map(presentUnit), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
  });

  mount(router, services, api.units.get, async ({ params, user }) => {
    authorizeUnit(user, params.id);
    return presentUnitDetail(db, params.id);
  });

  mount(router, services, api.units.create, async ({ body, user }) =>
    db.transaction(async (tx) => {
      const [group] = await tx.select({ id: groups.id }).from(groups).where(eq(groups.id, body.groupId));
      if (!group) throw notFound('片组');
      const [created] = await tx
        .insert(units)
        .values({ ...body, inviteCode: generateInviteCode() })
        .returning();
      await recordAudit(tx, { actor: user, action: 'unit.create', entity: 'unit', entityId: created!.id, after: created, at: clock.now() });
      return presentUnitDetail(tx, created!.id);
    }),
  );

  mount(router, services, api.units.update, async ({ params, body, user }) =>
    db.transaction(async (tx) => {
      const [before] = await tx.select().from(units).where(eq(units.id, params.id));
      if (!before) throw notFound('单位');
      if (body.groupId) {
        const [group] = await tx.select({ id: groups.id }).from(groups).where(eq(groups.id, body.groupId));
        if (!group) throw notFound('片组');
      }
      const [after] = await tx.update(units).set(body).where(eq(units.id, params.id)).returning();
      await recordAudit(tx, { actor: user, action: 'unit.update', entity: 'unit', entityId: params.id, before, after, at: clock.now() });
      return presentUnitDetail(tx, params.id);
    }),
  );

  mount(router, services, api.units.rotateInviteCode, async ({ params, user }) => {
    authorizeUnit(user, params.id);
    return db.transaction(async (tx) => {
      const [before] = await tx.select({ inviteCode: units.inviteCode }).from(units).where(eq(units.id, params.id));
      if (!before) throw notFound('单位');
      const inviteCode = generateInviteCode();
      await tx.update(units).set({ inviteCode }).where(eq(units.id, params.id));
      await recordAudit(tx, {
        actor: user,
        action: 'unit.rotate_invite_code',
        entity: 'unit',
        entityId: params.id,
        before,
        after: { inviteCode },
        at: clock.now(),
      });
      return presentUnitDetail(tx, params.id);
    });
  });

  mount(router, services, api.units.createBranch, async ({ params, body, user }) => {
    authorizeUnit(user, params.id);
    return db.transaction(async (tx) => {
      const [unit] = await tx.select({ id: units.id }).from(units).where(eq(units.id, params.id));
      if (!unit) throw notFound('单位');
      const [created] = await tx.insert(branches).values({ unitId: params.id, name: body.name }).returning();
      await recordAudit(tx, {
        actor: user,
        action: 'branch.create',
        entity: 'branch',
        entityId: created!.id,
        after: created,
        at: clock.now(),
      });
      return created!;
    });
  });

  return router;
}
