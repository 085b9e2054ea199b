import { api, type ApiClient } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members } from '../../../server/src/db/schema';
import { createMember, signedInMember } from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/testServer';
import { write } from './support';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function upload(client: ApiClient, unitId: number, rows: string[][]) {
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

const rolesOf = async (phone: string, unitId: number) =>
  (await server.db.select({ roles: members.roles, unitId: members.unitId }).from(members).where(eq(members.phone, phone))).find(
    (row) => row.unitId === unitId,
  )!.roles;

describe('书记 on the roster', () => {
  it('is a role the unit admin gives on the roster, after which letters to the secretary are taken', async () => {
    const admin = await signedInMember(server, ['member', 'unit_admin']);
    const unitId = admin.member.unitId!;
    const writer = await signedInMember(server, ['member'], { unitId });
    const secretary = await createMember(server.db, { unitId });
    await expect(write(writer.client)).rejects.toMatchObject({ reason: 'no_secretary' });
    const updated = await admin.client.call(api.members.update, {
      params: { id: secretary.id },
      body: { roles: ['member', 'party_secretary'] },
    });
    expect(updated.roles).toEqual(['member', 'party_secretary']);
    expect((await write(writer.client)).status).toBe('pending');
  });

  it('comes in and goes out with the roster sheet’s 书记 column', async () => {
    const admin = await signedInMember(server, ['member', 'unit_admin']);
    const unitId = admin.member.unitId!;
    const imported = await upload(admin.client, unitId, [
      ['姓名', '手机号', '党员类型', '党组织', '入党日期', '书记'],
      ['张书记', '13911110001', '固定党员', '', '', '是'],
      ['刘党员', '13911110002', '固定党员', '', '', ''],
    ]);
    expect(imported).toMatchObject({ status: 200, body: { created: 2 } });
    expect(await rolesOf('13911110001', unitId)).toEqual(['member', 'party_secretary']);
    expect(await rolesOf('13911110002', unitId)).toEqual(['member']);

    const again = await upload(admin.client, unitId, [
      ['姓名', '手机号', '党员类型', '党组织', '入党日期', '书记'],
      ['张书记', '13911110001', '固定党员', '', '', '是'],
      ['刘党员', '13911110002', '固定党员', '', '', '是'],
    ]);
    expect(again.body).toMatchObject({ updated: 2 });
    expect(await rolesOf('13911110001', unitId)).toEqual(['member', 'party_secretary']);
    expect(await rolesOf('13911110002', unitId)).toEqual(['member', 'party_secretary']);
    await upload(admin.client, unitId, [
      ['姓名', '手机号', '书记'],
      ['刘党员', '13911110002', '否'],
    ]);
    expect(await rolesOf('13911110002', unitId)).toEqual(['member']);

    const response = await fetch(admin.client.url(api.members.exportRoster, { params: { unitId } }), { headers: admin.client.headers() });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const column = header.indexOf('书记') + 1;
    const byName = new Map<string, string>();
    sheet.eachRow((row, n) => n > 1 && byName.set(String(row.getCell(1).value), String(row.getCell(column).value)));
    expect(byName.get('张书记')).toBe('是');
    expect(byName.get('刘党员')).toBe('否');
  });

  it('refuses a 书记 cell that is neither 是, 否 nor empty', async () => {
    const admin = await signedInMember(server, ['member', 'unit_admin']);
    const result = await upload(admin.client, admin.member.unitId!, [
      ['姓名', '手机号', '书记'],
      ['张三', '13911110003', '也许'],
    ]);
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ error: { details: { reason: 'roster_invalid', rows: [{ row: 2, column: '书记' }] } } });
  });
});
