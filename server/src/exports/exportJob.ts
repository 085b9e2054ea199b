import type { LiveListRows } from '../queries/activities';
import type { WorkbookSpec } from './workbookSpec';

/**
 * What the export worker is asked to write: a workbook already laid out, or a 台账 from its rows as
 * loaded — presenting thousands of live-list entries and formatting their times is itself tens of
 * milliseconds of CPU, better spent off the thread that answers requests.
 */
export type ExportJob = { kind: 'workbook'; spec: WorkbookSpec } | { kind: 'ledger'; unitName: string; ledger: LiveListRows[]; now: Date };

export interface ExportResult {
  bytes: Uint8Array;
  /** Data rows written (the 台账's lines, for its audit entry). */
  lines: number;
}
