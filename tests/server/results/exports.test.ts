import { commonRefusals, ERROR_STATUS } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../server/src/db/schema';
import { contest, fetchBinary, LONG_TOKENS, score, secretariat, unitAdmin } from '../../support/submissionFactories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
let secretary: Awaited<ReturnType<typeof secretariat>>;
beforeAll(async () => {
  server = await startTestServer(LONG_TOKENS);
  secretary = await secretariat(server);
});
afterAll(() => server.close());

async function readWorkbook(response: Response): Promise<ExcelJS.Workbook> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('spreadsheetml');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

async function exportsOf(callId: number) {
  return (
    await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'call'), eq(auditLog.entityId, String(callId))))
  ).map((entry) => entry.action);
}

describe('GET /api/calls/:id/export/entries', () => {
  it('exports every entry with its status and scores as xlsx, on record', async () => {
    const { call, experts, entries } = await contest(server, secretary.client);
    await score(server, experts[0]!, entries[0]!.id, 25);
    await score(server, experts[1]!, entries[0]!.id, 20);
    await score(server, experts[0]!, entries[1]!.id, 10);

    const workbook = await readWorkbook(await fetchBinary(server, secretary.token, `/api/calls/${call.id}/export/entries`));
    const rows = rowsOf(workbook.getWorksheet('报送与评分')!);
    expect(rows[0]).toEqual([
      '登记编号',
      '标题',
      '单位',
      '片组',
      '类别',
      '状态',
      '提交时间',
      '评分1',
      '评分2',
      '平均分',
      '分差',
      '分歧较大',
      '排名',
      '建议等次',
      '等次',
    ]);
    expect(rows).toHaveLength(3);
    expect(rows[1]!.slice(0, 2)).toEqual([entries[0]!.registrationNumber, '案例1']);
    expect(rows[1]![5]).toBe('评审中');
    expect(rows[1]!.slice(7, 13)).toEqual([100, 80, 90, 20, '', 1]);
    expect(rows[2]!.slice(7, 10)).toEqual([40, '', 40]);
    expect(await exportsOf(call.id)).toContain('call.export_entries');
  });

  it("is the secretariat's only", async () => {
    const { call } = await contest(server, secretary.client);
    const unit = await unitAdmin(server);
    const response = await fetchBinary(server, unit.token, `/api/calls/${call.id}/export/entries`);
    expect(response.status).toBe(ERROR_STATUS[commonRefusals.forbidden.code]);
  });
});

describe('GET /api/calls/:id/export/workload', () => {
  it("exports the reviewers' workload as xlsx, on record", async () => {
    const { call, experts, entries } = await contest(server, secretary.client);
    await score(server, experts[0]!, entries[0]!.id, 25);
    await score(server, experts[0]!, entries[1]!.id, 10);
    await score(server, experts[1]!, entries[0]!.id, 20);
    const workload = rowsOf(
      (await readWorkbook(await fetchBinary(server, secretary.token, `/api/calls/${call.id}/export/workload`))).getWorksheet('评审工作量')!,
    );
    expect(workload[0]).toEqual(['评审专家', '所在单位', '分配', '已提交', '草稿', '未开始', '逾期未交', '谢绝']);
    const byName = new Map(workload.slice(1).map((row) => [row[0], row.slice(2)]));
    expect(byName.get(experts[0]!.member.name)).toEqual([2, 2, 0, 0, 0, 0]);
    expect(byName.get(experts[1]!.member.name)).toEqual([2, 1, 0, 1, 0, 0]);
    expect(await exportsOf(call.id)).toContain('call.export_workload');
  });
});
