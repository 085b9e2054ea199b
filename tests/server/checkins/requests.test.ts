import { api, checkinRefusals, commonRefusals } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendance, attendanceRequests, auditLog, pointsLedger } from '../../../server/src/db/schema';
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

async function scene() {
  setNow('2026-11-25 12:30:00');
  const organiser = await signedInMember(server, ['member', 'unit_admin']);
  const unitId = organiser.member.unitId!;
  const activity = await createActivity(server.db, { unitId, startsAt: at('2026-11-25 14:00:00'), title: '党员大讨论' });
  const member = await signedInMember(server, ['member'], { unitId });
  return { organiser, unitId, activity, member };
}

async function ledgerOf(memberId: number) {
  return server.db.select().from(pointsLedger).where(eq(pointsLedger.memberId, memberId)).orderBy(pointsLedger.id);
}

describe('POST /api/activities/:id/leave (请假)', () => {
  it('is asked before the start and approved by the organiser; the member then counts as on leave', async () => {
    const { organiser, unitId, activity, member } = await scene();
    const asked = await member.client.call(api.checkins.requestLeave, { params: { id: activity.id }, body: { reason: '出差在外地' } });
    expect(asked).toMatchObject({
      kind: 'leave',
      status: 'pending',
      reason: '出差在外地',
      member: { id: member.member.id },
      activity: { id: activity.id },
    });
    const [filed] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'attendance_request.create'), eq(auditLog.entityId, String(asked.id))));
    expect(filed?.actorId).toBe(member.member.id);
    const again = await expectRefusedSaying(
      member.client.call(api.checkins.requestLeave, { params: { id: activity.id }, body: { reason: '出差在外地' } }),
      checkinRefusals.already_requested,
    );
    expect(again).toEqual({ details: { reason: 'already_requested', kind: 'leave' }, message: '你已为本次活动提交过请假申请' });

    const pending = await organiser.client.call(api.checkins.listRequests, { params: { unitId }, query: { status: 'pending' } });
    expect(pending.items.map((r) => r.id)).toEqual([asked.id]);
    expect(pending).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    const decided = await organiser.client.call(api.checkins.decide, { params: { id: asked.id }, body: { approve: true, note: '同意' } });
    expect(decided).toMatchObject({ status: 'approved', decisionNote: '同意' });
    await expectRefused(
      organiser.client.call(api.checkins.decide, { params: { id: asked.id }, body: { approve: false } }),
      checkinRefusals.request_decided,
    );

    const mine = await member.client.call(api.activities.get, { params: { id: activity.id } });
    expect(mine.mine).toMatchObject({ relation: 'roster', myStatus: 'leave', canRequestLeave: false });
    expect(await ledgerOf(member.member.id)).toEqual([]);
    const audits = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'attendance_request.approve'), eq(auditLog.entityId, String(asked.id))));
    expect(audits).toHaveLength(1);
  });

  it('is refused once the activity has started, and to a member not expected there', async () => {
    const { activity, member } = await scene();
    setNow('2026-11-25 14:00:00');
    const late = await expectRefusedSaying(
      member.client.call(api.checkins.requestLeave, { params: { id: activity.id }, body: { reason: '临时有事' } }),
      checkinRefusals.leave_too_late,
    );
    expect(late).toEqual({
      details: { reason: 'leave_too_late', startsAt: at('2026-11-25 14:00:00').toISOString() },
      message: '活动已于 14:00 开始，不能再请假；如未能参加，请联系组织者',
    });
    const outsider = await signedInMember(server, ['member']);
    setNow('2026-11-25 13:00:00');
    const notMine = await expectRefusedSaying(
      outsider.client.call(api.checkins.requestLeave, { params: { id: activity.id }, body: { reason: '临时有事' } }),
      checkinRefusals.not_on_roster,
    );
    expect(notMine.message).toBe('你不在本次活动的应到名单中，无需请假');
    const { issues } = await expectRefused(
      member.client.call(api.checkins.requestLeave, { params: { id: activity.id }, body: { reason: '' } }),
      commonRefusals.invalid_fields,
    );
    expect(issues).toEqual([expect.objectContaining({ path: 'body.reason', label: '原因', message: '请写明原因' })]);
  });

  it('is refused to a member who already checked in', async () => {
    const { activity, member } = await scene();
    setNow('2026-11-25 13:40:00');
    await member.client.call(api.checkins.checkIn, { body: { token: codeFor(activity.id, server.clock.now()) } });
    const failure = await expectRefusedSaying(
      member.client.call(api.checkins.requestLeave, { params: { id: activity.id }, body: { reason: '提前离开' } }),
      checkinRefusals.already_checked_in,
    );
    expect(failure.message).toBe('你已签到，无需请假');
  });

  it('can be refused by the organiser; a refused member is absent afterwards', async () => {
    const { organiser, activity, member } = await scene();
    const asked = await member.client.call(api.checkins.requestLeave, { params: { id: activity.id }, body: { reason: '想休息' } });
    const refused = await organiser.client.call(api.checkins.decide, {
      params: { id: asked.id },
      body: { approve: false, note: '请按时参加' },
    });
    expect(refused.status).toBe('refused');
    setNow('2026-11-25 14:30:01');
    const colleague = await signedInMember(server, ['member'], { unitId: member.member.unitId });
    const live = await organiser.client.call(api.activities.live, { params: { id: activity.id } });
    expect(live.entries.find((e) => e.memberId === member.member.id)?.status).toBe('absent');
    expect(live.entries.find((e) => e.memberId === colleague.member.id)?.status).toBe('absent');
  });

  it('is decided only by the organiser of that unit', async () => {
    const { activity, member } = await scene();
    const asked = await member.client.call(api.checkins.requestLeave, { params: { id: activity.id }, body: { reason: '出差' } });
    const stranger = await signedInMember(server, ['unit_admin']);
    const failure = await expectRefusedSaying(
      stranger.client.call(api.checkins.decide, { params: { id: asked.id }, body: { approve: true } }),
      commonRefusals.forbidden,
    );
    expect(failure.message).toBe('只有本单位的党务工作者可以组织本单位的活动');
    await expectRefused(
      stranger.client.call(api.checkins.listRequests, { params: { unitId: member.member.unitId! } }),
      commonRefusals.forbidden,
    );
  });
});

describe('POST /api/activities/:id/makeup (补签)', () => {
  it('is asked after the window and, once approved, records attendance worth 1 point', async () => {
    const { organiser, activity, member } = await scene();
    setNow('2026-11-25 14:20:00');
    const early = await expectRefusedSaying(
      member.client.call(api.checkins.requestMakeup, { params: { id: activity.id }, body: { reason: '手机没电' } }),
      checkinRefusals.makeup_too_early,
    );
    expect(early).toEqual({
      details: { reason: 'makeup_too_early', closesAt: at('2026-11-25 14:30:00').toISOString() },
      message: '签到到 14:30 才结束，请直接扫码签到',
    });
    setNow('2026-11-25 14:30:01');
    const asked = await member.client.call(api.checkins.requestMakeup, {
      params: { id: activity.id },
      body: { reason: '手机没电，已参加全程' },
    });
    const before = await member.client.call(api.activities.get, { params: { id: activity.id } });
    expect(before.mine).toMatchObject({ myStatus: 'absent', canRequestMakeup: false });
    setNow('2026-11-25 15:00:00');
    await organiser.client.call(api.checkins.decide, { params: { id: asked.id }, body: { approve: true } });
    const [row] = await server.db.select().from(attendance).where(eq(attendance.memberId, member.member.id));
    expect(row).toMatchObject({ status: 'present', method: 'makeup', recordedBy: organiser.member.id });
    const ledger = await ledgerOf(member.member.id);
    expect(ledger.map((l) => [l.points, l.sourceType, l.sourceId])).toEqual([[1, 'attendance', row!.id]]);
    expect(ledger[0]!.reason).toBe('活动积分：补签「党员大讨论」');
  });

  it('is refused to a member who checked in, and to a member of another unit', async () => {
    const { activity, member } = await scene();
    setNow('2026-11-25 13:45:00');
    await member.client.call(api.checkins.checkIn, { body: { token: codeFor(activity.id, server.clock.now()) } });
    setNow('2026-11-25 14:31:00');
    const failure = await expectRefusedSaying(
      member.client.call(api.checkins.requestMakeup, { params: { id: activity.id }, body: { reason: '再签一次' } }),
      checkinRefusals.already_checked_in,
    );
    expect(failure.message).toBe('你已签到，无需补签');
    const outsider = await signedInMember(server, ['member']);
    const notMine = await expectRefusedSaying(
      outsider.client.call(api.checkins.requestMakeup, { params: { id: activity.id }, body: { reason: '来过' } }),
      checkinRefusals.not_on_roster,
    );
    expect(notMine.message).toBe('你不在本次活动的名单中，不能补签');
  });

  it('is not approved over a record made meanwhile: the refusal carries the record and the request stays pending', async () => {
    const { organiser, activity, member } = await scene();
    setNow('2026-11-25 14:31:00');
    const asked = await member.client.call(api.checkins.requestMakeup, { params: { id: activity.id }, body: { reason: '忘记扫码' } });
    const record = await organiser.client.call(api.checkins.manual, { params: { id: activity.id }, body: { memberId: member.member.id } });
    const failure = await expectRefusedSaying(
      organiser.client.call(api.checkins.decide, { params: { id: asked.id }, body: { approve: true } }),
      checkinRefusals.already_checked_in,
    );
    expect(failure.details.attendance).toEqual(record);
    expect(failure.message).toMatch(/已有签到记录，无需补签$/);
    const [request] = await server.db.select().from(attendanceRequests).where(eq(attendanceRequests.id, asked.id));
    expect(request).toMatchObject({ status: 'pending', decidedAt: null });
    expect((await ledgerOf(member.member.id)).map((l) => l.points)).toEqual([1]);
  });
});
