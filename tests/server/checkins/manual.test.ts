import { api, checkinRefusals, commonRefusals } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, pointsLedger } from '../../../server/src/db/schema';
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

describe('POST /api/activities/:id/attendance (manual check-in)', () => {
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
    const again = await expectRefusedSaying(
      organiser.client.call(api.checkins.manual, { params: { id: activity.id }, body: { memberId: member.member.id, status: 'present' } }),
      checkinRefusals.already_checked_in,
    );
    expect(again.message).toMatch(/已签到，无需代签$/);
    expect(again.details.attendance).toEqual(record);
  });

  it('is refused before the window opens', async () => {
    const { organiser, activity, member } = await scene();
    const early = await expectRefusedSaying(
      organiser.client.call(api.checkins.manual, { params: { id: activity.id }, body: { memberId: member.member.id } }),
      checkinRefusals.window_not_open,
    );
    expect(early).toEqual({
      details: { reason: 'window_not_open', opensAt: at('2026-11-25 13:30:00').toISOString() },
      message: '签到尚未开始，不能代签',
    });
  });

  it('refuses members of another unit, unknown members and other units’ admins', async () => {
    const { organiser, activity } = await scene();
    setNow('2026-11-25 13:45:00');
    const outsider = await signedInMember(server, ['member']);
    const failure = await expectRefusedSaying(
      organiser.client.call(api.checkins.manual, { params: { id: activity.id }, body: { memberId: outsider.member.id } }),
      checkinRefusals.not_on_roster,
    );
    expect(failure.message).toMatch(/不在本次活动的名单中（可先按手机号邀请为嘉宾）$/);
    const unknown = await expectRefused(
      organiser.client.call(api.checkins.manual, { params: { id: activity.id }, body: { memberId: 987_654 } }),
      commonRefusals.not_found,
    );
    expect(unknown.resource).toBe('党员');
    const stranger = await signedInMember(server, ['unit_admin']);
    await expectRefused(
      stranger.client.call(api.checkins.manual, { params: { id: activity.id }, body: { memberId: outsider.member.id } }),
      commonRefusals.forbidden,
    );
  });
});

describe('POST /api/attendance/:id/revoke', () => {
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
    const gone = await expectRefused(
      organiser.client.call(api.checkins.revoke, { params: { id: record.id }, body: { reason: '再撤一次' } }),
      commonRefusals.not_found,
    );
    expect(gone.resource).toBe('签到记录');

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

  it('revokes a scanned check-in too, audited with its method, refused to the member who scanned', async () => {
    const { organiser, activity, member } = await scene();
    setNow('2026-11-25 13:50:00');
    const { attendance: record } = await member.client.call(api.checkins.checkIn, {
      body: { token: codeFor(activity.id, server.clock.now()) },
    });
    expect(record.method).toBe('scan');
    await expectRefused(
      member.client.call(api.checkins.revoke, { params: { id: record.id }, body: { reason: '自己撤销' } }),
      commonRefusals.forbidden,
    );
    const secretary = await signedInMember(server, ['secretariat'], { unitId: null });
    await expectRefused(
      secretary.client.call(api.checkins.revoke, { params: { id: record.id }, body: { reason: '秘书处撤销' } }),
      commonRefusals.forbidden,
    );
    await expectRefused(
      organiser.client.call(api.checkins.revoke, { params: { id: record.id }, body: { reason: '撤' } }),
      commonRefusals.invalid_fields,
    );
    expect((await ledgerOf(member.member.id)).map((l) => l.points)).toEqual([2]);

    await organiser.client.call(api.checkins.revoke, { params: { id: record.id }, body: { reason: '代人扫码' } });
    expect((await ledgerOf(member.member.id)).map((l) => l.points)).toEqual([2, -2]);
    const live = await organiser.client.call(api.activities.live, { params: { id: activity.id } });
    expect(live.entries.find((e) => e.memberId === member.member.id)).toMatchObject({ status: 'waiting', attendanceId: null });
    const [audit] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'attendance.revoke'), eq(auditLog.entityId, String(record.id))));
    expect(audit).toMatchObject({ actorId: organiser.member.id, before: { method: 'scan' }, after: { reason: '代人扫码' } });
  });

  it('refuses revoking to another unit’s admin, keeping the record and its points', async () => {
    const { organiser, activity, member } = await scene();
    setNow('2026-11-25 13:50:00');
    const record = await organiser.client.call(api.checkins.manual, { params: { id: activity.id }, body: { memberId: member.member.id } });
    const stranger = await signedInMember(server, ['unit_admin']);
    const failure = await expectRefusedSaying(
      stranger.client.call(api.checkins.revoke, { params: { id: record.id }, body: { reason: '撤销' } }),
      commonRefusals.forbidden,
    );
    expect(failure.message).toBe('只有本单位的党务工作者可以组织本单位的活动');
    expect((await ledgerOf(member.member.id)).map((l) => l.points)).toEqual([2]);
  });
});

describe('the points ledger', () => {
  it('is never updated or deleted in the code', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const path = await import('node:path');
    const root = path.resolve(import.meta.dirname, '../../../server/src');
    const files: string[] = [];
    const walk = (dir: string) =>
      readdirSync(dir).forEach((name) =>
        statSync(path.join(dir, name)).isDirectory() ? walk(path.join(dir, name)) : files.push(path.join(dir, name)),
      );
    walk(root);
    expect(files.length).toBeGreaterThan(50);
    const offending = files.filter((file) => /\.(update|delete)\(pointsLedger\)/.test(readFileSync(file, 'utf8')));
    expect(offending).toEqual([]);
  });
});
