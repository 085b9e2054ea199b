import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import { uploadRefusals } from '@zhijian/shared';
import { refuse } from '../errors';

/** A sheet as rows of trimmed cell texts; `rowNumber` is what the spreadsheet program shows. */
export interface SheetRow {
  rowNumber: number;
  cells: string[];
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return String(value.result ?? '');
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value);
}

async function readXlsx(buffer: Buffer): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw refuse(uploadRefusals.file_unreadable, {}, 'Excel 文件已损坏或无法读取');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw refuse(uploadRefusals.file_unreadable, {}, 'Excel 文件中没有工作表');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column += 1) cells.push(cellText(row.getCell(column).value).trim());
    rows.push({ rowNumber, cells });
  });
  return rows;
}

/** Excel on Chinese Windows saves CSV as GB18030, everything else as UTF-8. */
function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(buffer);
    } catch {
      throw refuse(uploadRefusals.file_type_refused, { detected: null }, '文件不是 Excel（xlsx）或 CSV 文本');
    }
  }
}

function readCsv(buffer: Buffer): SheetRow[] {
  const text = decodeText(buffer);
  let records: string[][];
  try {
    records = parseCsv(text, { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    throw refuse(uploadRefusals.file_unreadable, {}, `CSV 文件格式有误：${(error as Error).message}`);
  }
  return records.map((cells, index) => ({ rowNumber: index + 1, cells: cells.map((cell) => cell.trim()) }));
}

/** Reads an uploaded roster by its content, never by its name: xlsx (a zip) or CSV text. */
export async function readSheet(buffer: Buffer): Promise<SheetRow[]> {
  if (buffer.length === 0) throw refuse(uploadRefusals.file_empty);
  const type = await fileTypeFromBuffer(buffer);
  if (type?.ext === 'xlsx') return readXlsx(buffer);
  if (type) throw refuse(uploadRefusals.file_type_refused, { detected: type.mime }, `不支持的文件类型（${type.ext}），请上传 xlsx 或 CSV`);
  return readCsv(buffer);
}
