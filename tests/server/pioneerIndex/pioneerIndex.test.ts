import { api, commonRefusals, type INDEX_TIERS, indexRefusals, type ApiClient, type UnitIndexes } from '@zhijian/shared';
import { and, count, eq, isNotNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, indexSnapshots, members } from '../../../server/src/db/schema';
import { isYearClosed } from '../../../server/src/queries/closedYears';
import { at, createActivity } from '../../support/checkinFactories';
import { createGroup, createUnit, signedInMember } from '../../support/factories';
import { approvedBonus, approvedLeave, declareAndApprove, ledgerRow, movedTo, present, sanctionRow } from '../../support/indexFactories';
import { outsider, rosterMember, setClock, signedIn, unitWithPeople } from '../../support/recordFactories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';

/**
 * The clock stands at 2026-11-20 09:00 (Shanghai) unless a test moves it: what others see is as of
 * 2026-11-01 00:00, the end of October.
 */
let server: TestServer;
let secretary: Awaited<ReturnType<typeof signedInMember>>;
beforeAll(async () => {
  server = await startTestServer();
  secretary = await signedInMember(server, ['secretariat'], { unitId: null });
});
afterAll(() => server.close());
beforeEach(() => {
  setClock(server, '2026-11-20 09:00:00');
});

const forUnit = (client: ApiClient, unitId: number, year = 2026) =>
  client.call(api.pioneerIndex.forUnit, { params: { unitId }, query: { year } });
const rowOf = (indexes: UnitIndexes, memberId: number) => indexes.rows.find((row) => row.member.id === memberId)!;
const valueOf = (indexes: UnitIndexes, memberId: number) => rowOf(indexes, memberId).breakdown.value;
const secretaryNow = () => signedIn(server, secretary.member);

describe('GET /api/units/:unitId/pioneer-index (forUnit)', () => {
  it('lists every roster member; with no record at all the index is 组织生活 in full + 承诺践诺 = 80, 合格', async () => {
    const { unitId, admin, alice, bob } = await unitWithPeople(server);
    const indexes = await forUnit(admin.client, unitId);
    expect(indexes).toMatchObject({ year: 2026, asOf: at('2026-11-01 00:00:00').toISOString(), closed: false });
    expect(indexes.rows.map((row) => row.member.id)).toEqual([admin.member.id, alice.member.id, bob.member.id]);
    expect(rowOf(indexes, alice.member.id)).toEqual({
      member: { id: alice.member.id, name: alice.member.name, branchName: null },
      breakdown: {
        attendanceRate: null,
        organisationalLife: 50,
        commitment: 30,
        base: 80,
        approvedBonus: 0,
        study: 0,
        publicService: 0,
        bonus: 0,
        deductions: 0,
        sanctioned: false,
        value: 80,
        tier: 'qualified',
      },
      tierLabel: '合格',
    });
  });

  it('scales 组织生活 by the year’s attendance, counting only activities whose window closed by the end of last month', async () => {
    const { unitId, admin, alice, bob } = await unitWithPeople(server);
    const carol = await rosterMember(server, unitId);
    const october = await createActivity(server.db, { unitId, startsAt: at('2026-10-15 14:00:00') });
    await present(server.db, october.id, alice.member.id, at('2026-10-15 14:01:00'));
    await approvedLeave(server.db, october.id, carol.id, at('2026-10-14 10:00:00'));
    // In November: alice misses it, which the published figure does not know yet.
    await createActivity(server.db, { unitId, startsAt: at('2026-11-10 14:00:00') });
    const indexes = await forUnit(admin.client, unitId);
    expect(rowOf(indexes, alice.member.id).breakdown).toMatchObject({ attendanceRate: 1, organisationalLife: 50, value: 80 });
    expect(rowOf(indexes, bob.member.id).breakdown).toMatchObject({ attendanceRate: 0, organisationalLife: 0, value: 30, tier: 'talk' });
    // On approved leave the activity is not expected of her: expected at nothing, the whole part.
    expect(rowOf(indexes, carol.id).breakdown).toMatchObject({ attendanceRate: null, organisationalLife: 50, value: 80 });
    expect(rowOf(indexes, bob.member.id).tierLabel).toBe('需谈心谈话');
  });

  it('moves by exactly the approved bonus points, capped with 学习 and 公益 at bonusCap (20)', async () => {
    const { unitId, admin, alice, bob } = await unitWithPeople(server);
    const [aliceThen, adminThen] = await movedTo(server, '2026-10-10 09:00:00', alice.member, admin.member);
    const decided = await declareAndApprove(aliceThen!, adminThen!, 4, '2026-10-08');
    expect(decided.status).toBe('approved');
    setClock(server, '2026-11-20 09:00:00');
    const adminNow = await signedIn(server, admin.member);
    let indexes = await forUnit(adminNow, unitId);
    expect(rowOf(indexes, alice.member.id).breakdown).toMatchObject({ approvedBonus: 4, bonus: 4, value: 84 });
    expect(valueOf(indexes, bob.member.id)).toBe(80);

    for (let i = 0; i < 4; i += 1) {
      await approvedBonus(server.db, {
        memberId: bob.member.id,
        unitId,
        points: 5,
        occurredOn: '2026-09-01',
        decidedAt: '2026-09-10 10:00:00',
      });
    }
    await ledgerRow(server.db, bob.member.id, 'study', 4, '2026-10-05 10:00:00');
    indexes = await forUnit(adminNow, unitId);
    expect(rowOf(indexes, bob.member.id).breakdown).toMatchObject({
      approvedBonus: 20,
      study: 2,
      bonus: 20,
      value: 100,
      tier: 'excellent_candidate',
    });
  });

  it('counts 学习 × 0.5 up to 5 and 公益 up to 10, only rows written by the end of last month', async () => {
    const { unitId, admin, alice, bob } = await unitWithPeople(server);
    await ledgerRow(server.db, alice.member.id, 'study', 4, '2026-10-05 10:00:00');
    await ledgerRow(server.db, bob.member.id, 'study', 9, '2026-03-05 10:00:00');
    await ledgerRow(server.db, bob.member.id, 'study', 5, '2026-10-31 23:59:00');
    await ledgerRow(server.db, bob.member.id, 'public_service', 12, '2026-06-01 10:00:00');
    // Written this month, or last year: not in the published figure of 2026.
    await ledgerRow(server.db, alice.member.id, 'study', 6, '2026-11-02 10:00:00');
    await ledgerRow(server.db, alice.member.id, 'public_service', 3, '2025-12-31 23:00:00');
    const indexes = await forUnit(admin.client, unitId);
    expect(rowOf(indexes, alice.member.id).breakdown).toMatchObject({ study: 2, publicService: 0, bonus: 2, value: 82 });
    expect(rowOf(indexes, bob.member.id).breakdown).toMatchObject({
      study: 5,
      publicService: 10,
      bonus: 15,
      value: 95,
      tier: 'excellent_candidate',
    });
  });

  it('subtracts a deduction only once its appeal window has passed, or an appeal is upheld, by the instant', async () => {
    const { unitId, admin, alice, bob } = await unitWithPeople(server);
    const record = (client: ApiClient, memberId: number, points: number, occurredOn: string) =>
      client.call(api.deductions.record, {
        params: { unitId },
        body: { memberId, kindKey: 'absence', points, reason: '无故缺席固定活动日', occurredOn },
      });
    let [adminThen] = await movedTo(server, '2026-10-20 09:00:00', admin.member);
    await record(adminThen!, alice.member.id, 3, '2026-10-19'); // window ends 10-27: effective by 11-01
    [adminThen] = await movedTo(server, '2026-10-29 09:00:00', admin.member);
    await record(adminThen!, alice.member.id, 2, '2026-10-28'); // window ends 11-05
    const appealed = await record(adminThen!, bob.member.id, 4, '2026-10-28');
    const [bobThen] = await movedTo(server, '2026-10-30 09:00:00', bob.member);
    await bobThen!.call(api.deductions.appeal, { params: { id: appealed.id }, body: { text: '当天请过假，有记录' } });

    // 3 November: the second deduction is still in its window; the member's own card is live.
    const [aliceNov3] = await movedTo(server, '2026-11-03 09:00:00', alice.member);
    const early = await aliceNov3!.call(api.cards.mine, { query: { year: 2026 } });
    expect(early.index).toMatchObject({ deductions: 3, value: 77 });
    expect(early.deductions).toEqual({ effective: 1, inAppeal: 1, points: 3 });

    const [adminNow, aliceNow, bobNow] = await movedTo(server, '2026-11-20 09:00:00', admin.member, alice.member, bob.member);
    await adminNow!.call(api.deductions.decideAppeal, { params: { id: appealed.id }, body: { uphold: true, note: '请假未获批准' } });
    const indexes = await forUnit(adminNow!, unitId);
    expect(rowOf(indexes, alice.member.id).breakdown).toMatchObject({ deductions: 3, value: 77 });
    // Upheld this month: effective now, not in the figure as of the end of October.
    expect(rowOf(indexes, bob.member.id).breakdown).toMatchObject({ deductions: 0, value: 80 });
    expect((await aliceNow!.call(api.cards.mine, {})).index).toMatchObject({ deductions: 5, value: 75 });
    expect((await bobNow!.call(api.cards.mine, {})).index).toMatchObject({ deductions: 4, value: 76 });
  });

  it('is 0 for a member sanctioned that year (清零), whatever else the record says', async () => {
    const { unitId, admin, alice, bob } = await unitWithPeople(server);
    const [adminThen] = await movedTo(server, '2026-10-10 09:00:00', admin.member);
    await adminThen!.call(api.deductions.recordSanction, {
      params: { unitId },
      body: { memberId: alice.member.id, year: 2026, description: '受到党内警告处分', decidedOn: '2026-10-09' },
    });
    await approvedBonus(server.db, {
      memberId: alice.member.id,
      unitId,
      points: 5,
      occurredOn: '2026-09-01',
      decidedAt: '2026-09-10 10:00:00',
    });
    await sanctionRow(server.db, { memberId: bob.member.id, unitId, year: 2025, recordedAt: '2025-06-01 10:00:00' });
    setClock(server, '2026-11-20 09:00:00');
    const indexes = await forUnit(await signedIn(server, admin.member), unitId);
    expect(rowOf(indexes, alice.member.id).breakdown).toMatchObject({ base: 80, bonus: 5, sanctioned: true, value: 0, tier: 'talk' });
    // A sanction of another year leaves this year alone.
    expect(rowOf(indexes, bob.member.id).breakdown).toMatchObject({ sanctioned: false, value: 80 });
  });

  it('does not show a bonus approved this month (as of the end of last month); the member’s own card does', async () => {
    const { unitId, admin, alice } = await unitWithPeople(server);
    await declareAndApprove(alice.client, admin.client, 3, '2026-11-18');
    expect(valueOf(await forUnit(admin.client, unitId), alice.member.id)).toBe(80);
    const card = await alice.client.call(api.cards.mine, {});
    expect(card.index).toMatchObject({ approvedBonus: 3, value: 83 });
    expect(card.bonuses).toEqual({ approved: 1, pending: 0, points: 3 });
    // After the month turns, it is published.
    const [adminDec] = await movedTo(server, '2026-12-01 00:00:00', admin.member);
    expect(valueOf(await forUnit(adminDec!, unitId), alice.member.id)).toBe(83);
  });

  it('is the unit admin’s of that unit and the secretariat’s; another unit’s admin is refused', async () => {
    const { unitId, alice } = await unitWithPeople(server);
    const otherAdmin = await outsider(server, ['member', 'unit_admin']);
    await expectRefused(forUnit(otherAdmin.client, unitId), commonRefusals.forbidden);
    await expectRefused(forUnit(alice.client, unitId), commonRefusals.forbidden);
    expect((await forUnit(secretary.client, unitId)).rows).toHaveLength(3);
    await expectRefused(forUnit(secretary.client, 99_999), commonRefusals.not_found);
  });
});

describe('GET /api/units/:unitId/pioneer-index/export', () => {
  it('writes every part of each member’s index to an xlsx, and leaves an audit entry', async () => {
    const { unitId, admin, alice, bob } = await unitWithPeople(server);
    await ledgerRow(server.db, alice.member.id, 'study', 4, '2026-10-05 10:00:00');
    await approvedBonus(server.db, {
      memberId: alice.member.id,
      unitId,
      points: 3,
      occurredOn: '2026-09-01',
      decidedAt: '2026-09-10 10:00:00',
    });
    await sanctionRow(server.db, { memberId: bob.member.id, unitId, year: 2026, recordedAt: '2026-10-01 10:00:00' });
    const url = admin.client.url(api.pioneerIndex.exportForUnit, { params: { unitId }, query: { year: 2026 } });
    const response = await fetch(url, { headers: admin.client.headers() });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('2026年度先锋指数.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('2026年度先锋指数')!;
    const rows = sheet
      .getSheetValues()
      .slice(1)
      .map((row) => (row as unknown[]).slice(1));
    expect(rows[0]).toEqual([
      '姓名',
      '支部',
      '出勤率',
      '组织生活',
      '承诺践诺',
      '基本指数',
      '认定加分',
      '学习折算',
      '公益',
      '正向加分（封顶后）',
      '反向扣分',
      '处分清零',
      '先锋指数',
      '参考等次',
    ]);
    expect(rows.slice(1)).toEqual([
      [admin.member.name, '', '无应到活动', 50, 30, 80, 0, 0, 0, 0, 0, '否', 80, '合格'],
      [alice.member.name, '', '无应到活动', 50, 30, 80, 3, 2, 0, 5, 0, '否', 85, '合格'],
      [bob.member.name, '', '无应到活动', 50, 30, 80, 0, 0, 0, 0, 0, '是', 0, '需谈心谈话'],
    ]);
    const [entry] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'index.export'), eq(auditLog.entityId, String(unitId))));
    expect(entry).toMatchObject({ actorId: admin.member.id, after: { year: 2026, lines: 3 } });
  });

  it('refuses another unit’s admin', async () => {
    const { unitId } = await unitWithPeople(server);
    const otherAdmin = await outsider(server, ['member', 'unit_admin']);
    const url = otherAdmin.client.url(api.pioneerIndex.exportForUnit, { params: { unitId }, query: { year: 2026 } });
    const response = await fetch(url, { headers: otherAdmin.client.headers() });
    expect(response.status).toBe(403);
  });
});

describe('GET /api/pioneer-index/distribution', () => {
  it('counts members per tier by 片组 and unit, with the mean and the sanctioned, and names nobody', async () => {
    const group = await createGroup(server.db);
    const unitA = await createUnit(server.db, { groupId: group.id });
    const unitB = await createUnit(server.db, { groupId: group.id });
    const a = [await rosterMember(server, unitA.id), await rosterMember(server, unitA.id), await rosterMember(server, unitA.id)];
    const b = [await rosterMember(server, unitB.id)];
    await approvedBonus(server.db, {
      memberId: a[0]!.id,
      unitId: unitA.id,
      points: 15,
      occurredOn: '2026-05-01',
      decidedAt: '2026-05-10 10:00:00',
    });
    await sanctionRow(server.db, { memberId: a[1]!.id, unitId: unitA.id, year: 2026, recordedAt: '2026-10-01 10:00:00' });
    const result = await secretary.client.call(api.pioneerIndex.distribution, { query: { year: 2026 } });
    expect(result).toMatchObject({ year: 2026, asOf: at('2026-11-01 00:00:00').toISOString(), closed: false });
    const tiers = (counts: Partial<Record<(typeof INDEX_TIERS)[number], number>>) => ({
      excellent_candidate: 0,
      qualified: 0,
      basic: 0,
      talk: 0,
      ...counts,
    });
    expect(result.units.find((u) => u.unitId === unitA.id)).toEqual({
      unitId: unitA.id,
      unitName: unitA.name,
      groupId: group.id,
      members: 3,
      mean: 58.3,
      tiers: tiers({ excellent_candidate: 1, qualified: 1, talk: 1 }),
      sanctioned: 1,
    });
    expect(result.units.find((u) => u.unitId === unitB.id)).toMatchObject({
      members: 1,
      mean: 80,
      tiers: tiers({ qualified: 1 }),
      sanctioned: 0,
    });
    expect(result.groups.find((g) => g.groupId === group.id)).toEqual({
      groupId: group.id,
      groupName: group.name,
      members: 4,
      mean: 63.8,
      tiers: tiers({ excellent_candidate: 1, qualified: 2, talk: 1 }),
      sanctioned: 1,
    });
    expect(result.total.members).toBe(result.groups.reduce((sum, g) => sum + g.members, 0));
    const [rostered] = await server.db.select({ n: count() }).from(members).where(isNotNull(members.unitId));
    expect(result.total.members).toBe(rostered!.n);
    const text = JSON.stringify(result);
    for (const member of [...a, ...b]) expect(text).not.toContain(member.name);
  });

  it('exports the distribution as xlsx, by 片组 and by unit', async () => {
    const group = await createGroup(server.db);
    const unit = await createUnit(server.db, { groupId: group.id });
    const member = await rosterMember(server, unit.id);
    const url = secretary.client.url(api.pioneerIndex.exportDistribution, { query: { year: 2026 } });
    const response = await fetch(url, { headers: secretary.client.headers() });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const buffer = Buffer.from(await response.arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const byGroup = workbook.getWorksheet('按片组')!;
    expect((byGroup.getRow(1).values as unknown[]).slice(1)).toEqual([
      '片组',
      '人数',
      '平均指数',
      '优秀候选',
      '合格',
      '基本合格',
      '需谈心谈话',
      '处分清零',
    ]);
    const groupRow = byGroup.getSheetValues().find((row) => (row as unknown[])?.[1] === group.name) as unknown[];
    expect(groupRow.slice(1)).toEqual([group.name, 1, 80, 0, 1, 0, 0, 0]);
    const byUnit = workbook.getWorksheet('按单位')!;
    const unitRow = byUnit.getSheetValues().find((row) => (row as unknown[])?.[2] === unit.name) as unknown[];
    expect(unitRow.slice(1)).toEqual([group.name, unit.name, 1, 80, 0, 1, 0, 0, 0]);
    expect(buffer.toString('latin1')).not.toContain(member.phone);
  });

  it('is the secretariat’s only', async () => {
    const { admin } = await unitWithPeople(server);
    await expectRefused(admin.client.call(api.pioneerIndex.distribution, { query: { year: 2026 } }), commonRefusals.forbidden);
    await expectRefused(admin.client.call(api.pioneerIndex.years, {}), commonRefusals.forbidden);
    await expectRefused(admin.client.call(api.pioneerIndex.closeYear, { params: { year: 2025 } }), commonRefusals.forbidden);
  });
});

describe('GET /api/units/:unitId/appraisals (indexTier)', () => {
  it('sets each member’s advisory index tier, as of the end of last month, beside the branch’s', async () => {
    const { unitId, admin, alice, bob } = await unitWithPeople(server);
    await sanctionRow(server.db, { memberId: bob.member.id, unitId, year: 2026, recordedAt: '2026-10-01 10:00:00' });
    await approvedBonus(server.db, {
      memberId: alice.member.id,
      unitId,
      points: 12,
      occurredOn: '2026-05-01',
      decidedAt: '2026-05-10 10:00:00',
    });
    // Sanctioned this month: not in the published tier yet.
    await sanctionRow(server.db, { memberId: admin.member.id, unitId, year: 2026, recordedAt: '2026-11-10 10:00:00' });
    const sheet = await admin.client.call(api.appraisals.sheet, { params: { unitId }, query: { year: 2026 } });
    expect(sheet.rows.map((row) => [row.member.id, row.indexTier])).toEqual([
      [admin.member.id, 'qualified'],
      [alice.member.id, 'excellent_candidate'],
      [bob.member.id, 'talk'],
    ]);
  });
});

describe('closing a year (POST /api/pioneer-index/years/:year/close, GET /api/pioneer-index/years)', () => {
  it('refuses a year not over in Asia/Shanghai', async () => {
    const client = await secretaryNow();
    expect(await expectRefused(client.call(api.pioneerIndex.closeYear, { params: { year: 2026 } }), indexRefusals.year_not_over)).toEqual({
      reason: 'year_not_over',
      year: 2026,
    });
    await expectRefused(client.call(api.pioneerIndex.closeYear, { params: { year: 2027 } }), indexRefusals.year_not_over);
  });

  it('freezes every rostered member’s index in one snapshot: later records do not move it, and it closes once', async () => {
    const { unitId, admin, alice, bob } = await unitWithPeople(server);
    await ledgerRow(server.db, alice.member.id, 'study', 6, '2025-04-01 10:00:00');
    await approvedBonus(server.db, {
      memberId: alice.member.id,
      unitId,
      points: 2,
      occurredOn: '2025-05-01',
      decidedAt: '2025-05-10 10:00:00',
    });
    await sanctionRow(server.db, { memberId: bob.member.id, unitId, year: 2025, recordedAt: '2025-09-01 10:00:00' });
    const before = await forUnit(admin.client, unitId, 2025);
    expect(valueOf(before, alice.member.id)).toBe(85);
    expect(valueOf(before, bob.member.id)).toBe(0);

    const client = await secretaryNow();
    const closed = await client.call(api.pioneerIndex.closeYear, { params: { year: 2025 } });
    const [rostered] = await server.db.select({ n: count() }).from(members).where(isNotNull(members.unitId));
    expect(closed).toEqual({
      year: 2025,
      closedAt: server.clock.now().toISOString(),
      closedBy: secretary.member.name,
      members: rostered!.n,
    });
    const [snapshots] = await server.db.select({ n: count() }).from(indexSnapshots).where(eq(indexSnapshots.year, 2025));
    expect(snapshots!.n).toBe(rostered!.n);
    const [entry] = await server.db.select().from(auditLog).where(eq(auditLog.action, 'index.close_year'));
    expect(entry).toMatchObject({ actorId: secretary.member.id, entityId: '2025', after: { year: 2025, members: rostered!.n } });
    expect((await client.call(api.pioneerIndex.years, {})).items).toContainEqual(closed);

    // Records written later into the closed year (no command allows it; straight into the database) change nothing.
    await ledgerRow(server.db, bob.member.id, 'study', 10, '2025-12-30 10:00:00');
    await approvedBonus(server.db, {
      memberId: alice.member.id,
      unitId,
      points: 5,
      occurredOn: '2025-12-01',
      decidedAt: '2025-12-02 10:00:00',
    });
    await sanctionRow(server.db, { memberId: alice.member.id, unitId, year: 2025, recordedAt: '2025-12-20 10:00:00' });
    const after = await forUnit(admin.client, unitId, 2025);
    expect(after).toEqual({ ...before, asOf: closed.closedAt, closed: true });
    const card = await alice.client.call(api.cards.mine, { query: { year: 2025 } });
    expect(card).toMatchObject({ indexFrozen: true, index: rowOf(before, alice.member.id).breakdown });
    const distribution = await client.call(api.pioneerIndex.distribution, { query: { year: 2025 } });
    expect(distribution).toMatchObject({ closed: true, asOf: closed.closedAt });
    expect(distribution.total.members).toBe(rostered!.n);

    server.clock.advance(60_000);
    const again = await signedIn(server, secretary.member);
    expect(
      await expectRefused(again.call(api.pioneerIndex.closeYear, { params: { year: 2025 } }), indexRefusals.year_already_closed),
    ).toEqual({
      reason: 'year_already_closed',
      year: 2025,
      closedAt: closed.closedAt,
    });
    // A member added after the closing has no index of that year.
    const late = await rosterMember(server, unitId);
    expect((await forUnit(admin.client, unitId, 2025)).rows.map((row) => row.member.id)).not.toContain(late.id);
  });

  it('waits for a write into the year already under way, so the snapshot includes it', async () => {
    const { unitId, admin, alice } = await unitWithPeople(server);
    const client = await secretaryNow();
    let checked!: () => void;
    let release!: () => void;
    const hasChecked = new Promise<void>((resolve) => (checked = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    // A command writing into 2024: it has checked the year is open, and not committed yet.
    const writer = server.db.transaction(async (tx) => {
      expect(await isYearClosed(tx, 2024)).toBe(false);
      checked();
      await released;
      await sanctionRow(tx, { memberId: alice.member.id, unitId, year: 2024, recordedAt: '2024-12-01 10:00:00' });
    });
    await hasChecked;
    const closing = client.call(api.pioneerIndex.closeYear, { params: { year: 2024 } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await writer;
    await closing;
    const frozen = await forUnit(admin.client, unitId, 2024);
    expect(rowOf(frozen, alice.member.id).breakdown).toMatchObject({ sanctioned: true, value: 0 });
  });

  it('closes a year from its first instant after it ends in Shanghai, not a second before', async () => {
    let [client] = await movedTo(server, '2026-12-31 23:59:59', secretary.member);
    await expectRefused(client!.call(api.pioneerIndex.closeYear, { params: { year: 2026 } }), indexRefusals.year_not_over);
    [client] = await movedTo(server, '2027-01-01 00:00:00', secretary.member);
    expect(await client!.call(api.pioneerIndex.closeYear, { params: { year: 2026 } })).toMatchObject({
      year: 2026,
      closedAt: at('2027-01-01 00:00:00').toISOString(),
    });
  });
});
