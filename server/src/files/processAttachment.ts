import { UPLOAD_LIMITS, uploadRefusals } from '@zhijian/shared';
import { fileTypeFromBuffer } from 'file-type';
import { refuse } from '../errors';
import { FileJobError, runFileJob } from '../workers/runFileJob';
import { checkZip } from './zipArchive';
import type { ProcessedFile } from './processImage';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Word keeps author, last editor and company in docProps; a blank core part is valid OOXML. */
const BLANK_CORE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"></cp:coreProperties>`;

/**
 * What an attachment may make us inflate: its XML parts (a long report's document part is a few
 * megabytes), the properties that we rewrite (kilobytes in any real file). Images and other media
 * are never inflated here, and the rewrite copies them as they are.
 */
const DOCX_ATTACHMENT_LIMITS = {
  maxEntries: 2_000,
  maxEntryBytes: 30 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
  entryCaps: { 'docProps/app.xml': 1024 * 1024, 'docProps/core.xml': 1024 * 1024, 'docProps/custom.xml': 1024 * 1024 },
  inflate: (name: string) => /\.(xml|rels)$/i.test(name),
};

async function stripDocx(upload: Buffer): Promise<Buffer> {
  const zip = await checkZip(upload, DOCX_ATTACHMENT_LIMITS);
  const names = new Set(zip.entries.map((entry) => entry.name));
  if (!names.has('word/document.xml')) {
    throw refuse(uploadRefusals.file_type_refused, { detected: 'application/zip' }, '附件不是有效的 Word（.docx）文档');
  }
  const replace: Record<string, string> = {};
  if (names.has('docProps/core.xml')) replace['docProps/core.xml'] = BLANK_CORE;
  const app = zip.read('docProps/app.xml');
  if (app) replace['docProps/app.xml'] = app.toString('utf8').replace(/<(Company|Manager)>[\s\S]*?<\/\1>|<(Company|Manager)\s*\/>/g, '');
  // Custom properties and the list of comment authors name people too.
  const remove = ['docProps/custom.xml', 'word/people.xml'].filter((name) => names.has(name));
  try {
    return Buffer.from(await runFileJob('rewriteZip', { data: upload, replace, remove }));
  } catch (error) {
    if (error instanceof FileJobError) throw refuse(uploadRefusals.file_unreadable, {}, 'Word 文档已损坏或无法读取');
    throw error;
  }
}

async function stripPdf(upload: Buffer): Promise<Buffer> {
  try {
    return Buffer.from(await runFileJob('stripPdfInfo', upload));
  } catch (error) {
    if (!(error instanceof FileJobError)) throw error;
    // pdf-lib names the problem only in its error class and message.
    const encrypted = /encrypt/i.test(error.failure.name + error.failure.message);
    throw encrypted ? refuse(uploadRefusals.file_encrypted) : refuse(uploadRefusals.file_unreadable, {}, 'PDF 已损坏或无法读取');
  }
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
