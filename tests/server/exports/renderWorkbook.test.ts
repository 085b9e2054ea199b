import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeExportPool, renderWorkbook } from '../../../server/src/exports/renderWorkbook';
import { sheetSpec, type WorkbookSpec } from '../../../server/src/exports/workbookSpec';

/** How every export wrote its workbook before the worker: exceljs's in-memory Workbook on the main thread. */
async function inMemory(spec: WorkbookSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheetSpec of spec.sheets) {
    const sheet = workbook.addWorksheet(sheetSpec.name);
    sheet.columns = sheetSpec.columns;
    sheet.getRow(1).font = { bold: true };
    if (sheetSpec.frozenHeader) sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of sheetSpec.rows) sheet.addRow(row);
  }
  if (spec.creator) workbook.creator = spec.creator;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** What a reader of the file sees: sheets, their cells, column widths, header style and frozen panes. */
async function content(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return {
    creator: workbook.creator,
    sheets: workbook.worksheets.map((sheet) => ({
      name: sheet.name,
      values: sheet.getSheetValues(),
      widths: sheet.columns.map((column) => column.width),
      headerBold: sheet.getRow(1).font?.bold ?? false,
      frozen: (sheet.views ?? []).map((view) => ({ state: view.state, ySplit: (view as { ySplit?: number }).ySplit })),
    })),
  };
}

afterAll(() => closeExportPool());

describe('renderWorkbook', () => {
  it('writes on the export worker what the in-memory workbook wrote: cells, widths, bold frozen headers', async () => {
    const spec: WorkbookSpec = {
      creator: '甲单位',
      sheets: [
        sheetSpec(
          '活动台账',
          [
            { header: '活动时间', width: 18 },
            { header: '姓名', width: 10 },
            { header: '活动积分', width: 10 },
            { header: '签到', width: 20 },
          ],
          [
            ['2026-10-15 14:00', '甲党员1', 1, new Date('2026-10-15T06:15:00Z')],
            ['2026-10-15 14:00', '外单位嘉宾', 0, null],
            ['2026-10-25 14:00', '', 2.5, ''],
          ],
        ),
        {
          name: '党员名册',
          columns: [
            { header: '姓名', key: 'name', width: 12 },
            { header: '手机号', key: 'phone', width: 16 },
          ],
          rows: [
            { name: '王建华', phone: '13800000001' },
            { phone: '13800000002', name: '李青' },
          ],
          frozenHeader: false,
        },
      ],
    };
    const streamed = await content(await renderWorkbook(spec));
    expect(streamed.sheets.map((sheet) => sheet.name)).toEqual(['活动台账', '党员名册']);
    expect(streamed.sheets[0]!.values[2]).toEqual([undefined, '2026-10-15 14:00', '甲党员1', 1, new Date('2026-10-15T06:15:00Z')]);
    expect(streamed).toEqual(await content(await inMemory(spec)));
  });

  it('writes four workbooks at once, each its own', async () => {
    const specs = [1, 2, 3, 4].map((n) => ({
      sheets: [
        sheetSpec(
          `表${n}`,
          [{ header: '序号' }],
          Array.from({ length: 500 * n }, (_, i) => [i + 1]),
        ),
      ],
    }));
    const files = await Promise.all(specs.map((spec) => renderWorkbook(spec)));
    const read = await Promise.all(files.map(content));
    expect(read.map((file) => [file.sheets[0]!.name, file.sheets[0]!.values.length - 2])).toEqual([
      ['表1', 500],
      ['表2', 1000],
      ['表3', 1500],
      ['表4', 2000],
    ]);
  });
});
