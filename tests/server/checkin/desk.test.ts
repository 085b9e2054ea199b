import { api } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../server/src/db/schema';
import { at, codeFor, createActivity, refusal } from '../../support/checkinFactories';
import { createMember, signedInMember } from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  // Tests move the clock by hours; tokens outlive them.
  server = await startTestServer({ TOKEN_TTL_SECONDS: String(7 * 24 * 3600) });
});
afterAll(() => server.close());

function setNow(local: string): void {
  server.clock.advance(at(local).getTime() - server.clock.now().getTime());
}

describe('guests', () => {
  it('invites a member of another unit by phone, who may then check in', async () => {
    setNow('2026-11-25 13:00:00');
    const organiser = await signedInMember(server, ['member', 'unit_admin']);
    const activity = await createActivity(server.db, { unitId: organiser.member.unitId!, startsAt: at('2026-11-25 14:00:00') });
    const guest = await signedInMember(server, ['member'], { name: '外单位党员' });
    const invited = await organiser.client.call(api.activities.inviteGuest, {
      params: { id: activity.id },
      body: { phone: guest.member.phone },
    });
    expect(invited).toMatchObject({ memberId: guest.member.id, name: '外单位党员' });
    const [audit] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'activity.invite_guest'), eq(auditLog.entityId, String(activity.id))));
    expect(audit?.after).toEqual({ memberId: guest.member.id });

    setNow('2026-11-25 13:45:00');
    expect(
      (await guest.client.call(api.checkins.checkIn, { body: { token: codeFor(activity.id, server.clock.now()) } })).attendance.status,
    ).toBe('present');
    const detail = await guest.client.call(api.activities.get, { params: { id: activity.id } });
    expect(detail.mine).toMatchObject({ relation: 'guest', myStatus: 'present', canRequestLeave: false, canRequestMakeup: false });
    const live = await organiser.client.call(api.activities.live, { params: { id: activity.id } });
    expect(live.entries.find((e) => e.memberId === guest.member.id)).toMatchObject({ expected: false, status: 'present' });
    expect(live.counts.others).toBe(1);
  });

  it('refuses unknown phones, members of the own unit and other units’ admins', async () => {
    const organiser = await signedInMember(server, ['unit_admin']);
    const activity = await createActivity(server.db, { unitId: organiser.member.unitId!, startsAt: at('2026-11-26 14:00:00') });
    expect(
      (await refusal(organiser.client.call(api.activities.inviteGuest, { params: { id: activity.id }, body: { phone: '13000000000' } })))
        .status,
    ).toBe(404);
    const colleague = await createMember(server.db, { unitId: organiser.member.unitId });
    expect(
      (await refusal(organiser.client.call(api.activities.inviteGuest, { params: { id: activity.id }, body: { phone: colleague.phone } })))
        .message,
    ).toBe('本单位党员无需邀请，可直接签到');
    expect(
      (await refusal(organiser.client.call(api.activities.inviteGuest, { params: { id: activity.id }, body: { phone: '123' } }))).message,
    ).toContain('手机号应为 11 位');
    const stranger = await signedInMember(server, ['unit_admin']);
    expect(
      (await refusal(stranger.client.call(api.activities.inviteGuest, { params: { id: activity.id }, body: { phone: colleague.phone } })))
        .status,
    ).toBe(403);
  });
});

describe('check-in settings', () => {
  it('starts from the defaults and keeps the late threshold inside the window', async () => {
    const organiser = await signedInMember(server, ['unit_admin']);
    const unitId = organiser.member.unitId!;
    expect(await organiser.client.call(api.schedules.getSettings, { params: { unitId } })).toEqual({
      windowBeforeMinutes: 30,
      windowAfterMinutes: 30,
      lateAfterMinutes: 10,
      geofence: false,
    });
    const saved = await organiser.client.call(api.schedules.updateSettings, {
      params: { unitId },
      body: { windowBeforeMinutes: 45, windowAfterMinutes: 20, lateAfterMinutes: 5, geofence: true },
    });
    expect(saved).toEqual({ windowBeforeMinutes: 45, windowAfterMinutes: 20, lateAfterMinutes: 5, geofence: true });
    const bad = await refusal(
      organiser.client.call(api.schedules.updateSettings, {
        params: { unitId },
        body: { windowBeforeMinutes: 30, windowAfterMinutes: 10, lateAfterMinutes: 15, geofence: false },
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.message).toContain('迟到时限不能晚于签到截止时间');
    const stranger = await signedInMember(server, ['unit_admin']);
    expect((await refusal(stranger.client.call(api.schedules.getSettings, { params: { unitId } }))).status).toBe(403);
  });
});

describe('GET /api/units/:unitId/activities', () => {
  it('lists the unit’s activities in a date range with their windows and phases', async () => {
    setNow('2026-11-25 13:40:00');
    const organiser = await signedInMember(server, ['unit_admin']);
    const unitId = organiser.member.unitId!;
    const open = await createActivity(server.db, { unitId, startsAt: at('2026-11-25 14:00:00'), title: '签到中的活动' });
    await createActivity(server.db, { unitId, startsAt: at('2026-12-25 14:00:00'), title: '下个月的活动' });
    await createActivity(server.db, { unitId, startsAt: at('2026-10-25 14:00:00'), title: '上个月的活动' });
    const list = await organiser.client.call(api.activities.listForUnit, { params: { unitId }, query: {} });
    expect(list.items.map((a) => [a.title, a.phase])).toEqual([
      ['签到中的活动', 'checkin_open'],
      ['下个月的活动', 'upcoming'],
    ]);
    expect(list.items[0]!.window).toEqual({
      opensAt: at('2026-11-25 13:30:00').toISOString(),
      closesAt: at('2026-11-25 14:30:00').toISOString(),
      lateAfter: at('2026-11-25 14:10:00').toISOString(),
    });
    const october = await organiser.client.call(api.activities.listForUnit, {
      params: { unitId },
      query: { from: '2026-10-01', to: '2026-10-31' },
    });
    expect(october.items.map((a) => [a.title, a.phase])).toEqual([['上个月的活动', 'ended']]);
    expect(
      (
        await refusal(
          organiser.client.call(api.activities.listForUnit, { params: { unitId }, query: { from: '2026-10-31', to: '2026-10-01' } }),
        )
      ).message,
    ).toContain('结束日期不能早于开始日期');
    expect(
      (await refusal(organiser.client.call(api.activities.listForUnit, { params: { unitId }, query: { from: '2026-02-30' } }))).message,
    ).toContain('日期格式应为 YYYY-MM-DD');
    expect(open.id).toBeGreaterThan(0);
  });
});
