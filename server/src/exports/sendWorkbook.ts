import type { Context } from 'koa';
import { renderWorkbook } from './renderWorkbook';
import type { WorkbookSpec } from './workbookSpec';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Answers with the workbook as a download named in Chinese (RFC 5987) with an ASCII fallback.
 * The xlsx is written by the export worker (`renderWorkbook`), not on this thread.
 */
export async function sendWorkbook(koa: Context, spec: WorkbookSpec, filename: string, asciiName: string): Promise<void> {
  sendXlsx(koa, await renderWorkbook(spec), filename, asciiName);
}

/** Answers with xlsx bytes already written, as `sendWorkbook` does. */
export function sendXlsx(koa: Context, body: Buffer, filename: string, asciiName: string): void {
  koa.set('Content-Disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
  koa.set('Cache-Control', 'no-store');
  koa.type = XLSX_TYPE;
  koa.body = body;
}
