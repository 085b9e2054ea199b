import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../../server/src/exports/xlsxWriter';
import { sheetSpec } from '../../../server/src/exports/workbookSpec';

async function read(written: Promise<Buffer>) {
  const bytes = await written;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('writeXlsx', () => {
  it('keeps text as written: markup characters, white space at either end, line breaks; drops what XML cannot hold', async () => {
    const texts = ['<b>甲 & 乙</b> "引号"', '  前后空格  ', '第一行\n第二行', 'a\u0001b\u001fc'];
    const workbook = await read(
      writeXlsx({
        sheets: [
          sheetSpec(
            '文本',
            [{ header: '内容' }],
            texts.map((text) => [text]),
          ),
        ],
      }),
    );
    const values = workbook.getWorksheet('文本')!.getColumn(1).values.slice(2);
    expect(values).toEqual(['<b>甲 & 乙</b> "引号"', '  前后空格  ', '第一行\n第二行', 'abc']);
  });

  it('writes numbers, booleans and dates as such, and leaves empty what has no value', async () => {
    const at = new Date('2026-10-15T06:15:30Z');
    const workbook = await read(
      writeXlsx({
        sheets: [
          sheetSpec(
            '值',
            ['整数', '小数', '是否', '时间', '空', '非数'].map((header) => ({ header })),
            [
              [3, -2.25, true, at, null, Number.NaN],
              [0, 1e-7, false, new Date(Number.NaN), '', Number.POSITIVE_INFINITY],
            ],
          ),
        ],
      }),
    );
    const sheet = workbook.getWorksheet('值')!;
    expect(sheet.getRow(2).values).toEqual([undefined, 3, -2.25, true, at]);
    expect(sheet.getRow(3).values).toEqual([undefined, 0, 1e-7, false, undefined, '']);
  });

  it('names columns past Z, sets their widths, and takes object rows by the columns’ keys', async () => {
    const columns = Array.from({ length: 28 }, (_, index) => ({ header: `列${index + 1}`, key: `k${index}`, width: 5 + index }));
    const row = Object.fromEntries(columns.map((column, index) => [column.key, index]));
    const workbook = await read(writeXlsx({ creator: '甲单位', sheets: [sheetSpec('宽表', columns, [row])] }));
    const sheet = workbook.getWorksheet('宽表')!;
    expect(workbook.creator).toBe('甲单位');
    expect(sheet.getCell('AB1').value).toBe('列28');
    expect(sheet.getCell('AB2').value).toBe(27);
    expect(sheet.getColumn(28).width).toBe(32);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).font?.bold).toBeFalsy();
  });

  it('writes a sheet of only its header, and a workbook without an author', async () => {
    const workbook = await read(writeXlsx({ sheets: [{ ...sheetSpec('空表', [{ header: '姓名', width: 10 }]), frozenHeader: false }] }));
    const sheet = workbook.getWorksheet('空表')!;
    expect(workbook.creator).toBeUndefined();
    expect(sheet.getSheetValues().slice(1)).toEqual([[undefined, '姓名']]);
    expect((sheet.views ?? []).some((view) => view.state === 'frozen')).toBe(false);
  });
});
