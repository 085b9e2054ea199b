import { api, commonRefusals, ERROR_STATUS, ErrorBody, type BatchReport } from '@zhijian/shared';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signedInMember } from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const REPORT: BatchReport = {
  items: [
    {
      name: '简报-01.docx',
      outcome: 'created',
      label: '2013 年第 1 期（总第 1 期）',
      issueId: 1,
      articles: 3,
      why: null,
      warnings: ['没有读出日期'],
    },
    {
      name: '简报-01-副本.doc',
      outcome: 'skipped',
      label: '2013 年第 1 期（总第 1 期）',
      issueId: null,
      articles: 3,
      why: '与 简报-01.docx 同为总第 1 期',
      warnings: [],
    },
    { name: '扫描件.pdf', outcome: 'refused', label: '', issueId: null, articles: 0, why: '这份 PDF 没有文字层', warnings: [] },
  ],
};

async function post(headers: Record<string, string>, body: unknown) {
  const url = `${server.url}${api.bulletins.importReport.path}`;
  return fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('POST /api/bulletins/import/report', () => {
  it('should require authentication and the secretariat role', async () => {
    const anonymous = await post({}, REPORT);
    expect(anonymous.status).toBe(ERROR_STATUS[commonRefusals.unauthorized.code]);
    const { client } = await signedInMember(server, ['unit_admin']);
    const admin = await post(client.headers(), REPORT);
    expect(admin.status).toBe(403);
    expect(ErrorBody.parse(await admin.json()).error.details.reason).toBe(commonRefusals.forbidden.reason);
  });

  it('answers the report as a workbook: one row per file and the totals', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const response = await post(client.headers(), REPORT);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('bulletin-import-report.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
    const rows = workbook.getWorksheet('导入报告')!.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((row) => row.slice(1, 5))).toEqual([
      ['简报-01.docx', '新建', '2013 年第 1 期（总第 1 期）', 3],
      ['简报-01-副本.doc', '跳过', '2013 年第 1 期（总第 1 期）', 3],
      ['扫描件.pdf', '未能导入', '', 0],
    ]);
    const totals = workbook.getWorksheet('合计')!.getSheetValues().slice(2) as unknown[][];
    expect(totals.map((row) => row.slice(1, 3))).toEqual([
      ['新建', 1],
      ['更新', 0],
      ['跳过', 1],
      ['未能导入', 1],
      ['文章', 3],
      ['未处理的提示', 1],
    ]);
  });

  it('refuses a report with no files as bad input', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const response = await post(client.headers(), { items: [] });
    expect(response.status).toBe(400);
    expect(ErrorBody.parse(await response.json()).error.details.reason).toBe(commonRefusals.invalid_fields.reason);
  });
});
