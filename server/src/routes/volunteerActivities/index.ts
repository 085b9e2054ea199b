import type Router from '@koa/router';
import { api, slotAge, slotEndsAt, slotOf, volunteerRefusals } from '@zhijian/shared';
import QRCode from 'qrcode';
import { verifyIdentityCode } from '../../cards/identityCode';
import { CheckinCodes, VOLUNTEER_CODE_PURPOSE } from '../../checkinCodes/rotatingCodes';
import { cancelVolunteerActivity } from '../../commands/cancelVolunteerActivity';
import { cancelVolunteerSignUp } from '../../commands/cancelVolunteerSignUp';
import { createVolunteerActivity } from '../../commands/createVolunteerActivity';
import { recordVolunteerAttendance } from '../../commands/recordVolunteerAttendance';
import { signUpVolunteer } from '../../commands/signUpVolunteer';
import { updateVolunteerActivity } from '../../commands/updateVolunteerActivity';
import { notFound, refuse } from '../../errors';
import { authorizeOrganiser, canOrganise } from '../../policies/volunteering';
import { presentAttendance, presentMySignUp, presentRosterEntry, presentVolunteerActivity } from '../../presenters/volunteerActivities';
import { findMember } from '../../queries/members';
import { presentPage } from '../../queries/paginate';
import {
  canSeeVolunteerActivity,
  findVolunteerActivity,
  listVolunteerActivities,
  loadRoster,
  loadVolunteerActivity,
  refuseIfCancelled,
} from '../../queries/volunteerActivities';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/**
 * 爱E客栈 volunteer activities: published by a unit admin or the secretariat, joined by members
 * (places, then a waitlist), attended by a scan either way, paid in 公益积分.
 */
export function volunteerActivityRoutes(services: AppServices, router: Router): void {
  const { db, clock, config } = services;
  // The check-in engine's rotating codes, under a key of their own.
  const codes = new CheckinCodes(config.jwtSecret, VOLUNTEER_CODE_PURPOSE);

  /** The activity, if the caller may see it; another unit's is not there for them. */
  async function visibleActivity(id: number, user: { unitId: number | null }) {
    const activity = await findVolunteerActivity(db, id);
    if (!canSeeVolunteerActivity(user, activity)) throw notFound('志愿活动');
    return activity;
  }

  mount(router, services, api.volunteerActivities.list, async ({ query, user }) => {
    const now = clock.now();
    const page = await listVolunteerActivities(db, user, now, query);
    return presentPage(page, (row) => presentVolunteerActivity(row, now, canOrganise(user, row.activity)));
  });

  mount(router, services, api.volunteerActivities.get, async ({ params, user }) => {
    const activity = await visibleActivity(params.id, user);
    return presentVolunteerActivity(await loadVolunteerActivity(db, activity.id, user), clock.now(), canOrganise(user, activity));
  });

  mount(router, services, api.volunteerActivities.create, async ({ body, user, run }) => {
    const unitId = body.scope === 'association' ? null : user.unitId;
    if ((body.scope === 'unit' && unitId === null) || !canOrganise(user, { unitId })) {
      throw refuse(volunteerRefusals.scope_not_allowed);
    }
    const activity = await run(createVolunteerActivity, { input: body, unitId });
    return presentVolunteerActivity(await loadVolunteerActivity(db, activity.id, user), clock.now(), true);
  });

  mount(router, services, api.volunteerActivities.update, async ({ params, body, user, run }) => {
    const activity = await findVolunteerActivity(db, params.id);
    authorizeOrganiser(user, activity);
    await run(updateVolunteerActivity, { activityId: activity.id, changes: body });
    return presentVolunteerActivity(await loadVolunteerActivity(db, activity.id, user), clock.now(), true);
  });

  mount(router, services, api.volunteerActivities.cancelActivity, async ({ params, body, user, run }) => {
    const activity = await findVolunteerActivity(db, params.id);
    authorizeOrganiser(user, activity);
    await run(cancelVolunteerActivity, { activityId: activity.id, reason: body.reason });
    return presentVolunteerActivity(await loadVolunteerActivity(db, activity.id, user), clock.now(), true);
  });

  mount(router, services, api.volunteerActivities.signUp, async ({ params, user, run }) => {
    const activity = await visibleActivity(params.id, user);
    return presentMySignUp(await run(signUpVolunteer, { activityId: activity.id, member: user }));
  });

  mount(router, services, api.volunteerActivities.cancel, async ({ params, user, run }) => {
    const activity = await visibleActivity(params.id, user);
    return presentMySignUp(await run(cancelVolunteerSignUp, { activityId: activity.id, memberId: user.id }));
  });

  mount(router, services, api.volunteerActivities.roster, async ({ params, user }) => {
    const activity = await findVolunteerActivity(db, params.id);
    authorizeOrganiser(user, activity);
    return { items: (await loadRoster(db, activity.id)).map(presentRosterEntry) };
  });

  mount(router, services, api.volunteerActivities.code, async ({ params, user }) => {
    const activity = await findVolunteerActivity(db, params.id);
    authorizeOrganiser(user, activity);
    refuseIfCancelled(activity);
    const slot = slotOf(clock.now());
    const token = codes.sign({ activityId: activity.id, slot });
    const qrDataUrl = await QRCode.toDataURL(token, { errorCorrectionLevel: 'M', margin: 2, width: 360 });
    return { token, qrDataUrl, expiresAt: slotEndsAt(slot).toISOString() };
  });

  mount(router, services, api.volunteerActivities.attendByCode, async ({ body, user, run }) => {
    const claims = codes.verify(body.token);
    if (!claims) throw refuse(volunteerRefusals.code_invalid);
    const age = slotAge(claims.slot, clock.now());
    if (age === 'future') throw refuse(volunteerRefusals.code_invalid);
    if (age === 'expired') throw refuse(volunteerRefusals.code_expired);
    const activity = await findVolunteerActivity(db, claims.activityId);
    const result = await run(recordVolunteerAttendance, { activity, memberId: user.id, method: 'code' });
    return presentAttendance(activity, user, result);
  });

  mount(router, services, api.volunteerActivities.attendByCard, async ({ params, body, user, run }) => {
    const activity = await findVolunteerActivity(db, params.id);
    authorizeOrganiser(user, activity);
    const memberId = verifyIdentityCode(config.jwtSecret, body.code, clock.now());
    if (memberId === null) throw refuse(volunteerRefusals.identity_invalid);
    const member = await findMember(db, memberId);
    const result = await run(recordVolunteerAttendance, { activity, memberId: member.id, method: 'card' });
    return presentAttendance(activity, member, result);
  });
}
