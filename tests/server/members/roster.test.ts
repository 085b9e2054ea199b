import {
  api,
  commonRefusals,
  ERROR_STATUS,
  ErrorBody,
  memberRefusals,
  uploadRefusals,
  type ApiClient,
  type Refusal,
} from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../server/src/db/schema';
import { createBranch, createMember, signedInMember } from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名册');
  rows.forEach((row) => sheet.addRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function upload(client: ApiClient, unitId: number, file: Buffer, name: string, dryRun = false) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), name);
  const url = client.url(api.members.importRoster, { params: { unitId }, query: { dryRun: dryRun ? 'true' : undefined } });
  const response = await fetch(url, { method: 'POST', headers: client.headers(), body: form });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Asserts a raw response was refused with this refusal (status, code, reason); returns its details. */
function expectRefusedBody(result: { status: number; body: Record<string, unknown> }, refusal: Refusal) {
  const { error } = ErrorBody.parse(result.body);
  expect({ status: result.status, code: error.code, reason: error.details.reason }).toEqual({
    status: ERROR_STATUS[refusal.code],
    code: refusal.code,
    reason: refusal.reason,
  });
  expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  return error.details;
}

async function rosterNames(client: ApiClient, unitId: number): Promise<string[]> {
  const page = await client.call(api.members.list, { params: { unitId }, query: { pageSize: 100 } });
  return page.items.map((m) => m.name).sort();
}

describe('POST /api/units/:unitId/members/import', () => {
  it('imports a valid xlsx roster, updating entries whose phone is already on it', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const unitId = member.unitId!;
    await createBranch(server.db, unitId, '第一党支部');
    await createMember(server.db, { unitId, name: '旧名字', phone: '13600000001' });
    const file = await xlsx([
      ['姓名', '手机号', '党员类型', '党组织'],
      ['王伟', '13600000001', '固定党员', '第一党支部'],
      ['李娜', '136 0000 0002', '流动党员', ''],
      ['张敏', '13600000003', '', '第一党支部'],
    ]);
    const dry = await upload(client, unitId, file, 'roster.xlsx', true);
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({ created: 2, updated: 1, dryRun: true });
    expect(await rosterNames(client, unitId)).toEqual([member.name, '旧名字'].sort());

    const result = await upload(client, unitId, file, 'roster.xlsx');
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ created: 2, updated: 1, dryRun: false });
    const page = await client.call(api.members.list, { params: { unitId }, query: { pageSize: 100 } });
    expect(page.items.map((m) => m.name).sort()).toEqual([member.name, '张敏', '李娜', '王伟'].sort());
    expect(page.items.find((m) => m.name === '李娜')).toMatchObject({ kind: 'mobile', branchName: null });
    expect(page.items.find((m) => m.name === '王伟')).toMatchObject({ kind: 'fixed', branchName: '第一党支部' });
    const audited = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'member.import'), eq(auditLog.entityId, String(unitId))));
    expect(audited.map((e) => [e.actorId, e.after])).toEqual([[member.id, { file: 'roster.xlsx', created: 2, updated: 1 }]]);
  });

  it('reports every bad row and imports nothing', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const file = await xlsx([
      ['姓名', '手机号', '党员类型', '党组织'],
      ['好人', '13600000011', '固定党员', ''],
      ['', '13600000012', '固定党员', ''],
      ['坏号码', '1234', '固定党员', ''],
      ['重复', '13600000011', '预备党员', '不存在的支部'],
    ]);
    const result = await upload(client, member.unitId!, file, 'roster.xlsx');
    const details = expectRefusedBody(result, memberRefusals.roster_invalid);
    expect(details.rows).toEqual([
      { row: 3, column: '姓名', problem: '姓名不能为空' },
      { row: 4, column: '手机号', problem: '“1234”不是 11 位手机号' },
      { row: 5, column: '手机号', problem: '与第 2 行手机号重复' },
      { row: 5, column: '党员类型', problem: '党员类型应为“固定党员”或“流动党员”，而不是“预备党员”' },
      { row: 5, column: '党组织', problem: '本单位没有名为“不存在的支部”的党组织' },
    ]);
    expect(ErrorBody.parse(result.body).error.message).toBe('名册中有 5 处问题，未导入任何数据');
    expect(await rosterNames(client, member.unitId!)).toEqual([member.name]);
  });

  it('reads CSV in UTF-8 (with BOM) and in GB18030 as Excel on Chinese Windows saves it', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const utf8 = Buffer.from('\uFEFF姓名,手机号\n赵强,13600000021\n', 'utf8');
    expect((await upload(client, member.unitId!, utf8, 'a.csv')).body).toMatchObject({ created: 1 });
    // "姓名,手机号\n钱杰,13600000022\n" encoded as GB18030.
    const gb = Buffer.from('d0d5c3fb2ccad6bbfabac50ac7aebddc2c31333630303030303032320a', 'hex');
    expect((await upload(client, member.unitId!, gb, 'b.csv')).body).toMatchObject({ created: 1 });
    expect(await rosterNames(client, member.unitId!)).toContain('钱杰');
  });

  it('refuses a file that is neither xlsx nor CSV, whatever its name', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const result = await upload(client, member.unitId!, png, 'roster.xlsx');
    expect(expectRefusedBody(result, uploadRefusals.file_type_refused).detected).toBe('image/png');
    // Text in neither UTF-8 nor GB18030.
    const garbled = Buffer.concat([Buffer.from('姓名,手机号\n'), Buffer.from([0xff, 0x41, 0x0a])]);
    const binary = await upload(client, member.unitId!, garbled, 'roster.csv');
    expect(expectRefusedBody(binary, uploadRefusals.file_type_refused).detected).toBeNull();
  });

  it('refuses an xlsx that does not open', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const whole = await xlsx([['姓名', '手机号']]);
    const broken = whole.subarray(0, whole.length - 100);
    expectRefusedBody(await upload(client, member.unitId!, broken, 'broken.xlsx'), uploadRefusals.file_unreadable);
  });

  it('refuses a header without the required columns, an empty file and a missing file', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const noPhone = await upload(client, member.unitId!, await xlsx([['姓名'], ['孙丽']]), 'x.xlsx');
    expect(expectRefusedBody(noPhone, memberRefusals.roster_invalid).rows).toEqual([
      { row: 1, column: '手机号', problem: '表头缺少“手机号”列' },
    ]);
    const headerOnly = await upload(client, member.unitId!, await xlsx([['姓名', '手机号']]), 'y.xlsx');
    expect(expectRefusedBody(headerOnly, memberRefusals.roster_invalid).rows).toEqual([
      { row: 2, column: '-', problem: '表头下方没有任何党员记录' },
    ]);
    expectRefusedBody(await upload(client, member.unitId!, Buffer.alloc(0), 'empty.csv'), uploadRefusals.file_empty);
    const url = client.url(api.members.importRoster, { params: { unitId: member.unitId! } });
    const missing = await fetch(url, { method: 'POST', headers: client.headers(), body: new FormData() });
    expectRefusedBody({ status: missing.status, body: (await missing.json()) as Record<string, unknown> }, uploadRefusals.file_missing);
  });

  it('refuses an upload over 5 MB with 413', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const result = await upload(client, member.unitId!, Buffer.alloc(5 * 1024 * 1024 + 10, 0x41), 'big.csv');
    expectRefusedBody(result, commonRefusals.payload_too_large);
  });

  it('refuses JSON instead of a form upload with 415', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const url = client.url(api.members.importRoster, { params: { unitId: member.unitId! } });
    const response = await fetch(url, { method: 'POST', headers: { ...client.headers(), 'content-type': 'application/json' }, body: '{}' });
    expectRefusedBody(
      { status: response.status, body: (await response.json()) as Record<string, unknown> },
      commonRefusals.unsupported_media_type,
    );
  });
});

describe('GET /api/units/:unitId/members/export', () => {
  it('exports the roster as xlsx that imports back unchanged', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const branch = await createBranch(server.db, member.unitId!, '导出支部');
    await createMember(server.db, { unitId: member.unitId, name: '导出甲', phone: '13600000031', kind: 'mobile', branchId: branch.id });
    const response = await fetch(client.url(api.members.exportRoster, { params: { unitId: member.unitId! } }), {
      headers: client.headers(),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const file = Buffer.from(await response.arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]!.slice(1, 5)).toEqual(['姓名', '手机号', '党员类型', '党组织']);
    expect(rows.find((row) => row[1] === '导出甲')!.slice(1, 5)).toEqual(['导出甲', '13600000031', '流动党员', '导出支部']);
    const again = await upload(client, member.unitId!, file, 'roster.xlsx');
    expect(again.body).toEqual({ created: 0, updated: 2, dryRun: false });
    const audited = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'member.export'), eq(auditLog.entityId, String(member.unitId))));
    expect(audited.map((e) => [e.actorId, e.after])).toEqual([[member.id, { rows: 2 }]]);
  });

  it("refuses another unit's roster", async () => {
    const { client } = await signedInMember(server, ['unit_admin']);
    const { member: other } = await signedInMember(server, ['member']);
    const response = await fetch(client.url(api.members.exportRoster, { params: { unitId: other.unitId! } }), {
      headers: client.headers(),
    });
    expectRefusedBody({ status: response.status, body: (await response.json()) as Record<string, unknown> }, commonRefusals.forbidden);
  });
});
