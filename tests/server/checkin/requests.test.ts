import { api } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendance, auditLog, pointsLedger } from '../../../server/src/db/schema';
import { at, codeFor, createActivity, refusal } from '../../support/checkinFactories';
import { signedInMember } from '../../support/factories';
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

describe('请假 (leave)', () => {
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
    const again = await refusal(
      member.client.call(api.checkins.requestLeave, { params: { id: activity.id }, body: { reason: '出差在外地' } }),
    );
    expect(again).toMatchObject({ status: 409, reason: 'already_requested', message: '你已为本次活动提交过请假申请' });

    const pending = await organiser.client.call(api.checkins.listRequests, { params: { unitId }, query: { status: 'pending' } });
    expect(pending.items.map((r) => r.id)).toEqual([asked.id]);
    const decided = await organiser.client.call(api.checkins.decide, { params: { id: asked.id }, body: { approve: true, note: '同意' } });
    expect(decided).toMatchObject({ status: 'approved', decisionNote: '同意' });
    expect((await refusal(organiser.client.call(api.checkins.decide, { params: { id: asked.id }, body: { approve: false } }))).reason).toBe(
      'request_decided',
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
    const late = await refusal(
      member.client.call(api.checkins.requestLeave, { params: { id: activity.id }, body: { reason: '临时有事' } }),
    );
    expect(late).toMatchObject({
      status: 409,
      code: 'deadline_passed',
      reason: 'leave_too_late',
      message: '活动已于 14:00 开始，不能再请假；如未能参加，请联系组织者',
    });
    const outsider = await signedInMember(server, ['member']);
    setNow('2026-11-25 13:00:00');
    const notMine = await refusal(
      outsider.client.call(api.checkins.requestLeave, { params: { id: activity.id }, body: { reason: '临时有事' } }),
    );
    expect(notMine).toMatchObject({ status: 403, reason: 'not_on_roster', message: '你不在本次活动的应到名单中，无需请假' });
    expect(
      (await refusal(member.client.call(api.checkins.requestLeave, { params: { id: activity.id }, body: { reason: '' } }))).message,
    ).toContain('请写明原因');
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
    const failure = await refusal(stranger.client.call(api.checkins.decide, { params: { id: asked.id }, body: { approve: true } }));
    expect(failure).toMatchObject({ status: 403, message: '只有本单位的党务工作者可以组织本单位的活动' });
    expect((await refusal(stranger.client.call(api.checkins.listRequests, { params: { unitId: member.member.unitId! } }))).status).toBe(
      403,
    );
  });
});

describe('补签 (make-up)', () => {
  it('is asked after the window and, once approved, records attendance worth 1 point', async () => {
    const { organiser, activity, member } = await scene();
    setNow('2026-11-25 14:20:00');
    const early = await refusal(
      member.client.call(api.checkins.requestMakeup, { params: { id: activity.id }, body: { reason: '手机没电' } }),
    );
    expect(early).toMatchObject({ status: 409, reason: 'makeup_too_early', message: '签到到 14:30 才结束，请直接扫码签到' });
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

  it('is refused to a member who checked in', async () => {
    const { activity, member } = await scene();
    setNow('2026-11-25 13:45:00');
    await member.client.call(api.checkins.checkIn, { body: { token: codeFor(activity.id, server.clock.now()) } });
    setNow('2026-11-25 14:31:00');
    const failure = await refusal(
      member.client.call(api.checkins.requestMakeup, { params: { id: activity.id }, body: { reason: '再签一次' } }),
    );
    expect(failure).toMatchObject({ status: 409, reason: 'already_checked_in', message: '你已签到，无需补签' });
  });
});

describe('manual check-in and revoking', () => {
  it('lets the organiser check a member in by hand, audited, and refuses a second time', async () => {
    const { organiser, activity, member } = await scene();
    setNow('2026-11-25 14:15:00');
    const record = await organiser.client.call(api.checkins.manual, {
      params: { id: activity.id },
      body: { memberId: member.member.id, note: '手机没电' },
    });
    expect(record).toMatchObject({ memberId: member.member.id, status: 'late', method: 'manual', points: 1 });
    const [audit] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'attendance.manual'), eq(auditLog.entityId, String(record.id))));
    expect(audit?.actorId).toBe(organiser.member.id);
    const again = await refusal(
      organiser.client.call(api.checkins.manual, { params: { id: activity.id }, body: { memberId: member.member.id, status: 'present' } }),
    );
    expect(again).toMatchObject({ status: 409, reason: 'already_checked_in' });
    expect(again.message).toMatch(/已签到，无需代签$/);
  });

  it('refuses members of another unit and other units’ admins', async () => {
    const { organiser, activity } = await scene();
    setNow('2026-11-25 13:45:00');
    const outsider = await signedInMember(server, ['member']);
    const failure = await refusal(
      organiser.client.call(api.checkins.manual, { params: { id: activity.id }, body: { memberId: outsider.member.id } }),
    );
    expect(failure).toMatchObject({ status: 403, reason: 'not_on_roster' });
    const stranger = await signedInMember(server, ['unit_admin']);
    expect(
      (await refusal(stranger.client.call(api.checkins.manual, { params: { id: activity.id }, body: { memberId: outsider.member.id } })))
        .status,
    ).toBe(403);
  });

  it('revokes a record: the row goes, a negative ledger row reverses its points, and the member may check in again', async () => {
    const { organiser, activity, member } = await scene();
    setNow('2026-11-25 13:50:00');
    const record = await organiser.client.call(api.checkins.manual, { params: { id: activity.id }, body: { memberId: member.member.id } });
    expect(record.points).toBe(2);
    await organiser.client.call(api.checkins.revoke, { params: { id: record.id }, body: { reason: '代签错了人' } });
    const ledger = await ledgerOf(member.member.id);
    expect(ledger.map((l) => l.points)).toEqual([2, -2]);
    expect(ledger[1]).toMatchObject({ reversesId: ledger[0]!.id, reason: '冲回：代签错了人', sourceType: 'attendance_revoke' });
    const points = await member.client.call(api.attendance.myPoints, {});
    expect(points.totalPoints).toBe(0);
    expect(
      (await refusal(organiser.client.call(api.checkins.revoke, { params: { id: record.id }, body: { reason: '再撤一次' } }))).status,
    ).toBe(404);

    setNow('2026-11-25 14:11:00');
    const again = await member.client.call(api.checkins.checkIn, { body: { token: codeFor(activity.id, server.clock.now()) } });
    expect(again.attendance.status).toBe('late');
    expect((await member.client.call(api.attendance.myPoints, {})).totalPoints).toBe(1);
    const [audit] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'attendance.revoke'), eq(auditLog.entityId, String(record.id))));
    expect(audit?.before).toMatchObject({ memberId: member.member.id, method: 'manual' });
  });

  it('refuses revoking to another unit’s admin, keeping the record and its points', async () => {
    const { organiser, activity, member } = await scene();
    setNow('2026-11-25 13:50:00');
    const record = await organiser.client.call(api.checkins.manual, { params: { id: activity.id }, body: { memberId: member.member.id } });
    const stranger = await signedInMember(server, ['unit_admin']);
    const failure = await refusal(stranger.client.call(api.checkins.revoke, { params: { id: record.id }, body: { reason: '撤销' } }));
    expect(failure).toMatchObject({ status: 403, message: '只有本单位的党务工作者可以组织本单位的活动' });
    expect((await ledgerOf(member.member.id)).map((l) => l.points)).toEqual([2]);
  });

  it('never updates or deletes ledger rows in the code', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const path = await import('node:path');
    const root = path.resolve(import.meta.dirname, '../../../server/src');
    const files: string[] = [];
    const walk = (dir: string) =>
      readdirSync(dir).forEach((name) =>
        statSync(path.join(dir, name)).isDirectory() ? walk(path.join(dir, name)) : files.push(path.join(dir, name)),
      );
    walk(root);
    const offending = files.filter((file) => /\.(update|delete)\(pointsLedger\)/.test(readFileSync(file, 'utf8')));
    expect(offending).toEqual([]);
  });
});
