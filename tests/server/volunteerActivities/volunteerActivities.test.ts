import { api, commonRefusals, DEFAULT_RECORD_SETTINGS, volunteerRefusals } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, pointsLedger, recordSettings } from '../../../server/src/db/schema';
import { codeFor } from '../../support/checkinFactories';
import { createMember, signedInMember, signIn } from '../../support/factories';
import { setClock, unitWithPeople } from '../../support/recordFactories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';
import { cancel, identityCodeFor, local, publish, signUp, volunteerCodeFor } from './support';

let server: TestServer;
beforeAll(async () => {
  // Sign-ins outlive the week the tests' clock moves through.
  server = await startTestServer({ TOKEN_TTL_SECONDS: String(30 * 24 * 3600) });
});
afterAll(() => server.close());
beforeEach(() => {
  setClock(server, '2026-11-20 09:00:00');
});

async function ledgerOf(memberId: number) {
  return server.db
    .select({
      points: pointsLedger.points,
      category: pointsLedger.category,
      sourceType: pointsLedger.sourceType,
      sourceId: pointsLedger.sourceId,
    })
    .from(pointsLedger)
    .where(eq(pointsLedger.memberId, memberId));
}

describe('POST /api/volunteer-activities (create)', () => {
  it('publishes a unit activity for the unit admin’s unit, audited', async () => {
    const { unitId, admin } = await unitWithPeople(server);
    const created = await publish(admin.client);
    expect(created).toMatchObject({
      scope: 'unit',
      scopeLabel: '本单位',
      unitId,
      title: '社区敬老院志愿服务',
      places: 3,
      placesLeft: 3,
      waitlistCount: 0,
      open: true,
      mySignUp: null,
      canManage: true,
    });
    const [entry] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'volunteer_activity.create'), eq(auditLog.entityId, String(created.id))));
    expect(entry?.actorId).toBe(admin.member.id);
  });

  it('publishes an association activity for the secretariat, which every member sees', async () => {
    const secretariat = await signedInMember(server, ['secretariat']);
    const created = await publish(secretariat.client, { scope: 'association', title: '西湖环湖健步走' });
    expect(created).toMatchObject({ scope: 'association', unitId: null, organiser: '协会秘书处' });
    const { alice } = await unitWithPeople(server);
    expect(await alice.client.call(api.volunteerActivities.get, { params: { id: created.id } })).toMatchObject({
      id: created.id,
      canManage: false,
    });
  });

  it('refuses a scope the caller does not organise', async () => {
    const { admin } = await unitWithPeople(server);
    await expectRefused(publish(admin.client, { scope: 'association' }), volunteerRefusals.scope_not_allowed);
    const secretariat = await signedInMember(server, ['secretariat']);
    await expectRefused(publish(secretariat.client, { scope: 'unit' }), volunteerRefusals.scope_not_allowed);
  });

  it('refuses a start in the past and times out of order', async () => {
    const { admin } = await unitWithPeople(server);
    await expectRefused(
      publish(admin.client, {
        startsAt: local('2026-11-19 09:00'),
        endsAt: local('2026-11-19 10:00'),
        signUpDeadline: local('2026-11-18 09:00'),
      }),
      volunteerRefusals.starts_in_past,
    );
    const refusal = await expectRefused(publish(admin.client, { endsAt: local('2026-11-28 08:00') }), commonRefusals.invalid_fields);
    expect(refusal.issues.map((issue) => issue.path)).toContain('body.endsAt');
    const late = await expectRefused(publish(admin.client, { signUpDeadline: local('2026-11-28 10:00') }), commonRefusals.invalid_fields);
    expect(late.issues.map((issue) => issue.path)).toContain('body.signUpDeadline');
  });
});

describe('GET /api/volunteer-activities (list, get)', () => {
  it('shows the unit’s and the association’s activities, never another unit’s', async () => {
    const { admin, alice } = await unitWithPeople(server);
    const ours = await publish(admin.client, { title: '本单位植树活动' });
    const other = await unitWithPeople(server);
    const theirs = await publish(other.admin.client, { title: '别的单位义诊' });
    const list = await alice.client.call(api.volunteerActivities.list, { query: { pageSize: 100 } });
    const ids = list.items.map((item) => item.id);
    expect(ids).toContain(ours.id);
    expect(ids).not.toContain(theirs.id);
    await expectRefused(alice.client.call(api.volunteerActivities.get, { params: { id: theirs.id } }), commonRefusals.not_found);
    await expectRefused(signUp(alice.client, theirs.id), commonRefusals.not_found);
  });

  it('lists upcoming first (soonest first), and `mine` only the caller’s live sign-ups', async () => {
    const { admin, alice } = await unitWithPeople(server);
    const later = await publish(admin.client, {
      title: '十二月活动',
      startsAt: local('2026-12-05 09:00'),
      endsAt: local('2026-12-05 10:00'),
      signUpDeadline: local('2026-12-04 09:00'),
    });
    const sooner = await publish(admin.client, { title: '十一月活动' });
    await signUp(alice.client, later.id);
    const list = await alice.client.call(api.volunteerActivities.list, { query: { pageSize: 100 } });
    const ownIds = list.items.filter((item) => item.id === later.id || item.id === sooner.id).map((item) => item.id);
    expect(ownIds).toEqual([sooner.id, later.id]);
    const mine = await alice.client.call(api.volunteerActivities.list, { query: { mine: 'true' } });
    expect(mine.items.map((item) => item.id)).toEqual([later.id]);
    expect(mine.items[0]!.mySignUp).toMatchObject({ status: 'confirmed', statusLabel: '已报名', waitlistPosition: null });
  });
});

describe('POST /api/volunteer-activities/:id/sign-up', () => {
  it('gives a place while places are left, then a place on the waitlist', async () => {
    const { admin, alice, bob } = await unitWithPeople(server);
    const activity = await publish(admin.client, { places: 1 });
    expect(await signUp(alice.client, activity.id)).toMatchObject({ status: 'confirmed', waitlistPosition: null });
    expect(await signUp(bob.client, activity.id)).toMatchObject({ status: 'waitlisted', statusLabel: '候补中', waitlistPosition: 1 });
    const seen = await bob.client.call(api.volunteerActivities.get, { params: { id: activity.id } });
    expect(seen).toMatchObject({ placesLeft: 0, waitlistCount: 1, mySignUp: { status: 'waitlisted', waitlistPosition: 1 } });
  });

  it('refuses a second sign-up and one after the deadline', async () => {
    const { admin, alice, bob } = await unitWithPeople(server);
    const activity = await publish(admin.client);
    await signUp(alice.client, activity.id);
    const again = await expectRefused(signUp(alice.client, activity.id), volunteerRefusals.already_signed_up);
    expect(again.status).toBe('confirmed');
    setClock(server, '2026-11-27 18:00:00');
    const closed = await expectRefused(signUp(bob.client, activity.id), volunteerRefusals.sign_up_closed);
    expect(closed.deadline).toBe(local('2026-11-27 18:00'));
  });

  it('holds the places when more members sign up at once than there are places', async () => {
    const { unitId, admin } = await unitWithPeople(server);
    const activity = await publish(admin.client, { places: 3 });
    const people = await Promise.all(Array.from({ length: 9 }, () => signedInMember(server, ['member'], { unitId })));
    const results = await Promise.all(people.map((person) => signUp(person.client, activity.id)));
    const confirmed = results.filter((result) => result.status === 'confirmed');
    const waitlisted = results.filter((result) => result.status === 'waitlisted');
    expect(confirmed).toHaveLength(3);
    expect(waitlisted.map((result) => result.waitlistPosition).sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6]);
    // The queue is served in the order places were asked for: positions follow the sign-ups' order.
    const byId = [...waitlisted].sort((a, b) => a.id - b.id);
    expect(byId.map((result) => result.waitlistPosition)).toEqual([1, 2, 3, 4, 5, 6]);
    const roster = await admin.client.call(api.volunteerActivities.roster, { params: { id: activity.id } });
    expect(roster.items.filter((entry) => entry.status === 'confirmed')).toHaveLength(3);
    expect(roster.items.filter((entry) => entry.status === 'waitlisted').map((entry) => entry.waitlistPosition)).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
  });
});

describe('POST /api/volunteer-activities/:id/sign-up/cancel', () => {
  it('moves the first on the waitlist up and tells them', async () => {
    const { unitId, admin, alice } = await unitWithPeople(server);
    const first = await createMember(server.db, { unitId, openid: `o-first-${unitId}` });
    const second = await createMember(server.db, { unitId, openid: `o-second-${unitId}` });
    const firstClient = (await signIn(server, first)).client;
    const secondClient = (await signIn(server, second)).client;
    const activity = await publish(admin.client, { places: 1 });
    await signUp(alice.client, activity.id);
    await signUp(firstClient, activity.id);
    await signUp(secondClient, activity.id);
    const cancelled = await cancel(alice.client, activity.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', statusLabel: '已取消' });
    const promoted = await firstClient.call(api.volunteerActivities.get, { params: { id: activity.id } });
    expect(promoted.mySignUp).toMatchObject({ status: 'confirmed' });
    const still = await secondClient.call(api.volunteerActivities.get, { params: { id: activity.id } });
    expect(still.mySignUp).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const notices = server.notifier.notices.filter((notice) => notice.openid === first.openid);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.notice).toMatchObject({
      template: 'volunteer.promoted',
      page: `/packages/aie/volunteer/detail/index?id=${activity.id}`,
    });
    expect(server.notifier.notices.some((notice) => notice.openid === second.openid)).toBe(false);
  });

  it('lets a waitlisted member leave the queue without moving anyone, and sign up again at its end', async () => {
    const { unitId, admin, alice, bob } = await unitWithPeople(server);
    const carol = await signedInMember(server, ['member'], { unitId });
    const activity = await publish(admin.client, { places: 1 });
    await signUp(alice.client, activity.id);
    await signUp(bob.client, activity.id);
    await signUp(carol.client, activity.id);
    await cancel(bob.client, activity.id);
    expect((await alice.client.call(api.volunteerActivities.get, { params: { id: activity.id } })).mySignUp?.status).toBe('confirmed');
    expect((await carol.client.call(api.volunteerActivities.get, { params: { id: activity.id } })).mySignUp?.waitlistPosition).toBe(1);
    expect(await signUp(bob.client, activity.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
  });

  it('refuses without a sign-up, and once the activity has started', async () => {
    const { admin, alice, bob } = await unitWithPeople(server);
    const activity = await publish(admin.client);
    await expectRefused(cancel(bob.client, activity.id), volunteerRefusals.not_signed_up);
    await signUp(alice.client, activity.id);
    setClock(server, '2026-11-28 09:00:00');
    await expectRefused(cancel(alice.client, activity.id), volunteerRefusals.cancel_too_late);
  });

  it('hands a freed place out once when cancellations and sign-ups arrive together', async () => {
    const { unitId, admin } = await unitWithPeople(server);
    const activity = await publish(admin.client, { places: 2 });
    const holders = await Promise.all([0, 1].map(() => signedInMember(server, ['member'], { unitId })));
    for (const holder of holders) await signUp(holder.client, activity.id);
    const newcomers = await Promise.all(Array.from({ length: 4 }, () => signedInMember(server, ['member'], { unitId })));
    await Promise.all([
      ...holders.map((holder) => cancel(holder.client, activity.id)),
      ...newcomers.map((n) => signUp(n.client, activity.id)),
    ]);
    const roster = await admin.client.call(api.volunteerActivities.roster, { params: { id: activity.id } });
    expect(roster.items.filter((entry) => entry.status === 'confirmed')).toHaveLength(2);
    expect(roster.items.filter((entry) => entry.status === 'waitlisted')).toHaveLength(2);
  });
});

describe('attendance and 公益积分', () => {
  async function withPlace() {
    const people = await unitWithPeople(server);
    const activity = await publish(people.admin.client, { places: 1 });
    await signUp(people.alice.client, activity.id);
    await signUp(people.bob.client, activity.id);
    return { ...people, activity };
  }

  it('takes attendance by the member scanning the rotating code, once, and writes 2 公益积分 once', async () => {
    const { alice, activity } = await withPlace();
    const now = setClock(server, '2026-11-28 08:30:00');
    const token = volunteerCodeFor(activity.id, now);
    const first = await alice.client.call(api.volunteerActivities.attendByCode, { body: { token } });
    expect(first).toMatchObject({ activityId: activity.id, pointsAwarded: 2, repeat: false, attendedAt: now.toISOString() });
    const again = await alice.client.call(api.volunteerActivities.attendByCode, { body: { token } });
    expect(again).toMatchObject({ pointsAwarded: 0, repeat: true, attendedAt: now.toISOString() });
    expect(await ledgerOf(alice.member.id)).toEqual([
      { points: 2, category: 'public_service', sourceType: 'volunteer_activity', sourceId: activity.id },
    ]);
    const seen = await alice.client.call(api.volunteerActivities.get, { params: { id: activity.id } });
    expect(seen.mySignUp).toMatchObject({ attendedAt: now.toISOString(), points: 2 });
    await expectRefused(cancel(alice.client, activity.id), volunteerRefusals.already_attended);
  });

  it('takes attendance by the organiser scanning the member’s card identity code', async () => {
    const { admin, alice, activity } = await withPlace();
    const now = setClock(server, '2026-11-28 11:00:00');
    const result = await admin.client.call(api.volunteerActivities.attendByCard, {
      params: { id: activity.id },
      body: { code: identityCodeFor(alice.member.id, now) },
    });
    expect(result).toMatchObject({ member: { id: alice.member.id, name: alice.member.name }, pointsAwarded: 2, repeat: false });
    const roster = await admin.client.call(api.volunteerActivities.roster, { params: { id: activity.id } });
    expect(roster.items[0]).toMatchObject({ member: { id: alice.member.id }, method: 'card', points: 2 });
  });

  it('refuses an identity code older than 60 seconds, and a forged one', async () => {
    const { admin, alice, activity } = await withPlace();
    const issued = setClock(server, '2026-11-28 09:10:00');
    const code = identityCodeFor(alice.member.id, issued);
    setClock(server, '2026-11-28 09:11:01');
    const body = { code };
    await expectRefused(
      admin.client.call(api.volunteerActivities.attendByCard, { params: { id: activity.id }, body }),
      volunteerRefusals.identity_invalid,
    );
    await expectRefused(
      admin.client.call(api.volunteerActivities.attendByCard, {
        params: { id: activity.id },
        body: { code: `${identityCodeFor(alice.member.id, server.clock.now())}x` },
      }),
      volunteerRefusals.identity_invalid,
    );
  });

  it('refuses a waitlisted member, an expired or foreign code, and scans outside the window', async () => {
    const { admin, bob, alice, activity } = await withPlace();
    let now = setClock(server, '2026-11-28 09:30:00');
    const waiting = await expectRefused(
      bob.client.call(api.volunteerActivities.attendByCode, { body: { token: volunteerCodeFor(activity.id, now) } }),
      volunteerRefusals.not_confirmed,
    );
    expect(waiting.status).toBe('waitlisted');
    await expectRefused(
      admin.client.call(api.volunteerActivities.attendByCard, {
        params: { id: activity.id },
        body: { code: identityCodeFor(admin.member.id, now) },
      }),
      volunteerRefusals.not_confirmed,
    );
    // A check-in code of the same id is not a volunteer code.
    await expectRefused(
      alice.client.call(api.volunteerActivities.attendByCode, { body: { token: codeFor(activity.id, now) } }),
      volunteerRefusals.code_invalid,
    );
    await expectRefused(
      alice.client.call(api.volunteerActivities.attendByCode, {
        body: { token: volunteerCodeFor(activity.id, new Date(now.getTime() - 60_000)) },
      }),
      volunteerRefusals.code_expired,
    );
    now = setClock(server, '2026-11-28 07:59:00');
    const early = await expectRefused(
      alice.client.call(api.volunteerActivities.attendByCode, { body: { token: volunteerCodeFor(activity.id, now) } }),
      volunteerRefusals.attendance_not_open,
    );
    expect(early.opensAt).toBe(local('2026-11-28 08:00'));
    now = setClock(server, '2026-11-28 13:31:00');
    await expectRefused(
      alice.client.call(api.volunteerActivities.attendByCode, { body: { token: volunteerCodeFor(activity.id, now) } }),
      volunteerRefusals.attendance_not_open,
    );
    expect(await ledgerOf(alice.member.id)).toEqual([]);
  });

  it('writes points within the yearly 公益 cap and the amount of the settings in force', async () => {
    const { admin, alice } = await unitWithPeople(server);
    const settings = structuredClone(DEFAULT_RECORD_SETTINGS);
    settings.points.publicService.yearlyCap = 5;
    settings.volunteering = { ...settings.volunteering!, perActivity: 3 };
    await server.db
      .insert(recordSettings)
      .values({ effectiveFrom: new Date('2026-11-01T00:00:00+08:00'), settings, createdAt: new Date() });
    const first = await publish(admin.client, { places: 5 });
    const second = await publish(admin.client, { places: 5, title: '第二场志愿服务' });
    await signUp(alice.client, first.id);
    await signUp(alice.client, second.id);
    const now = setClock(server, '2026-11-28 09:00:00');
    expect(
      (await alice.client.call(api.volunteerActivities.attendByCode, { body: { token: volunteerCodeFor(first.id, now) } })).pointsAwarded,
    ).toBe(3);
    const capped = await alice.client.call(api.volunteerActivities.attendByCode, { body: { token: volunteerCodeFor(second.id, now) } });
    expect(capped).toMatchObject({ pointsAwarded: 2, repeat: false });
    expect((await ledgerOf(alice.member.id)).reduce((sum, row) => sum + row.points, 0)).toBe(5);
    await server.db.delete(recordSettings);
  });
});

describe('organiser routes', () => {
  it('shows the roster and the code to the organiser only', async () => {
    const { admin, alice } = await unitWithPeople(server);
    const activity = await publish(admin.client);
    await signUp(alice.client, activity.id);
    const roster = await admin.client.call(api.volunteerActivities.roster, { params: { id: activity.id } });
    expect(roster.items).toEqual([
      expect.objectContaining({ member: expect.objectContaining({ id: alice.member.id }), status: 'confirmed', attendedAt: null }),
    ]);
    const code = await admin.client.call(api.volunteerActivities.code, { params: { id: activity.id } });
    expect(code.token).toMatch(/^ZY1\./);
    expect(code.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const other = await unitWithPeople(server);
    await expectRefused(other.admin.client.call(api.volunteerActivities.roster, { params: { id: activity.id } }), commonRefusals.forbidden);
    await expectRefused(other.admin.client.call(api.volunteerActivities.code, { params: { id: activity.id } }), commonRefusals.forbidden);
    const now = setClock(server, '2026-11-28 09:00:00');
    await expectRefused(
      other.admin.client.call(api.volunteerActivities.attendByCard, {
        params: { id: activity.id },
        body: { code: identityCodeFor(alice.member.id, now) },
      }),
      commonRefusals.forbidden,
    );
    const secretariat = await signedInMember(server, ['secretariat']);
    await expectRefused(secretariat.client.call(api.volunteerActivities.roster, { params: { id: activity.id } }), commonRefusals.forbidden);
  });

  it('refuses members and signed-out callers on organiser routes', async () => {
    const { admin, alice } = await unitWithPeople(server);
    const activity = await publish(admin.client);
    await expectRefused(alice.client.call(api.volunteerActivities.roster, { params: { id: activity.id } }), commonRefusals.forbidden);
    await expectRefused(alice.client.call(api.volunteerActivities.code, { params: { id: activity.id } }), commonRefusals.forbidden);
    await expectRefused(server.client.call(api.volunteerActivities.list, { query: {} }), commonRefusals.unauthorized);
  });
});
