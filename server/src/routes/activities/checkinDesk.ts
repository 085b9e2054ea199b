import type Router from '@koa/router';
import { api, formatShanghaiTime, slotEndsAt, slotOf, windowState } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import { loadActivity, windowOf } from '../../checkin/activityQuery';
import { CheckinCodes } from '../../checkin/codes';
import { liveList } from '../../checkin/liveList';
import { refuse } from '../../checkin/refusal';
import { recordAudit } from '../../commands/recordAudit';
import { activities, activityGuests, members, units } from '../../db/schema';
import { notFound } from '../../errors';
import { conflict } from '../../legacyErrors';
import { authorizeOrganiser, authorizeUnitActivities } from '../../policies/checkin';
import { presentWindow } from '../../presenters/activities';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** The organiser's side of check-in: the rotating code, the live list, guests. */
export function checkinDeskRoutes(services: AppServices, router: Router): void {
  const { db, clock } = services;
  const codes = new CheckinCodes(services.config.jwtSecret);

  mount(router, services, api.activities.code, async ({ params, user }) => {
    const activity = await loadActivity(db, params.id);
    authorizeOrganiser(user, activity.unitId);
    const now = clock.now();
    const window = windowOf(activity);
    const state = windowState(window, now);
    if (state === 'not_open') {
      throw refuse('conflict', 'window_not_open', `签到尚未开始，${formatShanghaiTime(window.opensAt)} 起可以开启签到`, {
        opensAt: window.opensAt.toISOString(),
      });
    }
    if (state === 'closed') {
      throw refuse('deadline_passed', 'window_closed', `签到已于 ${formatShanghaiTime(window.closesAt)} 结束`, {
        closesAt: window.closesAt.toISOString(),
      });
    }
    if (!activity.checkinOpenedAt) {
      await db.transaction(async (tx) => {
        await tx.update(activities).set({ checkinOpenedAt: now }).where(eq(activities.id, activity.id));
        await recordAudit(tx, { actor: user, action: 'activity.open_checkin', entity: 'activity', entityId: activity.id, at: now });
      });
    }
    const slot = slotOf(now);
    const token = codes.sign({ activityId: activity.id, slot });
    const expiresAt = slotEndsAt(slot);
    return {
      activityId: activity.id,
      token,
      slot,
      expiresAt: expiresAt.toISOString(),
      refreshInMs: expiresAt.getTime() - now.getTime(),
      qrDataUrl: await QRCode.toDataURL(token, { errorCorrectionLevel: 'M', margin: 2, width: 360 }),
      window: presentWindow(window),
    };
  });

  mount(router, services, api.activities.live, async ({ params, user }) => {
    const activity = await loadActivity(db, params.id);
    authorizeUnitActivities(user, activity.unitId);
    return liveList(db, activity, clock.now());
  });

  mount(router, services, api.activities.inviteGuest, async ({ params, body, user }) => {
    const activity = await loadActivity(db, params.id);
    authorizeUnitActivities(user, activity.unitId);
    const found = await db
      .select({ id: members.id, name: members.name, unitId: members.unitId, unitName: units.name })
      .from(members)
      .leftJoin(units, eq(units.id, members.unitId))
      .where(eq(members.phone, body.phone));
    if (!found.length) throw notFound('该手机号的党员');
    if (found.length > 1) throw conflict('该手机号在多个单位的名册中，请联系秘书处');
    const guest = found[0]!;
    if (guest.unitId === activity.unitId) throw conflict('本单位党员无需邀请，可直接签到');
    await db.transaction(async (tx) => {
      await tx
        .insert(activityGuests)
        .values({ activityId: activity.id, memberId: guest.id, invitedBy: user.id, createdAt: clock.now() })
        .onConflictDoNothing();
      await recordAudit(tx, {
        actor: user,
        action: 'activity.invite_guest',
        entity: 'activity',
        entityId: activity.id,
        after: { memberId: guest.id },
        at: clock.now(),
      });
    });
    return { memberId: guest.id, name: guest.name, unitName: guest.unitName };
  });
}
