/**
 * A workbook as plain data: what a route hands to the export worker (`workers/exportJobs.ts`),
 * which writes it as xlsx off the thread that answers requests. Only structured-clone values
 * cross the thread boundary, so cells are strings, numbers, dates or empty.
 */
export type CellValue = string | number | boolean | Date | null;

export interface ColumnSpec {
  header: string;
  /** Lets rows be given as objects keyed like the columns. */
  key?: string;
  width?: number;
}

export interface SheetSpec {
  name: string;
  columns: ColumnSpec[];
  /** Arrays in column order, or objects keyed by the columns' keys. */
  rows: Array<CellValue[] | Record<string, CellValue>>;
  /** The header row stays in view while scrolling (every export but the roster, which imports back). */
  frozenHeader: boolean;
}

export interface WorkbookSpec {
  /** The workbook's author property (a unit's name); none when absent. */
  creator?: string;
  sheets: SheetSpec[];
}

/** A sheet with a bold, frozen header row, as every export's sheets but the roster's. */
export function sheetSpec(name: string, columns: ColumnSpec[], rows: SheetSpec['rows'] = []): SheetSpec {
  return { name, columns, rows, frozenHeader: true };
}
