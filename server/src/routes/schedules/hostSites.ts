import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../commands/recordAudit';
import { hostSiteMembers, hostSites, members } from '../../db/schema';
import { notFound } from '../../errors';
import { conflict } from '../../legacyErrors';
import { authorizeUnitActivities } from '../../policies/checkin';
import { presentHostSites } from '../../presenters/activityRules';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/**
 * Host sites: where a unit's mobile members (流动党员) meet weekly. A unit admin attaches mobile
 * members of their own unit's roster; the secretariat may attach a mobile member of any unit.
 */
export function hostSiteRoutes(services: AppServices, router: Router): void {
  const { db, clock } = services;

  async function siteFor(id: number) {
    const [site] = await db.select().from(hostSites).where(eq(hostSites.id, id));
    if (!site) throw notFound('流动党员服务点');
    return site;
  }

  mount(router, services, api.schedules.listHostSites, async ({ params, user }) => {
    authorizeUnitActivities(user, params.unitId);
    return { items: await presentHostSites(db, { unitId: params.unitId }) };
  });

  mount(router, services, api.schedules.createHostSite, async ({ params, body, user }) => {
    authorizeUnitActivities(user, params.unitId);
    return db.transaction(async (tx) => {
      const [clash] = await tx
        .select({ id: hostSites.id })
        .from(hostSites)
        .where(and(eq(hostSites.unitId, params.unitId), eq(hostSites.name, body.name)));
      if (clash) throw conflict('本单位已有同名的服务点');
      const [site] = await tx.insert(hostSites).values({ unitId: params.unitId, name: body.name, createdAt: clock.now() }).returning();
      await recordAudit(tx, {
        actor: user,
        action: 'host_site.create',
        entity: 'host_site',
        entityId: site!.id,
        after: site,
        at: clock.now(),
      });
      return (await presentHostSites(tx, { id: site!.id }))[0]!;
    });
  });

  mount(router, services, api.schedules.attachMember, async ({ params, body, user }) => {
    const site = await siteFor(params.id);
    authorizeUnitActivities(user, site.unitId);
    return db.transaction(async (tx) => {
      const [member] = await tx
        .select({ id: members.id, kind: members.kind, unitId: members.unitId })
        .from(members)
        .where(eq(members.id, body.memberId));
      if (!member || (member.unitId !== site.unitId && !user.roles.includes('secretariat'))) throw notFound('本单位名册中的党员');
      if (member.kind !== 'mobile') throw conflict('只有流动党员可以编入服务点');
      const [current] = await tx.select().from(hostSiteMembers).where(eq(hostSiteMembers.memberId, member.id));
      if (current && current.hostSiteId !== site.id) throw conflict('该流动党员已编入其他服务点，请先移出');
      if (!current) {
        await tx.insert(hostSiteMembers).values({ memberId: member.id, hostSiteId: site.id, attachedAt: clock.now() });
        await recordAudit(tx, {
          actor: user,
          action: 'host_site.attach',
          entity: 'host_site',
          entityId: site.id,
          after: { memberId: member.id },
          at: clock.now(),
        });
      }
      return (await presentHostSites(tx, { id: site.id }))[0]!;
    });
  });

  mount(router, services, api.schedules.detachMember, async ({ params, body, user }) => {
    const site = await siteFor(params.id);
    authorizeUnitActivities(user, site.unitId);
    return db.transaction(async (tx) => {
      const removed = await tx
        .delete(hostSiteMembers)
        .where(and(eq(hostSiteMembers.hostSiteId, site.id), eq(hostSiteMembers.memberId, body.memberId)))
        .returning();
      if (!removed.length) throw notFound('服务点中的该党员');
      await recordAudit(tx, {
        actor: user,
        action: 'host_site.detach',
        entity: 'host_site',
        entityId: site.id,
        before: { memberId: body.memberId },
        at: clock.now(),
      });
      return (await presentHostSites(tx, { id: site.id }))[0]!;
    });
  });
}
