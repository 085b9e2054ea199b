import { UPLOAD_LIMITS, uploadRefusals } from '@zhijian/shared';
import { fileTypeFromBuffer } from 'file-type';
import JSZip from 'jszip';
import { PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { refuse } from '../errors';
import type { ProcessedFile } from './processImage';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Word keeps author, last editor and company in docProps; a blank core part is valid OOXML. */
const BLANK_CORE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"></cp:coreProperties>`;

async function stripDocx(upload: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(upload).catch(() => {
    throw refuse(uploadRefusals.file_unreadable, {}, 'Word 文档已损坏或无法读取');
  });
  if (!zip.file('word/document.xml')) {
    throw refuse(uploadRefusals.file_type_refused, { detected: 'application/zip' }, '附件不是有效的 Word（.docx）文档');
  }
  if (zip.file('docProps/core.xml')) zip.file('docProps/core.xml', BLANK_CORE);
  const app = zip.file('docProps/app.xml');
  if (app) {
    const xml = await app.async('string');
    zip.file('docProps/app.xml', xml.replace(/<(Company|Manager)>[\s\S]*?<\/\1>|<(Company|Manager)\s*\/>/g, ''));
  }
  // Custom properties and the list of comment authors name people too.
  zip.remove('docProps/custom.xml');
  zip.remove('word/people.xml');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function stripPdf(upload: Buffer): Promise<Buffer> {
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(upload, { updateMetadata: false });
  } catch (error) {
    // pdf-lib names the problem only in its error class and message.
    const encrypted = error instanceof Error && /encrypt/i.test(error.name + error.message);
    throw encrypted ? refuse(uploadRefusals.file_encrypted) : refuse(uploadRefusals.file_unreadable, {}, 'PDF 已损坏或无法读取');
  }
  // The document information dictionary (author, creator …) and the XMP packet both go.
  // Unreferenced objects would still be written out, so the objects themselves are deleted.
  const info = pdf.context.trailerInfo.Info;
  if (info instanceof PDFRef) pdf.context.delete(info);
  pdf.context.trailerInfo.Info = undefined;
  const metadata = pdf.catalog.get(PDFName.of('Metadata'));
  if (metadata instanceof PDFRef) pdf.context.delete(metadata);
  pdf.catalog.delete(PDFName.of('Metadata'));
  return Buffer.from(await pdf.save());
}

/**
 * An attachment (Word .docx or PDF), checked by its content and stripped of the metadata that
 * names its author or organisation, so an assigned reviewer cannot tell the unit from it.
 */
export async function processAttachment(upload: Buffer): Promise<ProcessedFile> {
  if (upload.length === 0) throw refuse(uploadRefusals.file_empty);
  const type = await fileTypeFromBuffer(upload);
  const allowed: readonly string[] = UPLOAD_LIMITS.attachmentTypes;
  if (!type || !allowed.includes(type.mime)) {
    throw refuse(uploadRefusals.file_type_refused, { detected: type?.mime ?? null }, '附件只能是 Word（.docx）或 PDF 文件');
  }
  const data = type.mime === DOCX ? await stripDocx(upload) : await stripPdf(upload);
  return { data, mimeType: type.mime, extension: type.ext, width: null, height: null };
}
