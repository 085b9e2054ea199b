import { api, commonRefusals, ErrorBody, memberRefusals, type ApiClient } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members } from '../../../server/src/db/schema';
import { parseSheetDate } from '../../../server/src/roster/validateRoster';
import { createMember, signedInMember, uniquePhone } from '../../support/factories';
import { setClock } from '../../support/recordFactories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';

/** 入党日期 on the roster: entered by hand, imported from a sheet, exported. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  setClock(server, '2026-11-20 09:00:00');
});
afterAll(() => server.close());

async function listed(client: ApiClient, unitId: number, name: string) {
  const page = await client.call(api.members.list, { params: { unitId }, query: { q: name } });
  return page.items.find((item) => item.name === name);
}

async function upload(client: ApiClient, unitId: number, rows: Array<Array<string | number | Date>>) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名册');
  rows.forEach((row) => sheet.addRow(row));
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await workbook.xlsx.writeBuffer())]), 'roster.xlsx');
  const response = await fetch(client.url(api.members.importRoster, { params: { unitId }, query: {} }), {
    method: 'POST',
    headers: client.headers(),
    body: form,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function joinedOf(phone: string) {
  const [row] = await server.db.select({ joinedPartyOn: members.joinedPartyOn }).from(members).where(eq(members.phone, phone));
  return row?.joinedPartyOn;
}

describe('入党日期 on create, update and list', () => {
  it('is kept when given, listed, changed and cleared', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const params = { unitId: member.unitId! };
    const created = await client.call(api.members.create, {
      params,
      body: { name: '入党甲', phone: uniquePhone(), joinedPartyOn: '2020-07-01' },
    });
    expect(created.joinedPartyOn).toBe('2020-07-01');
    expect((await listed(client, params.unitId, '入党甲'))?.joinedPartyOn).toBe('2020-07-01');
    const plain = await client.call(api.members.create, { params, body: { name: '入党乙', phone: uniquePhone() } });
    expect(plain.joinedPartyOn).toBeNull();

    const changed = await client.call(api.members.update, { params: { id: created.id }, body: { joinedPartyOn: '2019-06-30' } });
    expect(changed.joinedPartyOn).toBe('2019-06-30');
    // Leaving it out keeps it; null clears it.
    expect((await client.call(api.members.update, { params: { id: created.id }, body: { name: '入党甲' } })).joinedPartyOn).toBe(
      '2019-06-30',
    );
    expect((await client.call(api.members.update, { params: { id: created.id }, body: { joinedPartyOn: null } })).joinedPartyOn).toBeNull();
  });

  it('refuses a day after today (Shanghai) and a malformed one, naming the field', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const params = { unitId: member.unitId! };
    const future = await expectRefused(
      client.call(api.members.create, { params, body: { name: '未来', phone: uniquePhone(), joinedPartyOn: '2026-11-21' } }),
      commonRefusals.invalid_fields,
    );
    expect(future.issues).toEqual([{ path: 'body.joinedPartyOn', label: '入党日期', message: '入党日期不能晚于今天' }]);
    const today = await client.call(api.members.create, {
      params,
      body: { name: '今天', phone: uniquePhone(), joinedPartyOn: '2026-11-20' },
    });
    expect(today.joinedPartyOn).toBe('2026-11-20');
    await expectRefused(
      client.call(api.members.update, { params: { id: today.id }, body: { joinedPartyOn: '2027-01-01' } }),
      commonRefusals.invalid_fields,
    );
    for (const bad of ['2020/7/1', '2020-02-30']) {
      const details = await expectRefused(
        client.call(api.members.create, { params, body: { name: '格式', phone: uniquePhone(), joinedPartyOn: bad } }),
        commonRefusals.invalid_fields,
      );
      expect(details.issues).toEqual([expect.objectContaining({ path: 'body.joinedPartyOn', label: '入党日期' })]);
    }
  });
});

describe('入党日期 in the roster sheet', () => {
  it('reads the ways people write a day, and Excel dates', () => {
    expect(parseSheetDate('2020-07-01')).toBe('2020-07-01');
    expect(parseSheetDate('2020/7/1')).toBe('2020-07-01');
    expect(parseSheetDate('2020.7.1')).toBe('2020-07-01');
    expect(parseSheetDate('2020年7月1日')).toBe('2020-07-01');
    expect(parseSheetDate('44013')).toBe('2020-07-01');
    expect(parseSheetDate('2020-02-30')).toBeUndefined();
    expect(parseSheetDate('七月一日')).toBeUndefined();
  });

  it('imports the column in every form, keeps a date when the cell is empty, and refuses a bad or future one by row', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const unitId = member.unitId!;
    const keeper = await createMember(server.db, { unitId, name: '已有日期', joinedPartyOn: '2001-07-01' });
    const phones = [uniquePhone(), uniquePhone(), uniquePhone(), uniquePhone()];
    const result = await upload(client, unitId, [
      ['姓名', '手机号', '入党日期'],
      ['横线', phones[0]!, '2020-07-01'],
      ['斜线', phones[1]!, '2020/7/1'],
      ['汉字', phones[2]!, '2020年7月1日'],
      ['日期格', phones[3]!, new Date(Date.UTC(2018, 6, 1))],
      ['已有日期', keeper.phone, ''],
    ]);
    expect(result.body).toEqual({ created: 4, updated: 1, dryRun: false });
    expect(await Promise.all(phones.map(joinedOf))).toEqual(['2020-07-01', '2020-07-01', '2020-07-01', '2018-07-01']);
    expect(await joinedOf(keeper.phone)).toBe('2001-07-01');

    const refused = await upload(client, unitId, [
      ['姓名', '手机号', '入党日期'],
      ['坏日期', uniquePhone(), '去年七月'],
      ['未来', uniquePhone(), '2026-11-21'],
    ]);
    const { error } = ErrorBody.parse(refused.body);
    expect(error.details.reason).toBe(memberRefusals.roster_invalid.reason);
    expect(error.details.rows).toEqual([
      { row: 2, column: '入党日期', problem: '“去年七月”不是有效日期（如 2020-07-01 或 2020年7月1日）' },
      { row: 3, column: '入党日期', problem: '入党日期 2026-11-21 晚于今天' },
    ]);
  });

  it('exports the column, which imports back unchanged', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const unitId = member.unitId!;
    await createMember(server.db, { unitId, name: '导出日期', joinedPartyOn: '2015-07-01' });
    const response = await fetch(client.url(api.members.exportRoster, { params: { unitId } }), { headers: client.headers() });
    const file = Buffer.from(await response.arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]!.slice(1, 6)).toEqual(['姓名', '手机号', '党员类型', '党组织', '入党日期']);
    expect(rows.find((row) => row[1] === '导出日期')![5]).toBe('2015-07-01');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), 'roster.xlsx');
    await fetch(client.url(api.members.importRoster, { params: { unitId }, query: {} }), {
      method: 'POST',
      headers: client.headers(),
      body: form,
    });
    expect((await listed(client, unitId, '导出日期'))?.joinedPartyOn).toBe('2015-07-01');
  });
});
