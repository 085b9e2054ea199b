import type ExcelJS from 'exceljs';
import type { Context } from 'koa';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A sheet with a bold header row from column definitions. */
export function addSheet(workbook: ExcelJS.Workbook, name: string, columns: Partial<ExcelJS.Column>[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return sheet;
}

/** Answers with the workbook as a download named in Chinese (RFC 5987) with an ASCII fallback. */
export async function sendWorkbook(koa: Context, workbook: ExcelJS.Workbook, filename: string, asciiName: string): Promise<void> {
  koa.set('Content-Disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
  koa.set('Cache-Control', 'no-store');
  koa.type = XLSX_TYPE;
  koa.body = Buffer.from(await workbook.xlsx.writeBuffer());
}
