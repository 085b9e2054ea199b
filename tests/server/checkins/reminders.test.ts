import { api, commonRefusals, reminderRefusals } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, checkinReminderSubscriptions } from '../../../server/src/db/schema';
import { at, codeFor, createActivity, expectRefusedSaying } from '../../support/checkinFactories';
import { signedInMember } from '../../support/factories';
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

let serial = 0;
/** An activity at 14:00 on the 25th, its organiser, and members: some allowed reminders, one is in, one on leave. */
async function scene() {
  setNow('2026-11-25 12:30:00');
  serial += 1;
  const organiser = await signedInMember(server, ['member', 'unit_admin'], { openid: `organiser-${serial}` });
  const unitId = organiser.member.unitId!;
  const activity = await createActivity(server.db, { unitId, startsAt: at('2026-11-25 14:00:00'), title: '党员大讨论' });
  const member = (name: string, openid: string | null) => signedInMember(server, ['member'], { unitId, name, openid });
  const allowed = await member('允许提醒', `allowed-${serial}`);
  const twice = await member('允许两次', `twice-${serial}`);
  const silent = await member('未允许', `silent-${serial}`);
  const arrived = await member('已到', `arrived-${serial}`);
  const onLeave = await member('请假', `leave-${serial}`);
  for (const who of [allowed, twice, twice, arrived, onLeave]) await who.client.call(api.checkins.subscribeReminders);
  await onLeave.client.call(api.checkins.requestLeave, { params: { id: activity.id }, body: { reason: '出差在外' } });
  const [request] = (await organiser.client.call(api.checkins.listRequests, { params: { unitId }, query: { status: 'pending' } })).items;
  await organiser.client.call(api.checkins.decide, { params: { id: request!.id }, body: { approve: true } });
  return { organiser, unitId, activity, allowed, twice, silent, arrived, onLeave };
}

const noticesTo = (openid: string) => server.notifier.notices.filter((n) => n.openid === openid);

describe('POST /api/checkin-reminders/subscription', () => {
  it('should require authentication', async () => {
    await expectRefused(server.client.call(api.checkins.subscribeReminders), commonRefusals.unauthorized);
  });

  it('counts each allowance, two taps at once both', async () => {
    const member = await signedInMember(server, ['member']);
    await Promise.all([member.client.call(api.checkins.subscribeReminders), member.client.call(api.checkins.subscribeReminders)]);
    expect(await member.client.call(api.checkins.subscribeReminders)).toEqual({ remaining: 3 });
  });
});

describe('POST /api/activities/:id/reminders', () => {
  it('should require authentication', async () => {
    await expectRefused(server.client.call(api.checkins.remind, { params: { id: 1 } }), commonRefusals.unauthorized);
  });

  it('reminds those not yet in who allowed it, once each allowance, audited', async () => {
    const { organiser, activity, allowed, twice, silent, arrived, onLeave } = await scene();
    setNow('2026-11-25 13:40:00');
    await organiser.client.call(api.activities.code, { params: { id: activity.id } });
    await arrived.client.call(api.checkins.checkIn, { body: { token: codeFor(activity.id, server.clock.now()) } });

    const result = await organiser.client.call(api.checkins.remind, { params: { id: activity.id } });
    // Waiting: the organiser, 允许提醒, 允许两次, 未允许 (not the one in, not the one on leave).
    expect(result).toEqual({ waiting: 4, reminded: 2, nextAt: at('2026-11-25 13:50:00').toISOString() });
    expect(noticesTo(allowed.member.openid!)).toHaveLength(1);
    expect(noticesTo(allowed.member.openid!)[0]!.notice).toMatchObject({
      template: 'checkin.reminder',
      page: 'pages/checkin/index',
      fields: { thing1: '党员大讨论正在签到', thing3: '党群服务中心' },
    });
    expect(noticesTo(twice.member.openid!)).toHaveLength(1);
    for (const who of [silent, arrived, onLeave, organiser]) expect(noticesTo(who.member.openid!)).toEqual([]);

    const left = await server.db.select().from(checkinReminderSubscriptions);
    const remaining = new Map(left.map((row) => [row.memberId, row.remaining]));
    expect([allowed, twice, arrived].map((who) => remaining.get(who.member.id))).toEqual([0, 1, 1]);

    const [entry] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'activity.remind'), eq(auditLog.entityId, String(activity.id))));
    expect(entry).toMatchObject({ actorId: organiser.member.id, after: { waiting: 4, reminded: 2 } });

    // Ten minutes later 允许两次 has one allowance left; 允许提醒 has none.
    setNow('2026-11-25 13:50:00');
    expect(await organiser.client.call(api.checkins.remind, { params: { id: activity.id } })).toMatchObject({ waiting: 4, reminded: 1 });
    expect(noticesTo(twice.member.openid!)).toHaveLength(2);
    expect(noticesTo(allowed.member.openid!)).toHaveLength(1);
  });

  it('sends at most once in ten minutes per activity, even for taps at once', async () => {
    const { organiser, activity, allowed } = await scene();
    setNow('2026-11-25 13:40:00');
    await organiser.client.call(api.activities.code, { params: { id: activity.id } });
    const taps = await Promise.allSettled(
      Array.from({ length: 4 }, () => organiser.client.call(api.checkins.remind, { params: { id: activity.id } })),
    );
    expect(taps.filter((tap) => tap.status === 'fulfilled')).toHaveLength(1);
    for (const tap of taps.filter((t) => t.status === 'rejected')) {
      await expectRefused(Promise.reject((tap as PromiseRejectedResult).reason), reminderRefusals.reminder_too_soon);
    }
    expect(noticesTo(allowed.member.openid!)).toHaveLength(1);

    setNow('2026-11-25 13:49:59');
    const soon = await expectRefusedSaying(
      organiser.client.call(api.checkins.remind, { params: { id: activity.id } }),
      reminderRefusals.reminder_too_soon,
    );
    expect(soon.details.nextAt).toBe(at('2026-11-25 13:50:00').toISOString());
    expect(soon.message).toMatch(/13:50 后可再次提醒/);
    setNow('2026-11-25 13:50:00');
    await organiser.client.call(api.checkins.remind, { params: { id: activity.id } });
  });

  it('is refused before check-in is opened and after the window closed', async () => {
    const { organiser, activity } = await scene();
    await expectRefused(
      organiser.client.call(api.checkins.remind, { params: { id: activity.id } }),
      reminderRefusals.reminder_window_not_open,
    );
    // In the window, but 开启签到 not pressed yet.
    setNow('2026-11-25 13:40:00');
    await expectRefused(
      organiser.client.call(api.checkins.remind, { params: { id: activity.id } }),
      reminderRefusals.reminder_window_not_open,
    );
    await organiser.client.call(api.activities.code, { params: { id: activity.id } });
    setNow('2026-11-25 16:00:00');
    await expectRefused(
      organiser.client.call(api.checkins.remind, { params: { id: activity.id } }),
      reminderRefusals.reminder_window_not_open,
    );
  });

  it('is refused to members, the secretariat and other units’ admins, sending nothing', async () => {
    const { activity, unitId, allowed } = await scene();
    setNow('2026-11-25 13:40:00');
    const member = await signedInMember(server, ['member'], { unitId });
    await expectRefused(member.client.call(api.checkins.remind, { params: { id: activity.id } }), commonRefusals.forbidden);
    const secretary = await signedInMember(server, ['secretariat'], { unitId: null });
    await expectRefused(secretary.client.call(api.checkins.remind, { params: { id: activity.id } }), commonRefusals.forbidden);
    const stranger = await signedInMember(server, ['unit_admin']);
    await expectRefused(stranger.client.call(api.checkins.remind, { params: { id: activity.id } }), commonRefusals.forbidden);
    await expectRefused(stranger.client.call(api.checkins.remind, { params: { id: 987_654 } }), commonRefusals.not_found);
    expect(noticesTo(allowed.member.openid!)).toEqual([]);
  });
});
