import { api, APPEAL_WINDOW_DAYS, commonRefusals, deductionRefusals, type ApiClient } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bookDueDeductions } from '../../../server/src/deductionBooking/schedule';
import { auditLog, pointsLedger, recordEvents } from '../../../server/src/db/schema';
import { createLogger } from '../../../server/src/logger';
import { signedInMember } from '../../support/factories';
import { closeYear, outsider, setClock, signedIn, unitWithPeople } from '../../support/recordFactories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  setClock(server, '2026-11-20 09:00:00');
});

const DAY = 24 * 3600_000;
const quiet = createLogger('silent');
const book = () => bookDueDeductions(server.db, server.clock, quiet);

/** After the clock has moved by days, a person signs in again (access tokens last hours). */
const again = (person: { member: { id: number; roles: Parameters<typeof signedIn>[1]['roles'] } }) => signedIn(server, person.member);

function record(admin: ApiClient, unitId: number, memberId: number, overrides: Record<string, unknown> = {}) {
  return admin.call(api.deductions.record, {
    params: { unitId },
    body: { memberId, kindKey: 'absence', points: 3, reason: '无故缺席十一月固定活动日', occurredOn: '2026-11-15', ...overrides },
  });
}

async function integrityRows(memberId: number) {
  return server.db
    .select()
    .from(pointsLedger)
    .where(and(eq(pointsLedger.memberId, memberId), eq(pointsLedger.category, 'integrity')));
}

describe('POST /api/units/:unitId/deductions (record)', () => {
  it('records a deduction in its appeal window, deadline seven days on by the server’s clock', async () => {
    const { unitId, admin, alice } = await unitWithPeople(server);
    const created = await record(admin.client, unitId, alice.member.id);
    const now = server.clock.now();
    expect(created).toMatchObject({
      member: { id: alice.member.id, name: alice.member.name },
      unitId,
      kindKey: 'absence',
      kindName: '无故缺席组织生活',
      points: 3,
      occurredOn: '2026-11-15',
      phase: 'appeal_window',
      phaseLabel: '申诉期内',
      recordedAt: now.toISOString(),
      appealDeadline: new Date(now.getTime() + APPEAL_WINDOW_DAYS * DAY).toISOString(),
      appeal: null,
      appealable: true,
    });
    expect(created.timeline).toEqual([
      { action: 'recorded', label: '记录扣分', actor: admin.member.name, note: '无故缺席组织生活，扣 3 分', at: now.toISOString() },
    ]);
    const [entry] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'deduction.record'), eq(auditLog.entityId, String(created.id))));
    expect(entry?.actorId).toBe(admin.member.id);
    expect(await integrityRows(alice.member.id)).toEqual([]);
  });

  it('refuses a member of another unit, an unknown kind, points outside 1–5, a future day and a closed year', async () => {
    const { unitId, admin } = await unitWithPeople(server);
    const stranger = await outsider(server, ['member']);
    const member = (await unitWithPeople(server)).alice.member;
    await expectRefused(record(admin.client, unitId, stranger.member.id), deductionRefusals.member_not_in_unit);
    await expectRefused(record(admin.client, unitId, member.id), deductionRefusals.member_not_in_unit);
    const own = (await signedInMember(server, ['member'], { unitId })).member.id;
    expect(
      await expectRefused(record(admin.client, unitId, own, { kindKey: 'smoking' }), deductionRefusals.deduction_kind_unknown),
    ).toMatchObject({
      kindKey: 'smoking',
    });
    await expectRefused(record(admin.client, unitId, own, { points: 6 }), commonRefusals.invalid_fields);
    await expectRefused(record(admin.client, unitId, own, { points: 0 }), commonRefusals.invalid_fields);
    // A day left empty in the picker is missing, by name; a malformed one gets the format.
    const missing = await expectRefused(record(admin.client, unitId, own, { occurredOn: '' }), commonRefusals.invalid_fields);
    expect(missing.issues).toEqual([{ path: 'body.occurredOn', label: '发生日期', message: '请选择发生日期' }]);
    const malformed = await expectRefused(record(admin.client, unitId, own, { occurredOn: '2026-02-30' }), commonRefusals.invalid_fields);
    expect(malformed.issues).toEqual([{ path: 'body.occurredOn', label: '发生日期', message: '日期格式应为 YYYY-MM-DD' }]);
    await expectRefused(record(admin.client, unitId, own, { occurredOn: '2026-11-21' }), deductionRefusals.date_in_future);
    await closeYear(server.db, 2017);
    expect(
      await expectRefused(record(admin.client, unitId, own, { occurredOn: '2017-05-01' }), deductionRefusals.record_year_closed),
    ).toMatchObject({
      year: 2017,
    });
  });

  it('is the unit’s admin’s only', async () => {
    const { unitId, alice } = await unitWithPeople(server);
    const otherAdmin = await outsider(server, ['member', 'unit_admin']);
    await expectRefused(record(otherAdmin.client, unitId, alice.member.id), commonRefusals.forbidden);
    await expectRefused(record(alice.client, unitId, alice.member.id), commonRefusals.forbidden);
    const secretary = await signedInMember(server, ['secretariat'], { unitId: null });
    await expectRefused(record(secretary.client, unitId, alice.member.id), commonRefusals.forbidden);
  });
});

describe('the appeal window, by the clock', () => {
  it('lets the member appeal once before the deadline; after it the deduction is effective and the job books it once', async () => {
    const { unitId, admin, alice, bob } = await unitWithPeople(server);
    const appealed = await record(admin.client, unitId, alice.member.id);
    const unappealed = await record(admin.client, unitId, bob.member.id, {
      kindKey: 'dues_late',
      points: 2,
      reason: '连续三个月未交纳党费',
    });
    const deadline = new Date(unappealed.appealDeadline);

    // A second before the deadline: still in the window; the job books nothing.
    server.clock.advance(APPEAL_WINDOW_DAYS * DAY - 1000);
    [alice.client, bob.client] = [await again(alice), await again(bob)];
    await book();
    expect(await integrityRows(bob.member.id)).toEqual([]);
    expect((await bob.client.call(api.deductions.get, { params: { id: unappealed.id } })).phase).toBe('appeal_window');
    const after = await alice.client.call(api.deductions.appeal, {
      params: { id: appealed.id },
      body: { text: '当天因公出差，已提前向支部请假' },
    });
    expect(after).toMatchObject({
      phase: 'appealed',
      phaseLabel: '申诉中',
      appealable: false,
      appeal: { text: '当天因公出差，已提前向支部请假', at: server.clock.now().toISOString() },
    });
    expect(after.timeline.map((s) => s.action)).toEqual(['recorded', 'appealed']);
    await expectRefused(
      alice.client.call(api.deductions.appeal, { params: { id: appealed.id }, body: { text: '再补充一点说明材料' } }),
      deductionRefusals.already_appealed,
    );

    // At the deadline: effective, not appealable; the timeline says it took effect at the deadline.
    server.clock.advance(1000);
    const effective = await bob.client.call(api.deductions.get, { params: { id: unappealed.id } });
    expect(effective).toMatchObject({ phase: 'effective', phaseLabel: '已生效', appealable: false });
    expect(effective.timeline.at(-1)).toMatchObject({ action: 'took_effect', actor: '系统', at: deadline.toISOString() });
    const closed = await expectRefused(
      bob.client.call(api.deductions.appeal, { params: { id: unappealed.id }, body: { text: '我不同意这条扣分' } }),
      deductionRefusals.appeal_window_closed,
    );
    expect(closed.appealDeadline).toBe(deadline.toISOString());

    // The job books it once, dated at the deadline; the appealed one waits for the unit admin.
    expect(await integrityRows(bob.member.id)).toEqual([]);
    expect(await book()).toBeGreaterThanOrEqual(1);
    await book();
    server.clock.advance(10 * 60_000);
    await book();
    const rows = await integrityRows(bob.member.id);
    expect(rows).toMatchObject([{ points: -2, sourceType: 'deduction', sourceId: unappealed.id, reversesId: null }]);
    expect(rows[0]!.createdAt.toISOString()).toBe(deadline.toISOString());
    expect(await integrityRows(alice.member.id)).toEqual([]);
    const steps = await server.db
      .select()
      .from(recordEvents)
      .where(and(eq(recordEvents.subject, 'deduction'), eq(recordEvents.subjectId, unappealed.id)));
    expect(steps.map((s) => s.action)).toEqual(['recorded', 'took_effect']);
    const shown = await bob.client.call(api.deductions.get, { params: { id: unappealed.id } });
    expect(shown.timeline.filter((s) => s.action === 'took_effect')).toHaveLength(1);
    const audits = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'deduction.take_effect'), eq(auditLog.entityId, String(unappealed.id))));
    expect(audits).toHaveLength(1);
  });

  it('refuses an appeal that reaches the deduction after the booking of its window, whatever clock the appeal read', async () => {
    const { unitId, admin, alice } = await unitWithPeople(server);
    const created = await record(admin.client, unitId, alice.member.id);
    server.clock.advance(APPEAL_WINDOW_DAYS * DAY);
    await book();
    expect(await integrityRows(alice.member.id)).toHaveLength(1);
    // An appeal whose request read the clock a moment before the deadline, arriving after the booking.
    server.clock.advance(-1000);
    alice.client = await again(alice);
    const details = await expectRefused(
      alice.client.call(api.deductions.appeal, { params: { id: created.id }, body: { text: '我在最后一刻提出申诉' } }),
      deductionRefusals.appeal_window_closed,
    );
    expect(details.appealDeadline).toBe(created.appealDeadline);
  });

  it('is the member’s own to appeal', async () => {
    const { unitId, admin, alice, bob } = await unitWithPeople(server);
    const created = await record(admin.client, unitId, alice.member.id);
    await expectRefused(
      bob.client.call(api.deductions.appeal, { params: { id: created.id }, body: { text: '替同事申诉一下' } }),
      deductionRefusals.deduction_not_own,
    );
    await expectRefused(
      admin.client.call(api.deductions.appeal, { params: { id: created.id }, body: { text: '替党员申诉一下' } }),
      deductionRefusals.deduction_not_own,
    );
    await expectRefused(
      alice.client.call(api.deductions.appeal, { params: { id: created.id }, body: { text: '短' } }),
      commonRefusals.invalid_fields,
    );
  });
});

describe('POST /api/deductions/:id/appeal-decision', () => {
  it('upholds with a reason: effective at once, −points to the 诚信 ledger in the same step', async () => {
    const { unitId, admin, alice } = await unitWithPeople(server);
    const created = await record(admin.client, unitId, alice.member.id, { points: 4 });
    await alice.client.call(api.deductions.appeal, { params: { id: created.id }, body: { text: '当天因公出差，已提前向支部请假' } });
    server.clock.advance(DAY);
    admin.client = await again(admin);
    const upheld = await admin.client.call(api.deductions.decideAppeal, {
      params: { id: created.id },
      body: { uphold: true, note: '经核实未请假' },
    });
    expect(upheld).toMatchObject({ phase: 'effective', decisionNote: '经核实未请假', appealable: false });
    expect(upheld.timeline.map((s) => s.action)).toEqual(['recorded', 'appealed', 'upheld']);
    const rows = await integrityRows(alice.member.id);
    expect(rows).toMatchObject([{ points: -4, sourceType: 'deduction', sourceId: created.id }]);
    expect(rows[0]!.createdAt.toISOString()).toBe(server.clock.now().toISOString());
    // Past its deadline the job finds nothing more to book.
    server.clock.advance(8 * DAY);
    admin.client = await again(admin);
    await book();
    expect(await integrityRows(alice.member.id)).toHaveLength(1);
    expect(
      await expectRefused(
        admin.client.call(api.deductions.decideAppeal, { params: { id: created.id }, body: { uphold: false, note: '再议' } }),
        deductionRefusals.not_appealed,
      ),
    ).toMatchObject({ phase: 'effective' });
  });

  it('withdraws with a reason: it never counts, not even after the window', async () => {
    const { unitId, admin, alice } = await unitWithPeople(server);
    const created = await record(admin.client, unitId, alice.member.id);
    await alice.client.call(api.deductions.appeal, { params: { id: created.id }, body: { text: '当天因公出差，已提前向支部请假' } });
    const withdrawn = await admin.client.call(api.deductions.decideAppeal, {
      params: { id: created.id },
      body: { uphold: false, note: '核实已请假，撤销' },
    });
    expect(withdrawn).toMatchObject({ phase: 'withdrawn', phaseLabel: '已撤销' });
    server.clock.advance(30 * DAY);
    alice.client = await again(alice);
    await book();
    expect(await integrityRows(alice.member.id)).toEqual([]);
    expect((await alice.client.call(api.deductions.get, { params: { id: created.id } })).phase).toBe('withdrawn');
  });

  it('decides appealed deductions only, once, by the unit’s admin, never their own', async () => {
    const { unitId, admin, alice } = await unitWithPeople(server);
    const created = await record(admin.client, unitId, alice.member.id);
    expect(
      await expectRefused(
        admin.client.call(api.deductions.decideAppeal, { params: { id: created.id }, body: { uphold: true, note: '维持原扣分' } }),
        deductionRefusals.not_appealed,
      ),
    ).toMatchObject({ phase: 'appeal_window' });
    await alice.client.call(api.deductions.appeal, { params: { id: created.id }, body: { text: '当天因公出差，已提前向支部请假' } });
    const otherAdmin = await outsider(server, ['member', 'unit_admin']);
    await expectRefused(
      otherAdmin.client.call(api.deductions.decideAppeal, { params: { id: created.id }, body: { uphold: true, note: '维持原扣分' } }),
      commonRefusals.forbidden,
    );
    await expectRefused(
      alice.client.call(api.deductions.decideAppeal, { params: { id: created.id }, body: { uphold: false, note: '撤销' } }),
      commonRefusals.forbidden,
    );
    const second = await signedInMember(server, ['member', 'unit_admin'], { unitId });
    const results = await Promise.allSettled([
      admin.client.call(api.deductions.decideAppeal, { params: { id: created.id }, body: { uphold: true, note: '维持原扣分' } }),
      second.client.call(api.deductions.decideAppeal, { params: { id: created.id }, body: { uphold: false, note: '撤销扣分' } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const loser = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    await expectRefused(Promise.reject(loser.reason), deductionRefusals.not_appealed);
    const ledger = await integrityRows(alice.member.id);
    const final = await alice.client.call(api.deductions.get, { params: { id: created.id } });
    expect(ledger).toHaveLength(final.phase === 'effective' ? 1 : 0);

    // An admin's own deduction is decided by another admin of the unit.
    const own = await record(second.client, unitId, admin.member.id);
    await admin.client.call(api.deductions.appeal, { params: { id: own.id }, body: { text: '我对这条扣分有异议' } });
    await expectRefused(
      admin.client.call(api.deductions.decideAppeal, { params: { id: own.id }, body: { uphold: false, note: '撤销' } }),
      commonRefusals.forbidden,
    );
    expect(
      (await second.client.call(api.deductions.decideAppeal, { params: { id: own.id }, body: { uphold: false, note: '撤销' } })).phase,
    ).toBe('withdrawn');
  });
});

describe('who sees a deduction', () => {
  it('the member sees their own only; the unit’s admin the unit’s, appealed first and by phase', async () => {
    const { unitId, admin, alice, bob } = await unitWithPeople(server);
    const first = await record(admin.client, unitId, alice.member.id);
    server.clock.advance(60_000);
    const second = await record(admin.client, unitId, bob.member.id);
    server.clock.advance(60_000);
    const third = await record(admin.client, unitId, alice.member.id, { kindKey: 'conduct', reason: '在工作群发表不当言论' });
    await alice.client.call(api.deductions.appeal, { params: { id: first.id }, body: { text: '当天因公出差，已提前向支部请假' } });

    expect((await alice.client.call(api.deductions.mine, {})).items.map((d) => d.id)).toEqual([third.id, first.id]);
    expect((await bob.client.call(api.deductions.mine, {})).items.map((d) => d.id)).toEqual([second.id]);
    await expectRefused(bob.client.call(api.deductions.get, { params: { id: first.id } }), deductionRefusals.deduction_not_own);
    const stranger = await outsider(server, ['member']);
    await expectRefused(stranger.client.call(api.deductions.get, { params: { id: first.id } }), deductionRefusals.deduction_not_own);
    const otherAdmin = await outsider(server, ['member', 'unit_admin']);
    await expectRefused(otherAdmin.client.call(api.deductions.get, { params: { id: first.id } }), commonRefusals.forbidden);
    await expectRefused(otherAdmin.client.call(api.deductions.listForUnit, { params: { unitId }, query: {} }), commonRefusals.forbidden);
    await expectRefused(alice.client.call(api.deductions.listForUnit, { params: { unitId }, query: {} }), commonRefusals.forbidden);

    const list = await admin.client.call(api.deductions.listForUnit, { params: { unitId }, query: {} });
    expect(list.items.map((d) => d.id)).toEqual([first.id, third.id, second.id]);
    const inWindow = await admin.client.call(api.deductions.listForUnit, { params: { unitId }, query: { phase: 'appeal_window' } });
    expect(inWindow.items.map((d) => d.id)).toEqual([third.id, second.id]);
    server.clock.advance(8 * DAY);
    admin.client = await again(admin);
    const effective = await admin.client.call(api.deductions.listForUnit, { params: { unitId }, query: { phase: 'effective' } });
    expect(effective.items.map((d) => d.id)).toEqual([third.id, second.id]);
    const bobs = await admin.client.call(api.deductions.listForUnit, { params: { unitId }, query: { memberId: bob.member.id } });
    expect(bobs.items.map((d) => d.id)).toEqual([second.id]);
    const secretary = await signedInMember(server, ['secretariat'], { unitId: null });
    expect((await secretary.client.call(api.deductions.listForUnit, { params: { unitId }, query: {} })).total).toBe(3);
  });
});

describe('sanctions (纪律处分)', () => {
  const sanction = (memberId: number, overrides: Record<string, unknown> = {}) => ({
    memberId,
    year: 2026,
    description: '党内警告处分（违反廉洁纪律）',
    decidedOn: '2026-10-10',
    ...overrides,
  });

  it('are recorded by the unit’s admin for a member of the unit and a year not closed', async () => {
    const { unitId, admin, alice } = await unitWithPeople(server);
    const created = await admin.client.call(api.deductions.recordSanction, { params: { unitId }, body: sanction(alice.member.id) });
    expect(created).toMatchObject({
      member: { id: alice.member.id, name: alice.member.name },
      unit: { id: unitId },
      year: 2026,
      decidedOn: '2026-10-10',
      recordedAt: server.clock.now().toISOString(),
    });
    const steps = await server.db
      .select()
      .from(recordEvents)
      .where(and(eq(recordEvents.subject, 'sanction'), eq(recordEvents.subjectId, created.id)));
    expect(steps.map((s) => s.action)).toEqual(['recorded']);
    const [entry] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'sanction.record'), eq(auditLog.entityId, String(created.id))));
    expect(entry?.actorId).toBe(admin.member.id);

    const stranger = await outsider(server, ['member']);
    await expectRefused(
      admin.client.call(api.deductions.recordSanction, { params: { unitId }, body: sanction(stranger.member.id) }),
      deductionRefusals.member_not_in_unit,
    );
    await expectRefused(
      admin.client.call(api.deductions.recordSanction, {
        params: { unitId },
        body: sanction(alice.member.id, { decidedOn: '2026-12-01' }),
      }),
      deductionRefusals.date_in_future,
    );
    await closeYear(server.db, 2016);
    await expectRefused(
      admin.client.call(api.deductions.recordSanction, {
        params: { unitId },
        body: sanction(alice.member.id, { year: 2016, decidedOn: '2016-05-01' }),
      }),
      deductionRefusals.record_year_closed,
    );
    const otherAdmin = await outsider(server, ['member', 'unit_admin']);
    await expectRefused(
      otherAdmin.client.call(api.deductions.recordSanction, { params: { unitId }, body: sanction(alice.member.id) }),
      commonRefusals.forbidden,
    );
  });

  it('are seen by the secretariat for every unit, by a unit admin for their own unit only', async () => {
    const one = await unitWithPeople(server);
    const two = await unitWithPeople(server);
    const a = await one.admin.client.call(api.deductions.recordSanction, {
      params: { unitId: one.unitId },
      body: sanction(one.alice.member.id),
    });
    const b = await two.admin.client.call(api.deductions.recordSanction, {
      params: { unitId: two.unitId },
      body: sanction(two.bob.member.id, { year: 2025, decidedOn: '2025-12-01' }),
    });
    const secretary = await signedInMember(server, ['secretariat'], { unitId: null });
    const all = await secretary.client.call(api.deductions.listSanctions, { query: { pageSize: 100 } });
    expect(all.items.map((s) => s.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    const of2025 = await secretary.client.call(api.deductions.listSanctions, { query: { year: 2025, pageSize: 100 } });
    expect(of2025.items.map((s) => s.id)).toContain(b.id);
    expect(of2025.items.map((s) => s.id)).not.toContain(a.id);
    const mine = await one.admin.client.call(api.deductions.listSanctions, { query: {} });
    expect(mine.items.map((s) => s.id)).toEqual([a.id]);
    await expectRefused(one.alice.client.call(api.deductions.listSanctions, { query: {} }), commonRefusals.forbidden);
  });
});
