import { activityRefusals, api, checkinRefusals, commonRefusals, mergeLiveList, slotOf } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, attendance, auditLog } from '../../../server/src/db/schema';
import { at, codeFor, createActivity, expectRefusedSaying } from '../../support/checkinFactories';
import { createMember, createUnit, signedInMember } from '../../support/factories';
import { expectRefused } from '../../support/refusals';
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

/** A unit with its organiser and an activity at 14:00 on 2026-11-25; the clock at 13:00 that day. */
async function scene() {
  setNow('2026-11-25 13:00:00');
  const organiser = await signedInMember(server, ['member', 'unit_admin']);
  const unitId = organiser.member.unitId!;
  const activity = await createActivity(server.db, { unitId, startsAt: at('2026-11-25 14:00:00'), title: '创客沙龙' });
  return { organiser, unitId, activity };
}

describe('POST /api/activities/:id/code (the rotating code)', () => {
  it('should require authentication', async () => {
    await expectRefused(server.client.call(api.activities.code, { params: { id: 1 } }), commonRefusals.unauthorized);
  });

  it('opens check-in, signs the current 15-second slot and says when to refresh', async () => {
    const { organiser, activity } = await scene();
    setNow('2026-11-25 13:40:07');
    const code = await organiser.client.call(api.activities.code, { params: { id: activity.id } });
    expect(code.activityId).toBe(activity.id);
    expect(code.slot).toBe(slotOf(at('2026-11-25 13:40:07')));
    expect(code.expiresAt).toBe(at('2026-11-25 13:40:15').toISOString());
    expect(code.refreshInMs).toBe(8000);
    expect(code.token).toMatch(/^QD1\.\d+\.\d+\.[A-Za-z0-9_-]{22}$/);
    expect(code.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(code.window).toEqual({
      opensAt: at('2026-11-25 13:30:00').toISOString(),
      closesAt: at('2026-11-25 14:30:00').toISOString(),
      lateAfter: at('2026-11-25 14:10:00').toISOString(),
    });
    const [row] = await server.db.select().from(activities).where(eq(activities.id, activity.id));
    expect(row!.checkinOpenedAt?.toISOString()).toBe(at('2026-11-25 13:40:07').toISOString());

    setNow('2026-11-25 13:40:15');
    const next = await organiser.client.call(api.activities.code, { params: { id: activity.id } });
    expect(next.slot).toBe(code.slot + 1);
    expect(next.token).not.toBe(code.token);
    expect(next.refreshInMs).toBe(15_000);
    // Opened once: showing the code again is not another opening.
    const audits = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'activity.open_checkin'), eq(auditLog.entityId, String(activity.id))));
    expect(audits).toHaveLength(1);
    const [again] = await server.db.select().from(activities).where(eq(activities.id, activity.id));
    expect(again!.checkinOpenedAt?.toISOString()).toBe(at('2026-11-25 13:40:07').toISOString());
  });

  it('is refused before the window opens and after it closes', async () => {
    const { organiser, activity } = await scene();
    const early = await expectRefusedSaying(
      organiser.client.call(api.activities.code, { params: { id: activity.id } }),
      checkinRefusals.window_not_open,
    );
    expect(early).toEqual({
      details: { reason: 'window_not_open', opensAt: at('2026-11-25 13:30:00').toISOString() },
      message: '签到尚未开始，13:30 起可以开启签到',
    });
    setNow('2026-11-25 14:30:01');
    const late = await expectRefusedSaying(
      organiser.client.call(api.activities.code, { params: { id: activity.id } }),
      checkinRefusals.window_closed,
    );
    expect(late).toEqual({
      details: { reason: 'window_closed', closesAt: at('2026-11-25 14:30:00').toISOString() },
      message: '签到已于 14:30 结束',
    });
    const [row] = await server.db.select().from(activities).where(eq(activities.id, activity.id));
    expect(row!.checkinOpenedAt).toBeNull();
  });

  it('is refused to a unit admin of another unit and to the secretariat', async () => {
    const { activity } = await scene();
    setNow('2026-11-25 13:45:00');
    const stranger = await signedInMember(server, ['unit_admin']);
    const failure = await expectRefusedSaying(
      stranger.client.call(api.activities.code, { params: { id: activity.id } }),
      commonRefusals.forbidden,
    );
    expect(failure.message).toBe('只有本单位的党务工作者可以组织本单位的活动');
    const secretary = await signedInMember(server, ['secretariat'], { unitId: null });
    await expectRefused(secretary.client.call(api.activities.code, { params: { id: activity.id } }), commonRefusals.forbidden);
  });
});

describe('GET /api/activities/:id/live', () => {
  it('lists who is in and who is not yet, and answers 304 while nothing changed', async () => {
    const { organiser, unitId, activity } = await scene();
    const members = [];
    for (let i = 0; i < 3; i += 1) members.push(await signedInMember(server, ['member'], { unitId, name: `党员${i + 1}` }));
    setNow('2026-11-25 13:45:00');
    const url = organiser.client.url(api.activities.live, { params: { id: activity.id } });
    const first = await fetch(url, { headers: organiser.client.headers() });
    expect(first.status).toBe(200);
    const body = (await first.json()) as { counts: Record<string, number>; entries: { name: string; status: string }[] };
    // The organiser holds the member role too: four on the roster.
    expect(body.counts).toMatchObject({ expected: 4, present: 0, absent: 4, others: 0 });
    expect(body.entries.every((e) => e.status === 'waiting')).toBe(true);
    const etag = first.headers.get('etag')!;
    const unchanged = await fetch(url, { headers: { ...organiser.client.headers(), 'if-none-match': etag } });
    expect(unchanged.status).toBe(304);

    await members[0]!.client.call(api.checkins.checkIn, { body: { token: codeFor(activity.id, server.clock.now()) } });
    const changed = await fetch(url, { headers: { ...organiser.client.headers(), 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    const after = (await changed.json()) as { entries: { name: string; status: string }[] };
    expect(after.entries.find((e) => e.name === '党员1')?.status).toBe('present');
    expect(after.entries.filter((e) => e.status === 'waiting')).toHaveLength(3);
  });

  it('answers a poll naming its version with only what changed since, which merges into the whole list', async () => {
    const { organiser, unitId, activity } = await scene();
    const members = [];
    for (let i = 0; i < 30; i += 1) members.push(await signedInMember(server, ['member'], { unitId, name: `轮询党员${i + 1}` }));
    setNow('2026-11-25 13:45:00');
    const live = (since?: string) =>
      organiser.client.call(api.activities.live, { params: { id: activity.id }, query: since ? { since } : {} });

    const first = await live();
    expect(first).toMatchObject({ since: null, removed: [] });
    expect(first.entries).toHaveLength(31);

    // Nothing new: no entries, the same version, a few hundred bytes on the wire.
    const quiet = await fetch(organiser.client.url(api.activities.live, { params: { id: activity.id }, query: { since: first.version } }), {
      headers: organiser.client.headers(),
    });
    const quietBody = await quiet.text();
    expect(JSON.parse(quietBody)).toMatchObject({ entries: [], removed: [], since: first.version, version: first.version });
    expect(Buffer.byteLength(quietBody)).toBeLessThan(1024);

    // Two check in, one of them a guest from another unit: only they travel.
    await members[4]!.client.call(api.checkins.checkIn, { body: { token: codeFor(activity.id, server.clock.now()) } });
    const guest = await signedInMember(server, ['member'], { name: '外单位来宾' });
    await organiser.client.call(api.activities.inviteGuest, { params: { id: activity.id }, body: { phone: guest.member.phone } });
    await guest.client.call(api.checkins.checkIn, { body: { token: codeFor(activity.id, server.clock.now()) } });
    const delta = await live(first.version);
    expect(delta.since).toBe(first.version);
    expect(delta.version).not.toBe(first.version);
    expect(delta.entries.map((e) => e.memberId)).toEqual([members[4]!.member.id, guest.member.id]);
    const merged = mergeLiveList(first, delta);
    expect(merged).toEqual(await live());

    // The guest's record withdrawn: the guest is named as removed, and the merge still equals the whole list.
    await server.db.delete(attendance).where(and(eq(attendance.activityId, activity.id), eq(attendance.memberId, guest.member.id)));
    const withdrawn = await live(merged!.version);
    expect(withdrawn).toMatchObject({ entries: [], removed: [guest.member.id], since: merged!.version });
    expect(mergeLiveList(merged, withdrawn)).toEqual(await live());

    // A version this server does not know, or one the client does not hold: the whole list.
    const unknown = await live('AAAAAAAAAAAAAAAAAAAAAA');
    expect(unknown.since).toBeNull();
    expect(unknown.entries).toHaveLength(31);
    expect(mergeLiveList(first, withdrawn)).toBeNull();
  });

  it('refuses a malformed version with 400', async () => {
    const { organiser, activity } = await scene();
    for (const since of ['x'.repeat(41), 'a b', 'a\u0000b']) {
      const response = await fetch(organiser.client.url(api.activities.live, { params: { id: activity.id }, query: { since } }), {
        headers: organiser.client.headers(),
      });
      expect(response.status).toBe(400);
    }
  });

  it('is refused to members and other units', async () => {
    const { unitId, activity } = await scene();
    const member = await signedInMember(server, ['member'], { unitId });
    await expectRefused(member.client.call(api.activities.live, { params: { id: activity.id } }), commonRefusals.forbidden);
    const stranger = await signedInMember(server, ['unit_admin']);
    const failure = await expectRefusedSaying(
      stranger.client.call(api.activities.live, { params: { id: activity.id } }),
      commonRefusals.forbidden,
    );
    expect(failure.message).toBe('只能查看和管理本单位的活动');
  });
});

describe('POST /api/activities/:id/guests', () => {
  it('invites a member of another unit by phone, who may then check in', async () => {
    const { organiser, activity } = await scene();
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

  it('refuses unknown phones, members of the own unit, phones on several rosters and other units’ admins', async () => {
    const organiser = await signedInMember(server, ['unit_admin']);
    const activity = await createActivity(server.db, { unitId: organiser.member.unitId!, startsAt: at('2026-11-26 14:00:00') });
    const invite = (phone: string) => organiser.client.call(api.activities.inviteGuest, { params: { id: activity.id }, body: { phone } });
    const unknown = await expectRefused(invite('13000000000'), commonRefusals.not_found);
    expect(unknown.resource).toBe('该手机号的党员');
    const colleague = await createMember(server.db, { unitId: organiser.member.unitId });
    const own = await expectRefusedSaying(invite(colleague.phone), activityRefusals.guest_in_own_unit);
    expect(own.message).toBe('本单位党员无需邀请，可直接签到');
    const twice = await createMember(server.db, { unitId: (await createUnit(server.db)).id });
    await createMember(server.db, { unitId: (await createUnit(server.db)).id, phone: twice.phone });
    const ambiguous = await expectRefusedSaying(invite(twice.phone), activityRefusals.guest_phone_ambiguous);
    expect(ambiguous.message).toBe('该手机号在多个单位的名册中，请联系秘书处');
    const { issues } = await expectRefused(invite('123'), commonRefusals.invalid_fields);
    expect(issues).toEqual([expect.objectContaining({ path: 'body.phone', label: '手机号' })]);
    expect(issues[0]!.message).toContain('手机号应为 11 位');
    const stranger = await signedInMember(server, ['unit_admin']);
    await expectRefused(
      stranger.client.call(api.activities.inviteGuest, { params: { id: activity.id }, body: { phone: colleague.phone } }),
      commonRefusals.forbidden,
    );
  });
});
