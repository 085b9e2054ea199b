import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { CurrentUser } from '../../auth/currentUser';
import { recordAudit } from '../../commands/recordAudit';
import type { Queryable } from '../../db/client';
import { branches, members, units } from '../../db/schema';
import { notFound } from '../../errors';
import { legacyError } from '../../legacyErrors';
import { authorizeRoleGrant, authorizeUnit } from '../../policies/organisation';
import { memberColumns, presentMember } from '../../presenters/members';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';
import { rosterRoutes } from './roster';
import { memberSnapshot } from './snapshot';

async function findMember(db: Queryable, id: number) {
  const [row] = await db
    .select(memberColumns)
    .from(members)
    .leftJoin(branches, eq(branches.id, members.branchId))
    .where(eq(members.id, id));
  if (!row) throw notFound('党员');
  return row;
}

async function assertBranchOfUnit(db: Queryable, branchId: number | null | undefined, unitId: number): Promise<void> {
  if (branchId === null || branchId === undefined) return;
  const [branch] = await db
    .select({ id: branches.id })
    .from(branches)
    .where(and(eq(branches.id, branchId), eq(branches.unitId, unitId)));
  if (!branch) throw legacyError('invalid_input', '所选党组织不属于本单位', [{ path: 'body.branchId', message: '所选党组织不属于本单位' }]);
}

/** A member may change their own entry only through their unit admin; nobody removes their own last admin role by accident. */
function assertNotSelfDemotion(user: CurrentUser, memberId: number, roles: readonly string[] | undefined): void {
  if (user.id !== memberId || !roles) return;
  const keeps = user.roles.filter((role) => role === 'secretariat' || role === 'unit_admin').every((role) => roles.includes(role));
  if (!keeps) throw legacyError('conflict', '不能移除自己的管理角色，请由其他管理员操作');
}

export function memberRoutes(services: AppServices, router: Router): Router {
  const { db, clock } = services;

  mount(router, services, api.members.list, async ({ params, query, user }) => {
    authorizeUnit(user, params.unitId);
    const filters: SQL[] = [eq(members.unitId, params.unitId)];
    if (query.q) filters.push(or(ilike(members.name, `%${query.q}%`), ilike(members.phone, `%${query.q}`))!);
    const where = and(...filters);
    const [total] = await db.select({ n: count() }).from(members).where(where);
    const rows = await db
      .select(memberColumns)
      .from(members)
      .leftJoin(branches, eq(branches.id, members.branchId))
      .where(where)
      .orderBy(asc(members.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    return { items: rows.map(presentMember), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
  });

  mount(router, services, api.members.create, async ({ params, body, user }) => {
    authorizeUnit(user, params.unitId);
    authorizeRoleGrant(user, body.roles);
    return db.transaction(async (tx) => {
      const [unit] = await tx.select({ id: units.id }).from(units).where(eq(units.id, params.unitId));
      if (!unit) throw notFound('单位');
      await assertBranchOfUnit(tx, body.branchId, params.unitId);
      const [created] = await tx
        .insert(members)
        .values({ ...body, branchId: body.branchId ?? null, unitId: params.unitId, updatedAt: clock.now() })
        .returning();
      await recordAudit(tx, {
        actor: user,
        action: 'member.create',
        entity: 'member',
        entityId: created!.id,
        after: memberSnapshot(created!),
        at: clock.now(),
      });
      return presentMember(await findMember(tx, created!.id));
    });
  });

  mount(router, services, api.members.update, async ({ params, body, user }) =>
    db.transaction(async (tx) => {
      const [before] = await tx.select().from(members).where(eq(members.id, params.id));
      if (!before) throw notFound('党员');
      if (before.unitId === null) {
        if (!user.roles.includes('secretariat')) throw notFound('党员');
      } else authorizeUnit(user, before.unitId);
      if (body.roles) authorizeRoleGrant(user, body.roles);
      assertNotSelfDemotion(user, params.id, body.roles);
      if (before.unitId !== null) await assertBranchOfUnit(tx, body.branchId, before.unitId);
      const [after] = await tx
        .update(members)
        .set({ ...body, updatedAt: clock.now() })
        .where(eq(members.id, params.id))
        .returning();
      await recordAudit(tx, {
        actor: user,
        action: 'member.update',
        entity: 'member',
        entityId: params.id,
        before: memberSnapshot(before),
        after: memberSnapshot(after!),
        at: clock.now(),
      });
      return presentMember(await findMember(tx, params.id));
    }),
  );

  mount(router, services, api.members.remove, async ({ params, user }) =>
    db.transaction(async (tx) => {
      const [before] = await tx.select().from(members).where(eq(members.id, params.id));
      if (!before || (before.unitId === null && !user.roles.includes('secretariat'))) throw notFound('党员');
      if (before.unitId !== null) authorizeUnit(user, before.unitId);
      if (before.id === user.id) throw legacyError('conflict', '不能从名册中移除自己');
      await tx.delete(members).where(eq(members.id, params.id));
      await recordAudit(tx, {
        actor: user,
        action: 'member.delete',
        entity: 'member',
        entityId: params.id,
        before: memberSnapshot(before),
        at: clock.now(),
      });
      return { ok: true as const };
    }),
  );

  rosterRoutes(router, services);
  return router;
}
