import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { reviewProfile } from '../../commands/reviewProfile';
import { saveProfile } from '../../commands/saveProfile';
import { checkAll } from '../../contentCheck/contentChecker';
import { forbidden } from '../../errors';
import { authorizeProfileKeeper, authorizeProfileView } from '../../policies/profiles';
import { presentProfile } from '../../presenters/profiles';
import { findMember } from '../../queries/members';
import { presentPage } from '../../queries/paginate';
import { listProfiles, loadProfile } from '../../queries/profiles';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** 亮身份: a member's skills and service promises, within the unit or opened to the association. */
export function profileRoutes(services: AppServices, router: Router): void {
  const { db, clock, contentChecker } = services;

  mount(router, services, api.profiles.mine, async ({ user }) => presentProfile(await loadProfile(db, user.id, clock.now()), user));

  mount(router, services, api.profiles.save, async ({ body, user, run }) => {
    if (user.unitId === null) throw forbidden('只有单位名册中的党员可以亮身份');
    const { openid } = await findMember(db, user.id);
    const verdict = await checkAll(contentChecker, [...body.skills, body.promises], 'profile', openid);
    await run(saveProfile, { memberId: user.id, input: body, verdict });
    return presentProfile(await loadProfile(db, user.id, clock.now()), user);
  });

  mount(router, services, api.profiles.list, async ({ query, user }) =>
    presentPage(await listProfiles(db, user, query, clock.now()), (rows) => presentProfile(rows, user)),
  );

  mount(router, services, api.profiles.get, async ({ params, user }) => {
    const rows = await loadProfile(db, params.id, clock.now());
    authorizeProfileView(user, {
      memberId: rows.member.id,
      unitId: rows.member.unitId,
      public: rows.profile?.public ?? false,
      held: rows.profile === null || rows.profile.heldReason !== null,
    });
    return presentProfile(rows, user);
  });

  mount(router, services, api.profiles.review, async ({ params, body, user, run }) => {
    const rows = await loadProfile(db, params.id, clock.now());
    authorizeProfileView(user, { memberId: rows.member.id, unitId: rows.member.unitId, public: false, held: true });
    authorizeProfileKeeper(user, { memberId: rows.member.id, unitId: rows.member.unitId });
    await run(reviewProfile, { memberId: rows.member.id, approve: body.approve });
    return presentProfile(await loadProfile(db, rows.member.id, clock.now()), user);
  });
}
