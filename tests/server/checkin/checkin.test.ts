import { api, slotOf, type ApiClient } from '@zhijian/shared';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, activityGuests, attendance, auditLog, pointsLedger } from '../../../server/src/db/schema';
import { CheckinCodes } from '../../../server/src/checkin/codes';
import { at, codeFor, createActivity, createHostSite, refusal, setSettings } from '../../support/checkinFactories';
import { signedInMember } from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  // Tests move the clock by hours; tokens outlive them.
  server = await startTestServer({ TOKEN_TTL_SECONDS: String(7 * 24 * 3600) });
});
afterAll(() => server.close());

function setNow(instant: Date): void {
  server.clock.advance(instant.getTime() - server.clock.now().getTime());
}

const START = '2026-11-25 14:00:00';

/** A unit with its organiser and an activity at 14:00 on 2026-11-25; the clock at 13:00 that day. */
async function scene(options: { latitude?: number; longitude?: number; radiusMeters?: number } = {}) {
  setNow(at('2026-11-25 13:00:00'));
  const organiser = await signedInMember(server, ['member', 'unit_admin']);
  const unitId = organiser.member.unitId!;
  const activity = await createActivity(server.db, { unitId, startsAt: at(START), title: '创客沙龙', ...options });
  const member = () => signedInMember(server, ['member'], { unitId });
  return { organiser, unitId, activity, member };
}

const scan = (client: ApiClient, token: string, position: { latitude?: number; longitude?: number } = {}) =>
  client.call(api.checkins.checkIn, { body: { token, ...position } });

describe('POST /api/activities/:id/code (the rotating code)', () => {
  it('should require authentication', async () => {
    expect((await refusal(server.client.call(api.activities.code, { params: { id: 1 } }))).status).toBe(401);
  });

  it('opens check-in, signs the current 15-second slot and says when to refresh', async () => {
    const { organiser, activity } = await scene();
    setNow(at('2026-11-25 13:40:07'));
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
    const audits = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'activity.open_checkin'), eq(auditLog.entityId, String(activity.id))));
    expect(audits).toHaveLength(1);

    setNow(at('2026-11-25 13:40:15'));
    const next = await organiser.client.call(api.activities.code, { params: { id: activity.id } });
    expect(next.slot).toBe(code.slot + 1);
    expect(next.token).not.toBe(code.token);
    expect(next.refreshInMs).toBe(15_000);
  });

  it('is refused before the window opens and after it closes', async () => {
    const { organiser, activity } = await scene();
    const early = await refusal(organiser.client.call(api.activities.code, { params: { id: activity.id } }));
    expect(early).toMatchObject({ status: 409, reason: 'window_not_open', message: '签到尚未开始，13:30 起可以开启签到' });
    setNow(at('2026-11-25 14:30:01'));
    const late = await refusal(organiser.client.call(api.activities.code, { params: { id: activity.id } }));
    expect(late).toMatchObject({ status: 409, reason: 'window_closed', message: '签到已于 14:30 结束' });
  });

  it('is refused to a unit admin of another unit and to the secretariat', async () => {
    const { activity } = await scene();
    setNow(at('2026-11-25 13:45:00'));
    const stranger = await signedInMember(server, ['unit_admin']);
    const failure = await refusal(stranger.client.call(api.activities.code, { params: { id: activity.id } }));
    expect(failure).toMatchObject({ status: 403, message: '只有本单位的党务工作者可以组织本单位的活动' });
    const secretary = await signedInMember(server, ['secretariat'], { unitId: null });
    expect((await refusal(secretary.client.call(api.activities.code, { params: { id: activity.id } }))).status).toBe(403);
  });
});

describe('POST /api/checkins', () => {
  it('should require authentication', async () => {
    expect((await refusal(server.client.call(api.checkins.checkIn, { body: { token: 'x' } }))).status).toBe(401);
  });

  it('opens 30 minutes before the start, to the second', async () => {
    const { activity, member } = await scene();
    const { client } = await member();
    setNow(at('2026-11-25 13:29:59'));
    const early = await refusal(scan(client, codeFor(activity.id, server.clock.now())));
    expect(early).toMatchObject({ status: 409, code: 'conflict', reason: 'window_not_open', message: '签到尚未开始，13:30 起可以签到' });
    setNow(at('2026-11-25 13:30:00'));
    const result = await scan(client, codeFor(activity.id, server.clock.now()));
    expect(result.attendance).toMatchObject({
      status: 'present',
      method: 'scan',
      checkedInAt: at('2026-11-25 13:30:00').toISOString(),
      points: 2,
    });
    expect(result.message).toBe('签到成功');
    expect(result.activity).toMatchObject({ id: activity.id, title: '创客沙龙' });
  });

  it('is on time until start + 10 minutes and late from the second after', async () => {
    const { activity, member } = await scene();
    const onTime = await member();
    const late = await member();
    setNow(at('2026-11-25 14:10:00'));
    expect((await scan(onTime.client, codeFor(activity.id, server.clock.now()))).attendance.status).toBe('present');
    setNow(at('2026-11-25 14:10:01'));
    const result = await scan(late.client, codeFor(activity.id, server.clock.now()));
    expect(result.attendance).toMatchObject({ status: 'late', points: 1 });
    expect(result.message).toBe('签到成功（迟到）');
  });

  it('closes 30 minutes after the start, to the second', async () => {
    const { activity, member } = await scene();
    const last = await member();
    const tooLate = await member();
    setNow(at('2026-11-25 14:30:00'));
    expect((await scan(last.client, codeFor(activity.id, server.clock.now()))).attendance.status).toBe('late');
    setNow(at('2026-11-25 14:30:01'));
    const failure = await refusal(scan(tooLate.client, codeFor(activity.id, server.clock.now())));
    expect(failure).toMatchObject({
      status: 409,
      code: 'deadline_passed',
      reason: 'window_closed',
      message: '签到已于 14:30 结束；如确已参加，请申请补签',
    });
  });

  it('follows the unit’s own window and late threshold', async () => {
    const { unitId, activity, member } = await scene();
    await setSettings(server.db, unitId, { windowBeforeMinutes: 60, windowAfterMinutes: 20, lateAfterMinutes: 5 });
    const early = await member();
    const late = await member();
    setNow(at('2026-11-25 13:00:00'));
    expect((await scan(early.client, codeFor(activity.id, server.clock.now()))).attendance.status).toBe('present');
    setNow(at('2026-11-25 14:05:01'));
    expect((await scan(late.client, codeFor(activity.id, server.clock.now()))).attendance.status).toBe('late');
    setNow(at('2026-11-25 14:20:01'));
    expect((await refusal(scan((await member()).client, codeFor(activity.id, server.clock.now())))).message).toBe(
      '签到已于 14:20 结束；如确已参加，请申请补签',
    );
  });

  it('accepts the current and the previous slot, and refuses a code replayed too late', async () => {
    const { activity, member } = await scene();
    setNow(at('2026-11-25 13:50:00'));
    const shown = codeFor(activity.id, server.clock.now());
    const previous = await member();
    setNow(at('2026-11-25 13:50:29.999'));
    expect((await scan(previous.client, shown)).attendance.status).toBe('present');
    setNow(at('2026-11-25 13:50:30'));
    const replayed = await refusal(scan((await member()).client, shown));
    expect(replayed).toMatchObject({
      status: 409,
      code: 'deadline_passed',
      reason: 'slot_expired',
      message: '签到码已过期（每 15 秒更换一次），请扫描屏幕上最新的二维码',
    });
  });

  it('refuses forged, malformed and future codes', async () => {
    const { activity, member } = await scene();
    setNow(at('2026-11-25 13:50:00'));
    const { client } = await member();
    const genuine = codeFor(activity.id, server.clock.now());
    const tampered = genuine.slice(0, -1) + (genuine.endsWith('A') ? 'B' : 'A');
    const otherKey = new CheckinCodes('another-secret-that-is-long-enough-for-hmac').sign({
      activityId: activity.id,
      slot: slotOf(server.clock.now()),
    });
    const otherActivity = genuine.replace(`QD1.${activity.id}.`, `QD1.${activity.id + 1}.`);
    const future = codeFor(activity.id, new Date(server.clock.now().getTime() + 15_000));
    for (const token of [tampered, otherKey, otherActivity, future, 'hello', `QD1.${activity.id}.1.x`]) {
      const failure = await refusal(scan(client, token));
      expect(failure).toMatchObject({
        status: 400,
        code: 'invalid_input',
        reason: 'token_invalid',
        message: '签到码无效：请扫描组织者屏幕上的二维码',
      });
    }
    expect((await refusal(scan(client, ''))).message).toContain('请扫描或输入签到码');
    const rows = await server.db.select().from(attendance).where(eq(attendance.activityId, activity.id));
    expect(rows).toHaveLength(0);
  });

  it('refuses a member of another unit, and admits invited guests and the host site’s mobile members', async () => {
    const { activity, unitId } = await scene();
    setNow(at('2026-11-25 13:50:00'));
    const outsider = await signedInMember(server, ['member']);
    const failure = await refusal(scan(outsider.client, codeFor(activity.id, server.clock.now())));
    expect(failure.status).toBe(403);
    expect(failure.code).toBe('forbidden');
    expect(failure.reason).toBe('not_on_roster');
    expect(failure.message).toMatch(/^你不在「测试单位\d+」本次活动的名单中：只有本单位党员、编入该服务点的流动党员和受邀嘉宾可以签到$/);

    await server.db.insert(activityGuests).values({ activityId: activity.id, memberId: outsider.member.id });
    expect((await scan(outsider.client, codeFor(activity.id, server.clock.now()))).attendance.status).toBe('present');

    const mobile = await signedInMember(server, ['member'], { unitId, kind: 'mobile' });
    const site = await createHostSite(server.db, unitId, [mobile.member.id]);
    const weekly = await createActivity(server.db, { unitId, hostSiteId: site.id, startsAt: at(START), title: '流动党员活动日' });
    expect((await scan(mobile.client, codeFor(weekly.id, server.clock.now()))).attendance.status).toBe('present');
    const elsewhere = await signedInMember(server, ['member'], { kind: 'mobile' });
    await createHostSite(server.db, elsewhere.member.unitId!, [elsewhere.member.id]);
    expect((await refusal(scan(elsewhere.client, codeFor(weekly.id, server.clock.now())))).reason).toBe('not_on_roster');
  });

  it('checks the position only where the unit turned geofencing on', async () => {
    const centre = { latitude: 30.2741, longitude: 120.1551 };
    const { organiser, unitId, activity, member } = await scene({ ...centre, radiusMeters: 200 });
    setNow(at('2026-11-25 13:50:00'));
    const free = await member();
    expect((await scan(free.client, codeFor(activity.id, server.clock.now()))).attendance.status).toBe('present');

    // Through the API: the change applies to the next scan at once.
    await organiser.client.call(api.schedules.updateSettings, {
      params: { unitId },
      body: { windowBeforeMinutes: 30, windowAfterMinutes: 30, lateAfterMinutes: 10, geofence: true },
    });
    const { client } = await member();
    const missing = await refusal(scan(client, codeFor(activity.id, server.clock.now())));
    expect(missing).toMatchObject({ status: 400, reason: 'location_required', message: '本单位开启了定位签到：请允许获取位置后重新扫码' });
    const far = await refusal(scan(client, codeFor(activity.id, server.clock.now()), { latitude: 30.2771, longitude: 120.1551 }));
    expect(far).toMatchObject({ status: 403, reason: 'outside_geofence', message: '你不在活动地点附近（相距约 334 米，需在 200 米以内）' });
    expect(far.details).toMatchObject({ distanceMeters: 334, radiusMeters: 200 });
    const near = await scan(client, codeFor(activity.id, server.clock.now()), { latitude: 30.2755, longitude: 120.1551 });
    expect(near.attendance.status).toBe('present');
  });

  it('answers a repeat with the same body, even after the window', async () => {
    const { activity, member } = await scene();
    const { client } = await member();
    setNow(at('2026-11-25 14:12:00'));
    const first = await scan(client, codeFor(activity.id, server.clock.now()));
    setNow(at('2026-11-25 14:20:00'));
    expect(await scan(client, codeFor(activity.id, server.clock.now()))).toEqual(first);
    setNow(at('2026-11-25 14:55:00'));
    expect(await scan(client, codeFor(activity.id, server.clock.now()))).toEqual(first);
  });

  it('records 50 simultaneous check-ins of one member once, with 50 identical answers and one points row', async () => {
    const { activity, member } = await scene();
    const { client, member: who } = await member();
    setNow(at('2026-11-25 13:55:00'));
    const token = codeFor(activity.id, server.clock.now());
    const answers = await Promise.all(Array.from({ length: 50 }, () => scan(client, token)));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    const rows = await server.db
      .select()
      .from(attendance)
      .where(and(eq(attendance.activityId, activity.id), eq(attendance.memberId, who.id)));
    expect(rows).toHaveLength(1);
    const points = await server.db
      .select({ n: sql<number>`count(*)::int`, sum: sql<number>`sum(points)::int` })
      .from(pointsLedger)
      .where(eq(pointsLedger.memberId, who.id));
    expect(points[0]).toEqual({ n: 1, sum: 2 });
  });

  it('holds one row per member and activity in the database itself', async () => {
    const { activity, member } = await scene();
    const { member: who } = await member();
    const values = {
      activityId: activity.id,
      memberId: who.id,
      status: 'present' as const,
      method: 'scan' as const,
      checkedInAt: server.clock.now(),
    };
    await server.db.insert(attendance).values(values);
    await expect(server.db.insert(attendance).values(values)).rejects.toMatchObject({ cause: { code: '23505' } });
  });

  it('refuses check-in to an activity that does not exist with 404', async () => {
    setNow(at('2026-11-25 13:55:00'));
    const { client } = await signedInMember(server, ['member']);
    const failure = await refusal(scan(client, codeFor(999_999, server.clock.now())));
    expect(failure).toMatchObject({ status: 404, message: '活动不存在' });
  });
});
