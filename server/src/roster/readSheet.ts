import { parse as parseCsv } from 'csv-parse/sync';
import { fileTypeFromBuffer } from 'file-type';
import { uploadRefusals } from '@zhijian/shared';
import { refuse } from '../errors';
import { checkZip, countOccurrences, tooComplex } from '../files/zipArchive';
import { FileJobError, runFileJob } from '../workers/runFileJob';

/** A sheet as rows of trimmed cell texts; `rowNumber` is what the spreadsheet program shows. */
export interface SheetRow {
  rowNumber: number;
  cells: string[];
}

/** A roster is a unit's members: the largest unit has a few hundred. These bound what a file may make us do. */
export const SHEET_LIMITS = { rows: 5_000, columns: 50, sharedStrings: 100_000 } as const;

const XLSX_ZIP_LIMITS = {
  maxEntries: 200,
  maxEntryBytes: 20 * 1024 * 1024,
  maxTotalBytes: 40 * 1024 * 1024,
};

/** The parts of a workbook that carry rows and strings, counted before any library sees the file. */
async function checkWorkbookSize(buffer: Buffer): Promise<void> {
  const zip = await checkZip(buffer, XLSX_ZIP_LIMITS);
  for (const entry of zip.entries) {
    const bytes = zip.read(entry.name);
    if (!bytes) continue;
    if (
      /^xl\/worksheets\/[^/]+\.xml$/.test(entry.name) &&
      countOccurrences(bytes, '<row ', SHEET_LIMITS.rows + 1) > SHEET_LIMITS.rows + 1
    ) {
      throw tooComplex(`名册最多 ${SHEET_LIMITS.rows} 行`);
    }
    if (entry.name === 'xl/sharedStrings.xml' && countOccurrences(bytes, '<si>', SHEET_LIMITS.sharedStrings) > SHEET_LIMITS.sharedStrings) {
      throw tooComplex(`表格中的文字条目最多 ${SHEET_LIMITS.sharedStrings} 条`);
    }
  }
}

async function readXlsx(buffer: Buffer): Promise<SheetRow[]> {
  await checkWorkbookSize(buffer);
  let rows: SheetRow[] | null;
  try {
    rows = await runFileJob('readXlsxRows', buffer);
  } catch (error) {
    if (error instanceof FileJobError) throw refuse(uploadRefusals.file_unreadable, {}, 'Excel 文件已损坏或无法读取');
    throw error;
  }
  if (!rows) throw refuse(uploadRefusals.file_unreadable, {}, 'Excel 文件中没有工作表');
  return rows;
}

function checkRows(rows: SheetRow[]): SheetRow[] {
  if (rows.length > SHEET_LIMITS.rows + 1) throw tooComplex(`名册最多 ${SHEET_LIMITS.rows} 行`);
  if (rows.some((row) => row.cells.length > SHEET_LIMITS.columns)) throw tooComplex(`名册最多 ${SHEET_LIMITS.columns} 列`);
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
    // One record past the limit is enough to know the file is too long.
    records = parseCsv(text, { bom: true, relax_column_count: true, skip_empty_lines: false, to: SHEET_LIMITS.rows + 2 });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw refuse(uploadRefusals.file_unreadable, {}, `CSV 文件${line ? `第 ${line} 行` : ''}格式有误（例如引号没有成对）`);
  }
  return checkRows(records.map((cells, index) => ({ rowNumber: index + 1, cells: cells.map((cell) => cell.trim()) })));
}

/** Reads an uploaded roster by its content, never by its name: xlsx (a zip) or CSV text. */
export async function readSheet(buffer: Buffer): Promise<SheetRow[]> {
  if (buffer.length === 0) throw refuse(uploadRefusals.file_empty);
  const type = await fileTypeFromBuffer(buffer);
  if (type?.ext === 'xlsx') return checkRows(await readXlsx(buffer));
  if (type) throw refuse(uploadRefusals.file_type_refused, { detected: type.mime }, `不支持的文件类型（${type.ext}），请上传 xlsx 或 CSV`);
  return readCsv(buffer);
}
