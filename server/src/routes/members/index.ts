import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { createMember } from '../../commands/createMember';
import { removeMember } from '../../commands/removeMember';
import { updateMember } from '../../commands/updateMember';
import { authorizeMember, authorizeRoleChange, authorizeUnit } from '../../policies/organisation';
import { presentMember } from '../../presenters/members';
import { findMember, listMembers, loadMemberListRow } from '../../queries/members';
import { presentPage } from '../../queries/paginate';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';
import { rosterRoutes } from './roster';

/** 党员名册: the secretariat manages every unit's; a unit admin their own. Phones leave masked. */
export function memberRoutes(services: AppServices, router: Router): Router {
  const { db } = services;

  mount(router, services, api.members.list, async ({ params, query, user }) => {
    authorizeUnit(user, params.unitId);
    return presentPage(await listMembers(db, params.unitId, query), presentMember);
  });

  mount(router, services, api.members.create, async ({ params, body, user, run }) => {
    authorizeUnit(user, params.unitId);
    authorizeRoleChange(user, [], body.roles);
    const created = await run(createMember, { unitId: params.unitId, input: body });
    return presentMember(await loadMemberListRow(db, created.id));
  });

  mount(router, services, api.members.update, async ({ params, body, user, run }) => {
    const member = await findMember(db, params.id);
    authorizeMember(user, member);
    if (body.roles) authorizeRoleChange(user, member.roles, body.roles);
    await run(updateMember, { member, changes: body });
    return presentMember(await loadMemberListRow(db, member.id));
  });

  mount(router, services, api.members.remove, async ({ params, user, run }) => {
    const member = await findMember(db, params.id);
    authorizeMember(user, member);
    await run(removeMember, { member });
    return { ok: true as const };
  });

  rosterRoutes(router, services);
  return router;
}
