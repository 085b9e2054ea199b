import { api, commonRefusals, volunteerRefusals } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, pointsLedger } from '../../../server/src/db/schema';
import { signedInMember } from '../../support/factories';
import { setClock, unitWithPeople } from '../../support/recordFactories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';
import { callOff, cancel, edit, identityCodeFor, local, publish, signUp, volunteerCodeFor } from './support';

let server: TestServer;
beforeAll(async () => {
  // Sign-ins outlive the week the tests' clock moves through.
  server = await startTestServer({ TOKEN_TTL_SECONDS: String(30 * 24 * 3600) });
});
afterAll(() => server.close());
beforeEach(() => {
  setClock(server, '2026-11-20 09:00:00');
});

let openids = 0;
/** A member of the unit who can be sent subscription messages. */
function reachable(unitId: number) {
  openids += 1;
  return signedInMember(server, ['member'], { unitId, openid: `o-vol-edit-${unitId}-${openids}` });
}

function noticesTo(openid: string | null, template: string) {
  return server.notifier.notices.filter((notice) => notice.openid === openid && notice.notice.template === template);
}

async function auditActions(entityId: number) {
  const rows = await server.db
    .select({ action: auditLog.action, actorId: auditLog.actorId })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'volunteer_activity'), eq(auditLog.entityId, String(entityId))));
  return rows;
}

describe('PATCH /api/volunteer-activities/:id (update)', () => {
  it('corrects the text and places of its unit’s activity, audited, without telling anyone', async () => {
    const { unitId, admin } = await unitWithPeople(server);
    const member = await reachable(unitId);
    const activity = await publish(admin.client);
    await signUp(member.client, activity.id);
    const edited = await edit(admin.client, activity.id, {
      title: '星光敬老院重阳志愿服务',
      description: '陪老人包饺子、聊天。',
      places: 5,
    });
    expect(edited).toMatchObject({ title: '星光敬老院重阳志愿服务', description: '陪老人包饺子、聊天。', places: 5, placesLeft: 4 });
    expect(edited.startsAt).toBe(activity.startsAt);
    expect(await auditActions(activity.id)).toContainEqual({ action: 'volunteer_activity.update', actorId: admin.member.id });
    expect(noticesTo(member.member.openid, 'volunteer.changed')).toEqual([]);
  });

  it('tells everyone with a place or in the queue of a new time or place, and nobody who left', async () => {
    const { unitId, admin } = await unitWithPeople(server);
    const [holder, waiting, gone] = [await reachable(unitId), await reachable(unitId), await reachable(unitId)];
    const activity = await publish(admin.client, { places: 1 });
    for (const person of [holder, waiting, gone]) await signUp(person.client, activity.id);
    await cancel(gone.client, activity.id);
    await edit(admin.client, activity.id, {
      placeName: '星光敬老院二楼活动室',
      startsAt: local('2026-11-29 09:00'),
      endsAt: local('2026-11-29 11:00'),
    });
    for (const person of [holder, waiting]) {
      const [notice] = noticesTo(person.member.openid, 'volunteer.changed');
      expect(notice?.notice).toEqual({
        template: 'volunteer.changed',
        page: `/packages/aie/volunteer/detail/index?id=${activity.id}`,
        fields: {
          thing1: '社区敬老院志愿服务',
          time2: '2026-11-29 09:00',
          thing3: '星光敬老院二楼活动室',
          thing4: '活动时间或地点有调整，请留意',
        },
      });
    }
    expect(noticesTo(gone.member.openid, 'volunteer.changed')).toEqual([]);
  });

  it('hands added places to the waitlist in order, each told as on a cancellation', async () => {
    const { unitId, admin } = await unitWithPeople(server);
    const people = [await reachable(unitId), await reachable(unitId), await reachable(unitId), await reachable(unitId)];
    const activity = await publish(admin.client, { places: 1 });
    for (const person of people) await signUp(person.client, activity.id);
    const edited = await edit(admin.client, activity.id, { places: 3 });
    expect(edited).toMatchObject({ places: 3, placesLeft: 0, waitlistCount: 1 });
    const roster = await admin.client.call(api.volunteerActivities.roster, { params: { id: activity.id } });
    expect(roster.items.map((entry) => [entry.member.id, entry.status])).toEqual([
      [people[0]!.member.id, 'confirmed'],
      [people[1]!.member.id, 'confirmed'],
      [people[2]!.member.id, 'confirmed'],
      [people[3]!.member.id, 'waitlisted'],
    ]);
    expect(noticesTo(people[1]!.member.openid, 'volunteer.promoted')).toHaveLength(1);
    expect(noticesTo(people[2]!.member.openid, 'volunteer.promoted')).toHaveLength(1);
    expect(noticesTo(people[3]!.member.openid, 'volunteer.promoted')).toEqual([]);
    expect(noticesTo(people[0]!.member.openid, 'volunteer.promoted')).toEqual([]);
  });

  it('lets the secretariat edit an association activity, and reopens sign-up with a later deadline', async () => {
    const secretariat = await signedInMember(server, ['secretariat']);
    const activity = await publish(secretariat.client, { scope: 'association' });
    setClock(server, '2026-11-27 19:00:00');
    const { alice } = await unitWithPeople(server);
    await expectRefused(signUp(alice.client, activity.id), volunteerRefusals.sign_up_closed);
    const edited = await edit(secretariat.client, activity.id, { signUpDeadline: local('2026-11-28 08:00') });
    expect(edited).toMatchObject({ open: true, canManage: true });
    expect(await signUp(alice.client, activity.id)).toMatchObject({ status: 'confirmed' });
  });

  it('refuses fewer places than members already confirmed, with the count', async () => {
    const { unitId, admin, alice, bob } = await unitWithPeople(server);
    const carol = await reachable(unitId);
    const activity = await publish(admin.client, { places: 3 });
    for (const person of [alice, bob, carol]) await signUp(person.client, activity.id);
    const refusal = await expectRefused(edit(admin.client, activity.id, { places: 2 }), volunteerRefusals.places_below_confirmed);
    expect(refusal.confirmed).toBe(3);
    expect(await edit(admin.client, activity.id, { places: 3, title: '名额不变的修改' })).toMatchObject({ places: 3 });
  });

  it('keeps the times once someone has attended (attendance opens an hour early), while the text may still change', async () => {
    const { admin, alice } = await unitWithPeople(server);
    const activity = await publish(admin.client);
    await signUp(alice.client, activity.id);
    const now = setClock(server, '2026-11-28 08:30:00');
    await alice.client.call(api.volunteerActivities.attendByCode, { body: { token: volunteerCodeFor(activity.id, now) } });
    const fixed = await expectRefused(
      edit(admin.client, activity.id, { endsAt: local('2026-11-28 13:00') }),
      volunteerRefusals.times_fixed_by_attendance,
    );
    expect(fixed.attended).toBe(1);
    await expectRefused(
      edit(admin.client, activity.id, { startsAt: local('2026-11-28 09:30') }),
      volunteerRefusals.times_fixed_by_attendance,
    );
    const kept = await edit(admin.client, activity.id, { title: '签到后更正的标题', startsAt: activity.startsAt, endsAt: activity.endsAt });
    expect(kept).toMatchObject({ title: '签到后更正的标题', startsAt: activity.startsAt, endsAt: activity.endsAt });
  });

  it('refuses times out of order against the times it keeps, a start in the past, and malformed input', async () => {
    const { admin } = await unitWithPeople(server);
    const activity = await publish(admin.client);
    const ends = await expectRefused(
      edit(admin.client, activity.id, { startsAt: local('2026-11-28 12:00') }),
      commonRefusals.invalid_fields,
    );
    expect(ends.issues.map((issue) => issue.path)).toEqual(['body.endsAt']);
    const late = await expectRefused(
      edit(admin.client, activity.id, { signUpDeadline: local('2026-11-28 10:00') }),
      commonRefusals.invalid_fields,
    );
    expect(late.issues.map((issue) => issue.path)).toEqual(['body.signUpDeadline']);
    await expectRefused(
      edit(admin.client, activity.id, {
        startsAt: local('2026-11-19 09:00'),
        endsAt: local('2026-11-19 10:00'),
        signUpDeadline: local('2026-11-18 09:00'),
      }),
      volunteerRefusals.starts_in_past,
    );
    const empty = await expectRefused(edit(admin.client, activity.id, {}), commonRefusals.invalid_fields);
    expect(empty.issues).not.toEqual([]);
    const bad = await expectRefused(edit(admin.client, activity.id, { places: 0, title: 'x' }), commonRefusals.invalid_fields);
    expect(bad.issues.map((issue) => issue.path).sort()).toEqual(['body.places', 'body.title']);
    await expectRefused(
      admin.client.call(api.volunteerActivities.update, { params: { id: activity.id }, body: { scope: 'association' } as never }),
      commonRefusals.invalid_fields,
    );
    expect((await admin.client.call(api.volunteerActivities.get, { params: { id: activity.id } })).title).toBe(activity.title);
  });

  it('refuses members, another unit’s admin, the secretariat on a unit activity, and an unknown id', async () => {
    const { admin, alice } = await unitWithPeople(server);
    const activity = await publish(admin.client);
    await expectRefused(edit(alice.client, activity.id, { places: 9 }), commonRefusals.forbidden);
    const other = await unitWithPeople(server);
    await expectRefused(edit(other.admin.client, activity.id, { places: 9 }), commonRefusals.forbidden);
    const secretariat = await signedInMember(server, ['secretariat']);
    await expectRefused(edit(secretariat.client, activity.id, { places: 9 }), commonRefusals.forbidden);
    const association = await publish(secretariat.client, { scope: 'association' });
    await expectRefused(edit(admin.client, association.id, { places: 9 }), commonRefusals.forbidden);
    await expectRefused(edit(admin.client, 987_654, { places: 9 }), commonRefusals.not_found);
    await expectRefused(
      server.client.call(api.volunteerActivities.update, { params: { id: activity.id }, body: { places: 9 } }),
      commonRefusals.unauthorized,
    );
    expect((await admin.client.call(api.volunteerActivities.get, { params: { id: activity.id } })).places).toBe(3);
  });

  it('refuses once the activity has started, and once it is cancelled', async () => {
    const { admin } = await unitWithPeople(server);
    const started = await publish(admin.client);
    const cancelled = await publish(admin.client, { title: '取消了的活动' });
    await callOff(admin.client, cancelled.id, '场地临时不开放');
    const refusal = await expectRefused(edit(admin.client, cancelled.id, { places: 9 }), volunteerRefusals.activity_cancelled);
    expect(refusal.cancelReason).toBe('场地临时不开放');
    setClock(server, '2026-11-28 09:00:00');
    await expectRefused(edit(admin.client, started.id, { places: 9 }), volunteerRefusals.activity_started);
  });

  it('never over-fills when places are raised while members sign up at once, and serves the queue in order', async () => {
    const { unitId, admin } = await unitWithPeople(server);
    const activity = await publish(admin.client, { places: 2 });
    const early = await Promise.all(Array.from({ length: 4 }, () => signedInMember(server, ['member'], { unitId })));
    for (const person of early) await signUp(person.client, activity.id);
    const newcomers = await Promise.all(Array.from({ length: 6 }, () => signedInMember(server, ['member'], { unitId })));
    await Promise.all([edit(admin.client, activity.id, { places: 5 }), ...newcomers.map((person) => signUp(person.client, activity.id))]);
    const roster = await admin.client.call(api.volunteerActivities.roster, { params: { id: activity.id } });
    const confirmed = roster.items.filter((entry) => entry.status === 'confirmed');
    const waitlisted = roster.items.filter((entry) => entry.status === 'waitlisted');
    expect(confirmed).toHaveLength(5);
    expect(waitlisted).toHaveLength(5);
    // Everyone who waited before the places were added got one of them, and no later sign-up overtook an earlier one.
    const confirmedIds = confirmed.map((entry) => entry.member.id);
    for (const person of early) expect(confirmedIds).toContain(person.member.id);
    expect(Math.max(...confirmed.map((entry) => entry.signUpId))).toBeLessThan(Math.min(...waitlisted.map((entry) => entry.signUpId)));
    expect(waitlisted.map((entry) => entry.waitlistPosition)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('POST /api/volunteer-activities/:id/cancel (call off)', () => {
  it('calls it off with a reason members read, tells everyone signed up or waiting, and keeps the record', async () => {
    const { unitId, admin } = await unitWithPeople(server);
    const [holder, waiting, gone] = [await reachable(unitId), await reachable(unitId), await reachable(unitId)];
    const activity = await publish(admin.client, { places: 1 });
    for (const person of [holder, waiting, gone]) await signUp(person.client, activity.id);
    await cancel(gone.client, activity.id);
    const cancelled = await callOff(admin.client, activity.id, '暴雨预警，活动取消');
    expect(cancelled).toMatchObject({
      cancelledAt: new Date(server.clock.now()).toISOString(),
      cancelReason: '暴雨预警，活动取消',
      open: false,
    });
    const seen = await holder.client.call(api.volunteerActivities.get, { params: { id: activity.id } });
    expect(seen).toMatchObject({ cancelReason: '暴雨预警，活动取消', open: false, mySignUp: { status: 'confirmed' } });
    const mine = await waiting.client.call(api.volunteerActivities.list, { query: { mine: 'true' } });
    expect(mine.items.map((item) => [item.id, item.cancelReason])).toEqual([[activity.id, '暴雨预警，活动取消']]);
    for (const person of [holder, waiting]) {
      expect(noticesTo(person.member.openid, 'volunteer.cancelled').map((n) => n.notice)).toEqual([
        {
          template: 'volunteer.cancelled',
          page: `/packages/aie/volunteer/detail/index?id=${activity.id}`,
          fields: { thing1: '社区敬老院志愿服务', time2: '2026-11-28 09:00', thing3: '活动已取消：暴雨预警，活动取消' },
        },
      ]);
    }
    expect(noticesTo(gone.member.openid, 'volunteer.cancelled')).toEqual([]);
    expect(await auditActions(activity.id)).toContainEqual({ action: 'volunteer_activity.cancel', actorId: admin.member.id });
    const roster = await admin.client.call(api.volunteerActivities.roster, { params: { id: activity.id } });
    expect(roster.items).toHaveLength(3);
  });

  it('closes sign-up, cancellation, the code and attendance afterwards: no points', async () => {
    const { unitId, admin, alice, bob } = await unitWithPeople(server);
    const carol = await reachable(unitId);
    const activity = await publish(admin.client);
    await signUp(alice.client, activity.id);
    await signUp(carol.client, activity.id);
    await callOff(admin.client, activity.id);
    await expectRefused(signUp(bob.client, activity.id), volunteerRefusals.activity_cancelled);
    await expectRefused(cancel(alice.client, activity.id), volunteerRefusals.activity_cancelled);
    const now = setClock(server, '2026-11-28 09:10:00');
    await expectRefused(
      admin.client.call(api.volunteerActivities.code, { params: { id: activity.id } }),
      volunteerRefusals.activity_cancelled,
    );
    await expectRefused(
      alice.client.call(api.volunteerActivities.attendByCode, { body: { token: volunteerCodeFor(activity.id, now) } }),
      volunteerRefusals.activity_cancelled,
    );
    await expectRefused(
      admin.client.call(api.volunteerActivities.attendByCard, {
        params: { id: activity.id },
        body: { code: identityCodeFor(carol.member.id, now) },
      }),
      volunteerRefusals.activity_cancelled,
    );
    const ledger = await server.db.select().from(pointsLedger).where(eq(pointsLedger.sourceType, 'volunteer_activity'));
    expect(ledger.filter((row) => row.sourceId === activity.id)).toEqual([]);
  });

  it('refuses a second call-off, one after the start, and one once attendance is taken', async () => {
    const { admin, alice } = await unitWithPeople(server);
    const first = await publish(admin.client);
    await callOff(admin.client, first.id, '第一次取消');
    const again = await expectRefused(callOff(admin.client, first.id, '第二次取消'), volunteerRefusals.activity_cancelled);
    expect(again.cancelReason).toBe('第一次取消');
    const attendedEarly = await publish(admin.client, { title: '提前签到的活动' });
    await signUp(alice.client, attendedEarly.id);
    const now = setClock(server, '2026-11-28 08:30:00');
    await alice.client.call(api.volunteerActivities.attendByCode, { body: { token: volunteerCodeFor(attendedEarly.id, now) } });
    const taken = await expectRefused(callOff(admin.client, attendedEarly.id), volunteerRefusals.attendance_taken);
    expect(taken.attended).toBe(1);
    setClock(server, '2026-11-28 09:00:00');
    await expectRefused(callOff(admin.client, attendedEarly.id), volunteerRefusals.activity_started);
  });

  it('refuses members, another unit’s admin, the secretariat on a unit activity, and a missing reason', async () => {
    const { admin, alice } = await unitWithPeople(server);
    const activity = await publish(admin.client);
    await expectRefused(callOff(alice.client, activity.id), commonRefusals.forbidden);
    const other = await unitWithPeople(server);
    await expectRefused(callOff(other.admin.client, activity.id), commonRefusals.forbidden);
    const secretariat = await signedInMember(server, ['secretariat']);
    await expectRefused(callOff(secretariat.client, activity.id), commonRefusals.forbidden);
    const blank = await expectRefused(callOff(admin.client, activity.id, ' '), commonRefusals.invalid_fields);
    expect(blank.issues.map((issue) => issue.path)).toEqual(['body.reason']);
    await expectRefused(callOff(admin.client, activity.id, '很'.repeat(201)), commonRefusals.invalid_fields);
    await expectRefused(callOff(admin.client, 987_654), commonRefusals.not_found);
    expect((await alice.client.call(api.volunteerActivities.get, { params: { id: activity.id } })).cancelledAt).toBeNull();
  });
});
