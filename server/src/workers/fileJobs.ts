import { parentPort } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { getDocumentProxy } from 'unpdf';
import { pageParagraphs, type PdfTextItem } from '../bulletinImport/formats/pdfLines';

/**
 * The work on uploaded files that can take seconds or much memory: Office and PDF libraries.
 * It runs here, in a worker thread with a heap limit and a deadline (`runFileJob.ts`), never on the
 * thread that answers requests. Each job takes and returns plain data.
 */

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

export const fileJobs = {
  /** The first sheet of a workbook as rows of trimmed cell texts; null when it has no sheet. */
  async readXlsxRows(data: Uint8Array): Promise<Array<{ rowNumber: number; cells: string[] }> | null> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) return null;
    const rows: Array<{ rowNumber: number; cells: string[] }> = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      for (let column = 1; column <= row.cellCount; column += 1) cells.push(cellText(row.getCell(column).value).trim());
      rows.push({ rowNumber, cells });
    });
    return rows;
  },

  /** A Word document as mammoth's HTML, images left out. */
  async readDocxHtml(data: Uint8Array): Promise<string> {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(data) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    return result.value;
  },

  /**
   * A PDF's text layer as paragraphs (pdf.js through unpdf), at most `maxPages` pages; an image-only
   * (scanned) PDF answers no paragraphs. Broken or encrypted PDFs fail as the job's own error.
   */
  async readPdfText(input: { data: Uint8Array; maxPages: number }): Promise<{ pages: number; paragraphs: string[] }> {
    const pdf = await getDocumentProxy(input.data);
    try {
      if (pdf.numPages > input.maxPages) return { pages: pdf.numPages, paragraphs: [] };
      const paragraphs: string[] = [];
      for (let number = 1; number <= pdf.numPages; number += 1) {
        const page = await pdf.getPage(number);
        const content = await page.getTextContent();
        const items: PdfTextItem[] = [];
        for (const item of content.items) {
          if (!('str' in item)) continue;
          items.push({
            str: item.str,
            x: item.transform[4] as number,
            y: item.transform[5] as number,
            width: item.width,
            height: item.height || Math.abs(item.transform[3] as number),
            hasEOL: item.hasEOL,
          });
        }
        const [left, , right] = page.view as [number, number, number, number];
        paragraphs.push(...pageParagraphs(items, right - left));
        page.cleanup();
      }
      return { pages: pdf.numPages, paragraphs };
    } finally {
      // The worker ends after the job, which frees the document; cleanup() drops page caches sooner.
      await pdf.cleanup();
    }
  },

  /** Loads a zip and writes it again with some entries replaced or removed (docx metadata). */
  async rewriteZip(input: { data: Uint8Array; replace: Record<string, string>; remove: string[] }): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(input.data);
    for (const [name, content] of Object.entries(input.replace)) zip.file(name, content);
    for (const name of input.remove) zip.remove(name);
    // Entries left as they were keep their compressed bytes: JSZip copies them without inflating.
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  },

  /** A PDF without its document information dictionary (author, creator …) and XMP packet. */
  async stripPdfInfo(data: Uint8Array): Promise<Uint8Array> {
    const pdf = await PDFDocument.load(data, { updateMetadata: false });
    // Unreferenced objects would still be written out, so the objects themselves are deleted.
    const info = pdf.context.trailerInfo.Info;
    if (info instanceof PDFRef) pdf.context.delete(info);
    pdf.context.trailerInfo.Info = undefined;
    const metadata = pdf.catalog.get(PDFName.of('Metadata'));
    if (metadata instanceof PDFRef) pdf.context.delete(metadata);
    pdf.catalog.delete(PDFName.of('Metadata'));
    return pdf.save();
  },
};

export type FileJobs = typeof fileJobs;
export type FileJobName = keyof FileJobs;

/** What a job failed with, as data: the thread boundary carries no classes. */
export interface FileJobFailure {
  failed: true;
  name: string;
  message: string;
}

parentPort?.on('message', async (message: { job: FileJobName; input: unknown }) => {
  try {
    const run = fileJobs[message.job] as (input: unknown) => Promise<unknown>;
    const result = await run(message.input);
    const transfer = result instanceof Uint8Array ? [result.buffer as ArrayBuffer] : [];
    parentPort!.postMessage({ result }, transfer);
  } catch (error) {
    const failure: FileJobFailure = {
      failed: true,
      name: (error as Error)?.name ?? 'Error',
      message: String((error as Error)?.message ?? error),
    };
    parentPort!.postMessage({ failure });
  }
});
