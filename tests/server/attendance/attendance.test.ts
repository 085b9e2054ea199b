import { api, commonRefusals, type ApiClient } from '@zhijian/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { activityGuests, auditLog } from '../../../server/src/db/schema';
import { at, codeFor, createActivity } from '../../support/checkinFactories';
import { createGroup, createUnit, signedInMember } from '../../support/factories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
function setNow(local: string): void {
  server.clock.advance(at(local).getTime() - server.clock.now().getTime());
}
const scan = (client: ApiClient, activityId: number) =>
  client.call(api.checkins.checkIn, { body: { token: codeFor(activityId, server.clock.now()) } });

/**
 * October 2026 at unit A (4 roster members, the organiser is not one):
 *   Oct 15: m1 present, m2 late, m3 on approved leave, m4 absent; a guest checks in too.
 *   Oct 25: m1 and m2 present, m3 absent, m4 present by approved make-up.
 *   Nov 5:  m1 present.
 * Unit B (same group): Oct 15, 2 members, one present.
 */
let organiser: Awaited<ReturnType<typeof signedInMember>>;
let secretary: Awaited<ReturnType<typeof signedInMember>>;
let m: Awaited<ReturnType<typeof signedInMember>>[];
let unitA: number;
let unitB: number;
let groupId: number;
const ids: Record<string, number> = {};

beforeAll(async () => {
  // Tests move the clock by days; tokens outlive them.
  server = await startTestServer({ TOKEN_TTL_SECONDS: String(30 * 24 * 3600) });
  setNow('2026-10-10 08:00:00');
  groupId = (await createGroup(server.db, { name: '第九片组', sortOrder: 99 })).id;
  unitA = (await createUnit(server.db, { groupId, name: '甲单位' })).id;
  unitB = (await createUnit(server.db, { groupId, name: '乙单位' })).id;
  organiser = await signedInMember(server, ['unit_admin'], { unitId: unitA });
  secretary = await signedInMember(server, ['secretariat'], { unitId: null });
  m = [];
  for (let i = 0; i < 4; i += 1) m.push(await signedInMember(server, ['member'], { unitId: unitA, name: `甲党员${i + 1}` }));
  const guest = await signedInMember(server, ['member'], { name: '外单位嘉宾' });
  const b = [await signedInMember(server, ['member'], { unitId: unitB }), await signedInMember(server, ['member'], { unitId: unitB })];

  ids.oct15 = (await createActivity(server.db, { unitId: unitA, startsAt: at('2026-10-15 14:00:00'), title: '创客公开课' })).id;
  ids.oct25 = (await createActivity(server.db, { unitId: unitA, startsAt: at('2026-10-25 14:00:00'), title: '创客沙龙' })).id;
  ids.nov5 = (await createActivity(server.db, { unitId: unitA, startsAt: at('2026-11-05 14:00:00'), title: '党员大讨论' })).id;
  ids.bOct15 = (await createActivity(server.db, { unitId: unitB, startsAt: at('2026-10-15 09:00:00') })).id;
  await server.db.insert(activityGuests).values({ activityId: ids.oct15!, memberId: guest.member.id });

  const leave = await m[2]!.client.call(api.checkins.requestLeave, { params: { id: ids.oct15! }, body: { reason: '外出培训' } });
  await organiser.client.call(api.checkins.decide, { params: { id: leave.id }, body: { approve: true } });
  setNow('2026-10-15 08:50:00');
  await scan(b[0]!.client, ids.bOct15!);
  setNow('2026-10-15 13:50:00');
  await scan(m[0]!.client, ids.oct15!);
  await scan(guest.client, ids.oct15!);
  setNow('2026-10-15 14:15:00');
  await scan(m[1]!.client, ids.oct15!);
  setNow('2026-10-25 13:55:00');
  await scan(m[0]!.client, ids.oct25!);
  await scan(m[1]!.client, ids.oct25!);
  setNow('2026-10-25 15:00:00');
  const makeup = await m[3]!.client.call(api.checkins.requestMakeup, { params: { id: ids.oct25! }, body: { reason: '忘记扫码' } });
  await organiser.client.call(api.checkins.decide, { params: { id: makeup.id }, body: { approve: true } });
  setNow('2026-11-05 13:58:00');
  await scan(m[0]!.client, ids.nov5!);
});
afterAll(() => server.close());

describe('GET /api/units/:unitId/attendance-stats', () => {
  it('computes (present + late) / (expected − leave) per month, counting only activities whose window has closed', async () => {
    setNow('2026-11-05 14:20:00');
    const open = await organiser.client.call(api.attendance.unitStats, {
      params: { unitId: unitA },
      query: { from: '2026-10', to: '2026-11' },
    });
    expect(open.unit).toEqual({ id: unitA, name: '甲单位' });
    expect(open.months[0]).toEqual({ month: '2026-10', activities: 2, expected: 8, present: 4, late: 1, leave: 1, absent: 2, rate: 5 / 7 });
    expect(open.months[1]).toEqual({ month: '2026-11', activities: 0, expected: 0, present: 0, late: 0, leave: 0, absent: 0, rate: null });

    setNow('2026-11-05 14:30:01');
    const closed = await organiser.client.call(api.attendance.unitStats, {
      params: { unitId: unitA },
      query: { from: '2026-10', to: '2026-11' },
    });
    expect(closed.months[1]).toEqual({
      month: '2026-11',
      activities: 1,
      expected: 4,
      present: 1,
      late: 0,
      leave: 0,
      absent: 3,
      rate: 0.25,
    });
    expect(closed.total).toEqual({ activities: 3, expected: 12, present: 5, late: 1, leave: 1, absent: 5, rate: 6 / 11 });
  });

  it('refuses bad month ranges, an unknown unit and a unit admin of another unit', async () => {
    const stats = (query: { from: string; to: string }) =>
      organiser.client.call(api.attendance.unitStats, { params: { unitId: unitA }, query });
    expect((await expectRefused(stats({ from: '2026-13', to: '2026-11' }), commonRefusals.invalid_fields)).issues).toContainEqual(
      expect.objectContaining({ path: 'query.from', label: '开始月份', message: '月份格式应为 YYYY-MM' }),
    );
    expect((await expectRefused(stats({ from: '2026-11', to: '2026-10' }), commonRefusals.invalid_fields)).issues).toEqual([
      expect.objectContaining({ path: 'query.to', message: '结束月份不能早于开始月份' }),
    ]);
    expect((await expectRefused(stats({ from: '2024-01', to: '2026-10' }), commonRefusals.invalid_fields)).issues).toEqual([
      expect.objectContaining({ path: 'query.to', message: '一次最多查询 24 个月' }),
    ]);
    const missing = await expectRefused(
      secretary.client.call(api.attendance.unitStats, { params: { unitId: 987_654 }, query: { from: '2026-10', to: '2026-10' } }),
      commonRefusals.not_found,
    );
    expect(missing.resource).toBe('单位');
    const stranger = await signedInMember(server, ['unit_admin'], { unitId: unitB });
    await expectRefused(
      stranger.client.call(api.attendance.unitStats, { params: { unitId: unitA }, query: { from: '2026-10', to: '2026-10' } }),
      commonRefusals.forbidden,
    );
  });
});

describe('GET /api/attendance-dashboard', () => {
  it('sums units into their 片组 for any month range', async () => {
    setNow('2026-11-06 09:00:00');
    const board = await secretary.client.call(api.attendance.dashboard, { query: { from: '2026-10', to: '2026-10' } });
    const page = await secretary.client.call(api.attendance.dashboardUnits, { query: { from: '2026-10', to: '2026-10', groupId } });
    expect(page.total).toBe(2);
    const a = page.items.find((u) => u.unitId === unitA)!;
    const b = page.items.find((u) => u.unitId === unitB)!;
    expect(a).toMatchObject({
      unitName: '甲单位',
      groupName: '第九片组',
      activities: 2,
      expected: 8,
      present: 4,
      late: 1,
      leave: 1,
      absent: 2,
    });
    expect(b).toMatchObject({ activities: 1, expected: 2, present: 1, late: 0, leave: 0, absent: 1, rate: 0.5 });
    const group = board.groups.find((g) => g.groupId === groupId)!;
    expect(group).toMatchObject({ groupName: '第九片组', units: 2, activities: 3, expected: 10, present: 5, late: 1, leave: 1, absent: 3 });
    expect(group.rate).toBeCloseTo(6 / 9);
    const wider = await secretary.client.call(api.attendance.dashboardUnits, { query: { from: '2026-09', to: '2026-11', groupId } });
    expect(wider.items.find((u) => u.unitId === unitA)).toMatchObject({ activities: 3, expected: 12 });
    // The association's total is every 片组 summed, whatever page of units is shown.
    const all = await secretary.client.call(api.attendance.dashboardUnits, { query: { from: '2026-10', to: '2026-10', pageSize: 100 } });
    expect(board.total.expected).toBe(all.items.reduce((sum, u) => sum + u.expected, 0));
    expect(board.groups.reduce((sum, g) => sum + g.units, 0)).toBe(all.total);
  });

  it('pages the units in the 片组 order, then by id, each unit once, with its figures', async () => {
    setNow('2026-11-06 09:00:00');
    const later = (await createGroup(server.db, { name: '第十片组', sortOrder: 100 })).id;
    const extra = [];
    for (const name of ['丙单位', '丁单位', '戊单位']) extra.push((await createUnit(server.db, { groupId: later, name })).id);
    const range = { from: '2026-10', to: '2026-10' };
    const ofGroup = [];
    for (const page of [1, 2]) {
      const answer = await secretary.client.call(api.attendance.dashboardUnits, { query: { ...range, groupId: later, page, pageSize: 2 } });
      expect(answer).toMatchObject({ total: 3, page, pageSize: 2 });
      ofGroup.push(...answer.items);
    }
    expect(ofGroup.map((u) => u.unitId)).toEqual(extra);
    expect(ofGroup[0]).toMatchObject({ groupName: '第十片组', activities: 0, expected: 0, absent: 0, rate: null });

    // All units, one per page: every unit exactly once, 片组 by their order, units by id within one.
    const first = await secretary.client.call(api.attendance.dashboardUnits, { query: { ...range, pageSize: 1 } });
    const seen = [...first.items];
    for (let page = 2; page <= first.total; page += 1) {
      seen.push(...(await secretary.client.call(api.attendance.dashboardUnits, { query: { ...range, page, pageSize: 1 } })).items);
    }
    expect(new Set(seen.map((u) => u.unitId)).size).toBe(first.total);
    const board = await secretary.client.call(api.attendance.dashboard, { query: range });
    const groupOrder = board.groups.map((g) => g.groupId);
    const keys = seen.map((u) => [groupOrder.indexOf(u.groupId), u.unitId] as const);
    expect(keys).toEqual([...keys].sort((x, y) => x[0] - y[0] || x[1] - y[1]));
    expect(seen.slice(-3).map((u) => u.unitId)).toEqual(extra);
    expect(board.groups.at(-1)).toMatchObject({ groupId: later, units: 3, expected: 0, rate: null });
    const pastEnd = await secretary.client.call(api.attendance.dashboardUnits, {
      query: { ...range, groupId: later, page: 3, pageSize: 2 },
    });
    expect(pastEnd).toMatchObject({ items: [], total: 3 });
  });

  it('is for the secretariat only', async () => {
    await expectRefused(
      organiser.client.call(api.attendance.dashboard, { query: { from: '2026-10', to: '2026-10' } }),
      commonRefusals.forbidden,
    );
    await expectRefused(
      organiser.client.call(api.attendance.dashboardUnits, { query: { from: '2026-10', to: '2026-10' } }),
      commonRefusals.forbidden,
    );
    await expectRefused(
      server.client.call(api.attendance.dashboardUnits, { query: { from: '2026-10', to: '2026-10' } }),
      commonRefusals.unauthorized,
    );
  });
});

describe('the months that have figures', () => {
  it('lists the association’s months with a closed activity, newest first, for the board to open on', async () => {
    setNow('2026-11-05 14:05:00');
    // Nov 5's check-in is still open: its figures are not final, so November is not listed yet.
    expect(await secretary.client.call(api.attendance.dashboardMonths)).toEqual({ months: ['2026-10'] });
    setNow('2026-11-06 09:00:00');
    expect(await secretary.client.call(api.attendance.dashboardMonths)).toEqual({ months: ['2026-11', '2026-10'] });
  });

  it('lists a unit’s own months, for its admin and the secretariat', async () => {
    setNow('2026-11-06 09:00:00');
    expect(await organiser.client.call(api.attendance.unitMonths, { params: { unitId: unitA } })).toEqual({
      months: ['2026-11', '2026-10'],
    });
    expect(await secretary.client.call(api.attendance.unitMonths, { params: { unitId: unitB } })).toEqual({ months: ['2026-10'] });
  });

  it('refuses another unit’s months, the board’s months to a unit admin, and a member', async () => {
    await expectRefused(organiser.client.call(api.attendance.unitMonths, { params: { unitId: unitB } }), commonRefusals.forbidden);
    await expectRefused(organiser.client.call(api.attendance.dashboardMonths), commonRefusals.forbidden);
    await expectRefused(m[0]!.client.call(api.attendance.unitMonths, { params: { unitId: unitA } }), commonRefusals.forbidden);
    await expectRefused(server.client.call(api.attendance.dashboardMonths), commonRefusals.unauthorized);
  });

  it('names a month field in Chinese when it is not a month', async () => {
    const details = await expectRefused(
      secretary.client.call(api.attendance.dashboard, { query: { from: '2026/9', to: '2026-10' } }),
      commonRefusals.invalid_fields,
    );
    expect(details.issues[0]).toMatchObject({ path: 'query.from', label: '开始月份', message: '月份格式应为 YYYY-MM' });
  });

  it('refuses a units page over more than 24 months, ending before it starts, or past the page limit', async () => {
    const longer = await expectRefused(
      secretary.client.call(api.attendance.dashboardUnits, { query: { from: '2024-01', to: '2026-10' } }),
      commonRefusals.invalid_fields,
    );
    expect(longer.issues[0]).toMatchObject({ path: 'query.to', message: '一次最多查询 24 个月' });
    const backwards = await expectRefused(
      secretary.client.call(api.attendance.dashboardUnits, { query: { from: '2026-10', to: '2026-09' } }),
      commonRefusals.invalid_fields,
    );
    expect(backwards.issues[0]).toMatchObject({ path: 'query.to', message: '结束月份不能早于开始月份' });
    const big = await expectRefused(
      secretary.client.call(api.attendance.dashboardUnits, { query: { from: '2026-10', to: '2026-10', pageSize: 101 } }),
      commonRefusals.invalid_fields,
    );
    expect(big.issues[0]).toMatchObject({ path: 'query.pageSize', label: '每页条数' });
  });
});

describe('GET /api/units/:unitId/attendance-export', () => {
  it('writes one row per activity and member that parses back with exceljs', async () => {
    setNow('2026-11-06 09:00:00');
    const url = organiser.client.url(api.attendance.exportLedger, { params: { unitId: unitA }, query: { from: '2026-10', to: '2026-10' } });
    const response = await fetch(url, { headers: organiser.client.headers() });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('甲单位-活动台账-2026-10至2026-10.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('活动台账')!;
    const rows = sheet
      .getSheetValues()
      .slice(2)
      .map((row) => (row as unknown[]).slice(1));
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '活动时间',
      '活动名称',
      '地点',
      '姓名',
      '支部',
      '身份',
      '状态',
      '签到方式',
      '签到时间',
      '活动积分',
    ]);
    // Oct 15: 4 roster members + the guest; Oct 25: 4.
    expect(rows).toHaveLength(9);
    expect(rows.find((r) => r[1] === '创客公开课' && r[3] === '甲党员2')).toEqual([
      '2026-10-15 14:00',
      '创客公开课',
      '党群服务中心',
      '甲党员2',
      '',
      '应到',
      '迟到',
      '扫码签到',
      '2026-10-15 14:15:00',
      1,
    ]);
    expect(rows.find((r) => r[1] === '创客公开课' && r[3] === '甲党员3')?.slice(5, 8)).toEqual(['应到', '请假', '']);
    expect(rows.find((r) => r[1] === '创客公开课' && r[3] === '外单位嘉宾')?.slice(5, 8)).toEqual(['列席', '出席', '扫码签到']);
    expect(rows.find((r) => r[1] === '创客沙龙' && r[3] === '甲党员4')?.slice(6, 10)).toEqual(['出席', '补签', '2026-10-25 15:00:00', 1]);
    expect(rows.find((r) => r[1] === '创客沙龙' && r[3] === '甲党员3')?.slice(6, 8)).toEqual(['缺席', '']);
    const [audit] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'attendance.export'), eq(auditLog.entityId, String(unitA))));
    expect(audit).toMatchObject({ actorId: organiser.member.id, after: { from: '2026-10', to: '2026-10', lines: 9 } });
  });

  it('refuses a member and another unit’s admin', async () => {
    const url = m[0]!.client.url(api.attendance.exportLedger, { params: { unitId: unitA }, query: { from: '2026-10', to: '2026-10' } });
    expect((await fetch(url, { headers: m[0]!.client.headers() })).status).toBe(403);
    const stranger = await signedInMember(server, ['unit_admin'], { unitId: unitB });
    expect((await fetch(url, { headers: stranger.client.headers() })).status).toBe(403);
  });
});

describe('my history and points', () => {
  it('lists my past activities newest first with status, method and points', async () => {
    setNow('2026-11-06 09:00:00');
    const history = await m[1]!.client.call(api.attendance.myHistory, {});
    expect(history).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(history.items.map((h) => [h.activity.title, h.status, h.method, h.points])).toEqual([
      ['党员大讨论', 'absent', null, 0],
      ['创客沙龙', 'present', 'scan', 2],
      ['创客公开课', 'late', 'scan', 1],
    ]);
    const leave = await m[2]!.client.call(api.attendance.myHistory, {});
    expect(leave.items.map((h) => h.status)).toEqual(['absent', 'absent', 'leave']);
    const second = await m[1]!.client.call(api.attendance.myHistory, { query: { page: 2, pageSize: 2 } });
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.items.map((h) => h.activity.title)).toEqual(['创客公开课']);
  });

  it('lists a guest the activities they attended or were invited to, and none of the host unit’s others', async () => {
    setNow('2026-11-06 09:00:00');
    const visitor = await signedInMember(server, ['member'], { unitId: unitB, name: '受邀党员' });
    await server.db.insert(activityGuests).values([
      { activityId: ids.oct25!, memberId: visitor.member.id },
      { activityId: ids.nov5!, memberId: visitor.member.id },
    ]);
    const history = await visitor.client.call(api.attendance.myHistory, {});
    // Invited to two of unit A's activities, and unit B's own Oct 15 (their unit's, closed).
    expect(history.items.map((h) => h.activity.id)).toEqual([ids.nov5, ids.oct25, ids.bOct15]);
    expect(history.total).toBe(3);
  });

  it('sums my 活动积分 from the ledger', async () => {
    const points = await m[0]!.client.call(api.attendance.myPoints, {});
    expect(points.totalPoints).toBe(6);
    expect(points.items.map((p) => p.reason)).toEqual([
      '活动积分：出席「党员大讨论」',
      '活动积分：出席「创客沙龙」',
      '活动积分：出席「创客公开课」',
    ]);
    expect((await m[3]!.client.call(api.attendance.myPoints, {})).totalPoints).toBe(1);
    // The total is over the whole ledger, not the page.
    const firstOnly = await m[0]!.client.call(api.attendance.myPoints, { query: { pageSize: 1 } });
    expect(firstOnly).toMatchObject({ totalPoints: 6, total: 3, page: 1, pageSize: 1 });
    expect(firstOnly.items).toHaveLength(1);
    expect((await m[2]!.client.call(api.attendance.myPoints, {})).totalPoints).toBe(0);
  });
});
