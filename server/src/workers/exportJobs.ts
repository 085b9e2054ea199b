import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportJob, ExportResult } from '../exports/exportJob';
import { ledgerFromRows } from '../exports/ledgerWorkbook';
import type { SheetSpec, WorkbookSpec } from '../exports/workbookSpec';

/**
 * The export worker (a piscina pool, `exports/renderWorkbook.ts`): writes a workbook given as
 * plain data to xlsx with exceljs's streaming writer, whose zip is archiver over Node's native
 * zlib — the in-memory writer deflates in JavaScript on the calling thread. Rows are committed as
 * they are written, so a long ledger never holds its whole sheet model.
 */
export default async function runExportJob(job: ExportJob): Promise<ExportResult> {
  const spec = job.kind === 'ledger' ? ledgerFromRows(job.unitName, job.ledger, job.now).spec : job.spec;
  return { bytes: await writeWorkbook(spec), lines: spec.sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0) };
}

const PLAIN_BY_TYPE = new Map<ExcelJS.ValueType, Partial<ExcelJS.Style>>();

async function writeWorkbook(spec: WorkbookSpec): Promise<Uint8Array> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: true });
  // As the in-memory Workbook wrote them: the author only when given, no "last modified by".
  workbook.creator = spec.creator as string;
  workbook.lastModifiedBy = undefined as unknown as string;
  for (const sheet of spec.sheets) writeSheet(workbook, sheet);
  await workbook.commit();
  return Buffer.concat(chunks);
}

function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, spec: SheetSpec): void {
  const sheet = workbook.addWorksheet(spec.name, {
    views: spec.frozenHeader ? [{ state: 'frozen', ySplit: 1 }] : [],
  });
  sheet.columns = spec.columns;
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  for (const values of spec.rows) {
    const row = sheet.addRow(values);
    // exceljs gives every cell a style object of its own, and renders each one's style XML to find
    // its id — a third of writing a 台账. The body's cells share one plain style per kind of value
    // (a date's carries its number format; exceljs keeps an id per style object), found once.
    row.eachCell((cell) => {
      let plain = PLAIN_BY_TYPE.get(cell.type);
      if (!plain) PLAIN_BY_TYPE.set(cell.type, (plain = {}));
      cell.style = plain;
    });
    row.commit();
  }
  sheet.commit();
}
