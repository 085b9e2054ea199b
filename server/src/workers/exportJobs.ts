import type { ExportJob, ExportResult } from '../exports/exportJob';
import { ledgerFromRows } from '../exports/ledgerWorkbook';
import { writeXlsx } from '../exports/xlsxWriter';

/**
 * The export worker (a piscina pool, `exports/renderWorkbook.ts`): writes a workbook given as
 * plain data to xlsx (`exports/xlsxWriter.ts`), presenting a 台账's rows first.
 */
export default async function runExportJob(job: ExportJob): Promise<ExportResult> {
  const spec = job.kind === 'ledger' ? ledgerFromRows(job.unitName, job.ledger, job.now).spec : job.spec;
  return { bytes: await writeXlsx(spec), lines: spec.sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0) };
}
