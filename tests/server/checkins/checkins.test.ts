import { api, checkinRefusals, commonRefusals, slotOf, type ApiClient } from '@zhijian/shared';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckinCodes } from '../../../server/src/checkinCodes/rotatingCodes';
import { activityGuests, attendance, pointsLedger } from '../../../server/src/db/schema';
import { at, codeFor, createActivity, createHostSite, expectRefusedSaying, setSettings } from '../../support/checkinFactories';
import { signedInMember } from '../../support/factories';
import { expectRefused } from '../../support/refusals';
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

describe('POST /api/checkins', () => {
  it('should require authentication', async () => {
    await expectRefused(server.client.call(api.checkins.checkIn, { body: { token: 'x' } }), commonRefusals.unauthorized);
  });

  it('opens 30 minutes before the start, to the second', async () => {
    const { activity, member } = await scene();
    const { client } = await member();
    setNow(at('2026-11-25 13:29:59'));
    const early = await expectRefusedSaying(scan(client, codeFor(activity.id, server.clock.now())), checkinRefusals.window_not_open);
    expect(early).toEqual({
      details: { reason: 'window_not_open', opensAt: at('2026-11-25 13:30:00').toISOString() },
      message: '签到尚未开始，13:30 起可以签到',
    });
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
    const failure = await expectRefusedSaying(
      scan(tooLate.client, codeFor(activity.id, server.clock.now())),
      checkinRefusals.window_closed,
    );
    expect(failure).toEqual({
      details: { reason: 'window_closed', closesAt: at('2026-11-25 14:30:00').toISOString() },
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
    const closed = await expectRefusedSaying(
      scan((await member()).client, codeFor(activity.id, server.clock.now())),
      checkinRefusals.window_closed,
    );
    expect(closed.message).toBe('签到已于 14:20 结束；如确已参加，请申请补签');
  });

  it('accepts the current and the previous slot, and refuses a code replayed too late', async () => {
    const { activity, member } = await scene();
    setNow(at('2026-11-25 13:50:00'));
    const shown = codeFor(activity.id, server.clock.now());
    const previous = await member();
    setNow(at('2026-11-25 13:50:29.999'));
    expect((await scan(previous.client, shown)).attendance.status).toBe('present');
    setNow(at('2026-11-25 13:50:30'));
    const replayed = await expectRefusedSaying(scan((await member()).client, shown), checkinRefusals.slot_expired);
    expect(replayed.message).toBe('签到码已过期（每 15 秒更换一次），请扫描屏幕上最新的二维码');
  });

  it('answers a member who is already in with their record when they send an old code again', async () => {
    const { activity, member } = await scene();
    setNow(at('2026-11-25 13:50:00'));
    const shown = codeFor(activity.id, server.clock.now());
    const { client } = await member();
    const first = await scan(client, shown);
    setNow(at('2026-11-25 13:52:00'));
    expect(await scan(client, shown)).toEqual(first);
    const rows = await server.db.select().from(attendance).where(eq(attendance.activityId, activity.id));
    expect(rows).toHaveLength(1);
    // Someone not yet in is still refused the old code.
    await expectRefusedSaying(scan((await member()).client, shown), checkinRefusals.slot_expired);
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
      const failure = await expectRefusedSaying(scan(client, token), checkinRefusals.token_invalid);
      expect(failure.message).toBe('签到码无效：请扫描组织者屏幕上的二维码');
    }
    const { issues } = await expectRefused(scan(client, ''), commonRefusals.invalid_fields);
    expect(issues).toEqual([expect.objectContaining({ path: 'body.token', label: '签到码', message: '请扫描或输入签到码' })]);
    const rows = await server.db.select().from(attendance).where(eq(attendance.activityId, activity.id));
    expect(rows).toHaveLength(0);
  });

  it('refuses a member of another unit, and admits invited guests and the host site’s mobile members', async () => {
    const { activity, unitId } = await scene();
    setNow(at('2026-11-25 13:50:00'));
    const outsider = await signedInMember(server, ['member']);
    const failure = await expectRefusedSaying(
      scan(outsider.client, codeFor(activity.id, server.clock.now())),
      checkinRefusals.not_on_roster,
    );
    expect(failure.message).toMatch(/^你不在「测试单位\d+」本次活动的名单中：只有本单位党员、编入该服务点的流动党员和受邀嘉宾可以签到$/);

    await server.db.insert(activityGuests).values({ activityId: activity.id, memberId: outsider.member.id });
    expect((await scan(outsider.client, codeFor(activity.id, server.clock.now()))).attendance.status).toBe('present');

    const mobile = await signedInMember(server, ['member'], { unitId, kind: 'mobile' });
    const site = await createHostSite(server.db, unitId, [mobile.member.id]);
    const weekly = await createActivity(server.db, { unitId, hostSiteId: site.id, startsAt: at(START), title: '流动党员活动日' });
    expect((await scan(mobile.client, codeFor(weekly.id, server.clock.now()))).attendance.status).toBe('present');
    const elsewhere = await signedInMember(server, ['member'], { kind: 'mobile' });
    await createHostSite(server.db, elsewhere.member.unitId!, [elsewhere.member.id]);
    await expectRefused(scan(elsewhere.client, codeFor(weekly.id, server.clock.now())), checkinRefusals.not_on_roster);
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
    const missing = await expectRefusedSaying(scan(client, codeFor(activity.id, server.clock.now())), checkinRefusals.location_required);
    expect(missing.message).toBe('本单位开启了定位签到：请允许获取位置后重新扫码');
    const far = await expectRefusedSaying(
      scan(client, codeFor(activity.id, server.clock.now()), { latitude: 30.2771, longitude: 120.1551 }),
      checkinRefusals.outside_geofence,
    );
    expect(far).toEqual({
      details: { reason: 'outside_geofence', distanceMeters: 334, radiusMeters: 200 },
      message: '你不在活动地点附近（相距约 334 米，需在 200 米以内）',
    });
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
    const missing = await expectRefused(scan(client, codeFor(999_999, server.clock.now())), commonRefusals.not_found);
    expect(missing.resource).toBe('活动');
  });
});
