import type Router from '@koa/router';
import { api, slotEndsAt, slotOf } from '@zhijian/shared';
import QRCode from 'qrcode';
import { CheckinCodes } from '../../checkinCodes/rotatingCodes';
import { inviteGuest } from '../../commands/inviteGuest';
import { openCheckin } from '../../commands/openCheckin';
import { LiveVersions } from '../../liveList/liveVersions';
import { authorizeOrganiser, authorizeUnitActivities } from '../../policies/activities';
import { presentCheckinCode, presentLiveList } from '../../presenters/activities';
import { findActivity, loadLiveList } from '../../queries/activities';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** The organiser's side of check-in: the rotating code, the live list, guests. */
export function checkinDeskRoutes(services: AppServices, router: Router): void {
  const { db, clock } = services;
  const codes = new CheckinCodes(services.config.jwtSecret);
  const liveVersions = new LiveVersions();

  mount(router, services, api.activities.code, async ({ params, user, run }) => {
    const activity = await findActivity(db, params.id);
    authorizeOrganiser(user, activity.unitId);
    const now = clock.now();
    await run(openCheckin, { activity });
    const slot = slotOf(now);
    const token = codes.sign({ activityId: activity.id, slot });
    const qrDataUrl = await QRCode.toDataURL(token, { errorCorrectionLevel: 'M', margin: 2, width: 360 });
    return presentCheckinCode({ activity, token, slot, expiresAt: slotEndsAt(slot), qrDataUrl, now });
  });

  mount(router, services, api.activities.live, async ({ params, query, user }) => {
    const activity = await findActivity(db, params.id);
    authorizeUnitActivities(user, activity.unitId);
    return liveVersions.answer(activity.id, presentLiveList(await loadLiveList(db, activity), clock.now()), query.since);
  });

  mount(router, services, api.activities.inviteGuest, async ({ params, body, user, run }) => {
    const activity = await findActivity(db, params.id);
    authorizeUnitActivities(user, activity.unitId);
    const guest = await run(inviteGuest, { activity, phone: body.phone });
    return { memberId: guest.id, name: guest.name, unitName: guest.unitName };
  });
}
