import { api, commonRefusals, duesRefusals, uploadRefusals, type ApiClient } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, duesPayments } from '../../../server/src/db/schema';
import { createMember, createUnit, signedInMember } from '../../support/factories';
import { expectRefusedBody, outsider, postFile, setClock, signedIn } from '../../support/recordFactories';
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

/** A unit whose roster was entered at the start of 2026, before it kept any dues here. */
async function duesUnit() {
  const unitId = (await createUnit(server.db)).id;
  const since = new Date('2026-01-01T00:00:00+08:00');
  const adminRow = await createMember(server.db, { unitId, roles: ['member', 'unit_admin'], createdAt: since });
  const people = await Promise.all(
    ['甲', '乙', '丙'].map((n) => createMember(server.db, { unitId, name: `党员${n}${unitId}`, createdAt: since })),
  );
  return { unitId, admin: { member: adminRow, client: await signedIn(server, adminRow) }, people };
}

function pay(client: ApiClient, unitId: number, memberId: number, month: string, amountCents = 5000, paidOn?: string) {
  return client.call(api.dues.record, { params: { unitId }, body: { memberId, month, amountCents, paidOn: paidOn ?? `${month}-10` } });
}

const months = (from: number, to: number, year = 2026) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${year}-${String(from + i).padStart(2, '0')}`);

describe('the unit’s dues sheet', () => {
  it('lists each member’s months of the year and how many months in a row up to last month are unpaid', async () => {
    const { unitId, admin, people } = await duesUnit();
    const [a, b, c] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
    // Before the unit recorded anything, nobody is behind.
    const empty = await admin.client.call(api.dues.sheet, { params: { unitId }, query: { year: 2026 } });
    expect(empty.rows.map((r) => r.monthsBehind)).toEqual([0, 0, 0, 0]);

    for (const month of months(1, 8)) await pay(admin.client, unitId, a.id, month);
    for (const month of months(1, 7)) await pay(admin.client, unitId, b.id, month);
    for (const month of months(1, 10)) await pay(admin.client, unitId, admin.member.id, month, 10_000);
    const sheet = await admin.client.call(api.dues.sheet, { params: { unitId }, query: { year: 2026 } });
    const byId = new Map(sheet.rows.map((r) => [r.member.id, r]));
    // Last month due is October (November may be paid until it ends).
    expect(byId.get(admin.member.id)!.monthsBehind).toBe(0);
    expect(byId.get(a.id)!.monthsBehind).toBe(2);
    expect(byId.get(b.id)!.monthsBehind).toBe(3);
    // Nothing paid since the unit's first recorded month, January.
    expect(byId.get(c.id)!.monthsBehind).toBe(10);
    expect(byId.get(a.id)!.months).toHaveLength(8);
    expect(byId.get(a.id)!.months[0]).toEqual({ month: '2026-01', amountCents: 5000, paidOn: '2026-01-10' });
    expect(byId.get(a.id)!.member).toEqual({ id: a.id, name: a.name, branchName: null });

    // Arrears run on into the next year; each sheet shows its own months.
    setClock(server, '2027-02-10 09:00:00');
    const client = await signedIn(server, admin.member);
    const next = await client.call(api.dues.sheet, { params: { unitId }, query: { year: 2027 } });
    expect(next.rows.find((r) => r.member.id === b.id)).toMatchObject({ months: [], monthsBehind: 6 });
    const last = await client.call(api.dues.sheet, { params: { unitId }, query: { year: 2026 } });
    expect(last.rows.find((r) => r.member.id === b.id)!.monthsBehind).toBe(5);
  });

  it('counts from the member’s 入党日期, and from joining the roster for members added after record-keeping began', async () => {
    const { unitId, admin, people } = await duesUnit();
    setClock(server, '2026-03-05 09:00:00');
    const early = await signedIn(server, admin.member);
    await pay(early, unitId, people[0]!.id, '2026-01', 5000, '2026-01-15');
    setClock(server, '2026-11-20 09:00:00');
    const newcomer = await createMember(server.db, { unitId, createdAt: new Date('2026-06-10T10:00:00+08:00') });
    const joined = await createMember(server.db, { unitId, createdAt: new Date('2026-01-01T00:00:00+08:00'), joinedPartyOn: '2026-09-28' });
    const sheet = await admin.client.call(api.dues.sheet, { params: { unitId }, query: { year: 2026 } });
    const byId = new Map(sheet.rows.map((r) => [r.member.id, r.monthsBehind]));
    expect(byId.get(newcomer.id)).toBe(5); // June–October
    expect(byId.get(joined.id)).toBe(2); // September–October
    expect(byId.get(people[1]!.id)).toBe(10); // on the roster before: January–October
  });

  it('is the unit’s admin’s and the secretariat’s to read', async () => {
    const { unitId } = await duesUnit();
    const secretary = await signedInMember(server, ['secretariat'], { unitId: null });
    expect((await secretary.client.call(api.dues.sheet, { params: { unitId }, query: { year: 2026 } })).rows).toHaveLength(4);
    const otherAdmin = await outsider(server, ['unit_admin']);
    await expectRefused(otherAdmin.client.call(api.dues.sheet, { params: { unitId }, query: { year: 2026 } }), commonRefusals.forbidden);
    const member = await signedInMember(server, ['member'], { unitId });
    await expectRefused(member.client.call(api.dues.sheet, { params: { unitId }, query: { year: 2026 } }), commonRefusals.forbidden);
  });
});

describe('GET /api/me/dues', () => {
  it('shows the member their own months and arrears only', async () => {
    const { unitId, admin, people } = await duesUnit();
    for (const month of months(1, 7)) await pay(admin.client, unitId, people[0]!.id, month);
    await pay(admin.client, unitId, people[1]!.id, '2026-10');
    const mine = await (await signedIn(server, people[0]!)).call(api.dues.mine, { query: { year: 2026 } });
    expect(mine).toMatchObject({ year: 2026, monthsBehind: 3 });
    expect(mine.months.map((m) => m.month)).toEqual(months(1, 7));
    const other = await (await signedIn(server, people[1]!)).call(api.dues.mine, { query: { year: 2026 } });
    expect(other).toEqual({ year: 2026, months: [{ month: '2026-10', amountCents: 5000, paidOn: '2026-10-10' }], monthsBehind: 0 });
    const unitless = await signedInMember(server, ['member'], { unitId: null });
    expect(await unitless.client.call(api.dues.mine, { query: { year: 2026 } })).toEqual({ year: 2026, months: [], monthsBehind: 0 });
  });
});

describe('recording and removing a month', () => {
  it('records a month (again: corrects it) and removes one recorded by mistake, each audited', async () => {
    const { unitId, admin, people } = await duesUnit();
    const id = people[0]!.id;
    const row = await pay(admin.client, unitId, id, '2026-10', 5000, '2026-10-08');
    expect(row).toMatchObject({ member: { id }, months: [{ month: '2026-10', amountCents: 5000, paidOn: '2026-10-08' }] });
    const corrected = await pay(admin.client, unitId, id, '2026-10', 6000, '2026-10-09');
    expect(corrected.months).toEqual([{ month: '2026-10', amountCents: 6000, paidOn: '2026-10-09' }]);
    expect(await server.db.select().from(duesPayments).where(eq(duesPayments.memberId, id))).toHaveLength(1);
    await pay(admin.client, unitId, id, '2026-09');
    const removed = await admin.client.call(api.dues.remove, { params: { unitId }, body: { memberId: id, month: '2026-10' } });
    expect(removed.months.map((m) => m.month)).toEqual(['2026-09']);
    expect(
      (await admin.client.call(api.dues.remove, { params: { unitId }, body: { memberId: id, month: '2026-10' } })).months,
    ).toHaveLength(1);
    const audits = await server.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'dues_payment'), eq(auditLog.actorId, admin.member.id)));
    expect(audits.map((a) => a.action).sort()).toEqual(['dues.correct', 'dues.record', 'dues.record', 'dues.remove']);
  });

  it('refuses another unit’s member, a day paid in the future or years before the month, and a bad amount', async () => {
    const { unitId, admin, people } = await duesUnit();
    const stranger = await outsider(server, ['member']);
    await expectRefused(pay(admin.client, unitId, stranger.member.id, '2026-10'), duesRefusals.member_not_in_unit);
    await expectRefused(
      admin.client.call(api.dues.remove, { params: { unitId }, body: { memberId: stranger.member.id, month: '2026-10' } }),
      duesRefusals.member_not_in_unit,
    );
    await expectRefused(pay(admin.client, unitId, people[0]!.id, '2026-11', 5000, '2026-11-21'), duesRefusals.paid_in_future);
    await expectRefused(pay(admin.client, unitId, people[0]!.id, '2029-01', 5000, '2026-11-01'), duesRefusals.paid_before_month);
    expect((await pay(admin.client, unitId, people[0]!.id, '2028-11', 5000, '2026-11-01')).member.id).toBe(people[0]!.id);
    await expectRefused(pay(admin.client, unitId, people[0]!.id, '2026-13'), commonRefusals.invalid_fields);
    await expectRefused(pay(admin.client, unitId, people[0]!.id, '2026-10', -1), commonRefusals.invalid_fields);
    await expectRefused(pay(admin.client, unitId, people[0]!.id, '2026-10', 1.5), commonRefusals.invalid_fields);
  });

  it('is the unit’s admin’s only', async () => {
    const { unitId, people } = await duesUnit();
    const otherAdmin = await outsider(server, ['member', 'unit_admin']);
    await expectRefused(pay(otherAdmin.client, unitId, people[0]!.id, '2026-10'), commonRefusals.forbidden);
    const secretary = await signedInMember(server, ['secretariat'], { unitId: null });
    await expectRefused(pay(secretary.client, unitId, people[0]!.id, '2026-10'), commonRefusals.forbidden);
    await expectRefused(
      otherAdmin.client.call(api.dues.remove, { params: { unitId }, body: { memberId: people[0]!.id, month: '2026-10' } }),
      commonRefusals.forbidden,
    );
  });
});

describe('POST /api/units/:unitId/dues/import', () => {
  async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('党费');
    rows.forEach((row) => sheet.addRow(row));
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
  const header = ['姓名', '手机号', ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`)];
  const importUrl = (client: ApiClient, unitId: number, year = 2026) =>
    client.url(api.dues.importYear, { params: { unitId }, query: { year } });

  it('imports a year from xlsx: amounts in yuan, empty months left as recorded', async () => {
    const { unitId, admin, people } = await duesUnit();
    const [a, b] = people as [(typeof people)[0], (typeof people)[0]];
    await pay(admin.client, unitId, b.id, '2026-03', 4200, '2026-03-03');
    const file = await xlsx([
      header,
      [a.name, a.phone, 50, 50, '50.5', '¥50.00', 50, 50, 50, 50, 50, '50元', 50, 50],
      [b.name, `+86 ${b.phone}`, 30, 30, null, 30],
      [],
    ]);
    const result = await postFile(admin.client, importUrl(admin.client, unitId), file, '2026年党费.xlsx');
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ year: 2026, recorded: 15, members: 2 });
    const sheet = await admin.client.call(api.dues.sheet, { params: { unitId }, query: { year: 2026 } });
    const rowOf = (id: number) => sheet.rows.find((r) => r.member.id === id)!;
    expect(rowOf(a.id).months).toHaveLength(12);
    expect(rowOf(a.id).months[2]).toEqual({ month: '2026-03', amountCents: 5050, paidOn: '2026-03-31' });
    // Months not over yet are dated today.
    expect(rowOf(a.id).months[10]).toEqual({ month: '2026-11', amountCents: 5000, paidOn: '2026-11-20' });
    expect(rowOf(a.id).months[11]!.paidOn).toBe('2026-11-20');
    expect(rowOf(b.id).months).toEqual([
      { month: '2026-01', amountCents: 3000, paidOn: '2026-01-31' },
      { month: '2026-02', amountCents: 3000, paidOn: '2026-02-28' },
      { month: '2026-03', amountCents: 4200, paidOn: '2026-03-03' },
      { month: '2026-04', amountCents: 3000, paidOn: '2026-04-30' },
    ]);
    const [entry] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'dues.import'), eq(auditLog.entityId, String(unitId))));
    expect(entry?.after).toMatchObject({ file: '2026年党费.xlsx', recorded: 15, members: 2 });
  });

  it('writes nothing unless every row is right, and lists each problem by row and column', async () => {
    const { unitId, admin, people } = await duesUnit();
    const [a, b] = people as [(typeof people)[0], (typeof people)[0]];
    const stranger = await outsider(server, ['member']);
    const file = await xlsx([
      header,
      [a.name, a.phone, 50],
      ['王错名', b.phone, 50],
      [stranger.member.name, stranger.member.phone, 50],
      [a.name, a.phone, 50],
      ['', '12345', 'abc', -5, '1000000'],
    ]);
    const result = await postFile(admin.client, importUrl(admin.client, unitId), file, 'dues.xlsx');
    const details = expectRefusedBody(result, duesRefusals.dues_sheet_invalid);
    expect(details.rows).toEqual([
      { row: 3, column: '姓名', problem: `姓名与名册不符（名册中该手机号为“${b.name}”）` },
      { row: 4, column: '手机号', problem: `手机号 ${stranger.member.phone} 不在本单位名册中` },
      { row: 5, column: '手机号', problem: '与第 2 行是同一名党员' },
      { row: 6, column: '姓名', problem: '姓名不能为空' },
      { row: 6, column: '手机号', problem: '“12345”不是 11 位手机号' },
      { row: 6, column: '1月', problem: '“abc”不是金额（元，最多两位小数）' },
      { row: 6, column: '2月', problem: '“-5”不是金额（元，最多两位小数）' },
      { row: 6, column: '3月', problem: '金额 1000000 超过每月 100000 元' },
    ]);
    expect(await server.db.select().from(duesPayments).where(eq(duesPayments.unitId, unitId))).toEqual([]);

    const noMonths = expectRefusedBody(
      await postFile(admin.client, importUrl(admin.client, unitId), await xlsx([['姓名', '电话']]), 'x.xlsx'),
      duesRefusals.dues_sheet_invalid,
    );
    expect((noMonths.rows as Array<{ problem: string }>).map((p) => p.problem)).toEqual([
      '表头缺少“手机号”列',
      '表头缺少月份列（1月 … 12月）',
    ]);
    const noAmounts = expectRefusedBody(
      await postFile(admin.client, importUrl(admin.client, unitId), await xlsx([header, [a.name, a.phone]]), 'x.xlsx'),
      duesRefusals.dues_sheet_invalid,
    );
    expect(noAmounts.rows).toEqual([{ row: 2, column: '-', problem: '表中没有任何党费金额' }]);
  });

  it('reads CSV too, refuses what is not a sheet, and is the unit’s admin’s only', async () => {
    const { unitId, admin, people } = await duesUnit();
    const a = people[0]!;
    const csv = `姓名,手机号,1月,2月\n${a.name},${a.phone},40,40\n`;
    const result = await postFile(admin.client, importUrl(admin.client, unitId, 2025), csv, 'dues.csv');
    expect(result.body).toEqual({ year: 2025, recorded: 2, members: 1 });
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    expectRefusedBody(await postFile(admin.client, importUrl(admin.client, unitId), png, 'dues.xlsx'), uploadRefusals.file_type_refused);
    expectRefusedBody(
      await postFile(admin.client, importUrl(admin.client, unitId), Buffer.alloc(0), 'dues.xlsx'),
      uploadRefusals.file_empty,
    );
    const otherAdmin = await outsider(server, ['unit_admin']);
    expectRefusedBody(await postFile(otherAdmin.client, importUrl(otherAdmin.client, unitId), csv, 'dues.csv'), commonRefusals.forbidden);
  });
});
