import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { importRefused, type BulletinImportError } from './errors';
import { checkZip, countOccurrences, tooComplex } from '../files/zipArchive';
import { FileJobError, runFileJob } from '../workers/runFileJob';
import { detectFormat } from './formats/detectFormat';
import { defaultOfficeConverter, type OfficeConverter } from './formats/officeConverter';

/**
 * Reads a newsletter (a file or an upload) into line-based text: `.txt` as UTF-8 (or GB18030,
 * what Chinese Windows saves), `.docx` through mammoth, `.doc` and `.wps` converted to .docx by
 * LibreOffice first, PDF through its text layer (paragraphs joined back from wrapped lines). From the Word document, paragraphs become lines separated by a
 * blank line, bold runs become `**…**` and list items `- …` — the same form as the converted
 * samples, so one parser reads both.
 */

const BROKEN_DOCX = 'Word 文件已损坏或不是有效的 .docx 文件';
const OLD_OFFICE = '这是旧版 Excel 或 PowerPoint 文件，不是简报；请使用 Word、WPS、PDF 或文本文件';
const SUPPORTED = '请使用 .docx、.doc、.wps、.pdf 或 .txt 文件';
const BROKEN_PDF = 'PDF 文件已损坏、加密或无法读取';
const SCANNED_PDF = '这份 PDF 没有文字层（扫描件或图片），无法读出文字；请使用 Word 原稿，或先做文字识别（OCR）后再导入';

function decodeText(buffer: Buffer): string {
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(buffer);
    } catch {
      // try the next encoding
    }
  }
  throw importRefused.unreadable('无法识别文件的文字编码（应为 UTF-8 或 GB18030）');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** mammoth's HTML (a small, well-formed subset) → the line form the parser reads. */
export function htmlToLines(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li[^>]*>/gi, '\n\n- ')
    .replace(/<\/(?:p|h[1-6]|li|td|th|tr|table|ul|ol)>/gi, '\n\n')
    .replace(/<\/?(?:strong|b)(?:\s[^>]*)?>/gi, '**')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(text)
    .replace(/\*\*\*\*/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * What a newsletter may make us read: a 50-page issue has a few thousand paragraphs and a
 * document part of a megabyte or two. Images are never inflated (the reader leaves them out).
 */
export const DOCX_LIMITS = {
  paragraphs: 50_000,
  zip: {
    maxEntries: 1_000,
    maxEntryBytes: 30 * 1024 * 1024,
    maxTotalBytes: 60 * 1024 * 1024,
    inflate: (name: string) => /\.(xml|rels)$/i.test(name),
  },
} as const;

/** A PDF newsletter has a few pages; hundreds would be a book, not an issue. */
export const PDF_LIMITS = { pages: 200 } as const;

async function readPdf(buffer: Buffer): Promise<string> {
  let read;
  try {
    read = await runFileJob('readPdfText', { data: new Uint8Array(buffer), maxPages: PDF_LIMITS.pages });
  } catch (error) {
    if (error instanceof FileJobError) throw importRefused.unreadable(BROKEN_PDF);
    throw error;
  }
  if (read.pages > PDF_LIMITS.pages) throw tooComplex(`PDF 最多 ${PDF_LIMITS.pages} 页`);
  const text = read.paragraphs.join('\n\n');
  if (text.replace(/[\s\u3000\uFEFF]/g, '') === '') throw importRefused.wrongType('pdf', SCANNED_PDF);
  return text;
}

/** Text lines the parser reads; far more than any issue, far less than a slow parse. */
export const TEXT_LIMITS = { characters: 2_000_000, lines: 100_000 } as const;

async function readDocx(buffer: Buffer): Promise<string> {
  const zip = await checkZip(buffer, DOCX_LIMITS.zip);
  const document = zip.read('word/document.xml');
  if (!document) throw importRefused.unreadable(BROKEN_DOCX);
  const paragraphs =
    countOccurrences(document, '<w:p>', DOCX_LIMITS.paragraphs) + countOccurrences(document, '<w:p ', DOCX_LIMITS.paragraphs);
  if (paragraphs > DOCX_LIMITS.paragraphs) throw tooComplex(`Word 文件最多 ${DOCX_LIMITS.paragraphs} 个段落`);
  try {
    return htmlToLines(await runFileJob('readDocxHtml', buffer));
  } catch (error) {
    if (error instanceof FileJobError) throw importRefused.unreadable(BROKEN_DOCX);
    throw error;
  }
}

function checkTextSize(text: string): string {
  if (text.length > TEXT_LIMITS.characters) throw tooComplex(`简报正文最多 ${TEXT_LIMITS.characters} 个字符`);
  if (countLines(text) > TEXT_LIMITS.lines) throw tooComplex(`简报最多 ${TEXT_LIMITS.lines} 行`);
  return text;
}

function countLines(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines += 1;
  return lines;
}

async function readBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw importRefused.unreadable('找不到文件');
    if (code === 'EISDIR') throw importRefused.unreadable('这是一个目录，不是文件');
    throw importRefused.unreadable(`无法读取文件（${code ?? '未知错误'}）`);
  }
}

/** Kinds `file-type` names that people are likely to pick by mistake, in words. */
const KIND_NAMES: Record<string, string> = {
  png: 'PNG 图片',
  jpg: 'JPEG 图片',
  gif: 'GIF 图片',
  webp: 'WebP 图片',
  bmp: 'BMP 图片',
  tif: 'TIFF 图片',
  xlsx: 'Excel 表格',
  pptx: 'PowerPoint 演示文稿',
  rtf: 'RTF 文档',
};

function unsupported(kind: string): BulletinImportError {
  const name = KIND_NAMES[kind] ?? `${kind} 文件`;
  return importRefused.wrongType(kind, `不支持的文件类型（${name}），${SUPPORTED}`);
}

export interface ReadOptions {
  /** LibreOffice for .doc and .wps; the one `SOFFICE_PATH` names unless given. */
  converter?: OfficeConverter;
}

/** C0 control characters other than tab, line breaks, form feed and the DOS end-of-file mark. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const BINARY_CONTROL = /[\u0000-\u0008\u000E-\u0019\u001B-\u001F]/;

/**
 * Reads an uploaded newsletter into line-based text, telling the format by content, not by name
 * (`detectFormat`): Word and WPS binaries go through LibreOffice, PDF through its text layer, a zip
 * must be a Word document, another recognised binary type (image, old Excel …) is refused, anything
 * else must be UTF-8 or GB18030 text. `filename` only sharpens the error for a broken .docx.
 */
export async function readBulletinBuffer(buffer: Buffer, filename = '', options: ReadOptions = {}): Promise<string> {
  if (buffer.length === 0) throw importRefused.empty('文件是空的');
  const format = detectFormat(buffer);
  if (format === 'ole-other') throw importRefused.wrongType('cfb', OLD_OFFICE);
  if (format === 'doc' || format === 'wps') {
    const docx = await (options.converter ?? defaultOfficeConverter()).toDocx(buffer, format);
    return checkRead(checkTextSize(await readDocx(docx)));
  }
  if (format === 'pdf') return checkRead(checkTextSize(await readPdf(buffer)));
  const detected = await fileTypeFromBuffer(buffer).catch(() => undefined);
  const isZip = format === 'docx' || format === 'zip';
  if (detected && (isZip ? ['xlsx', 'pptx', 'epub', 'jar', 'apk'].includes(detected.ext) : true)) throw unsupported(detected.ext);
  if (!isZip && extname(filename).toLowerCase() === '.docx') {
    throw importRefused.unreadable(BROKEN_DOCX);
  }
  const text = checkTextSize(isZip ? await readDocx(buffer) : decodeText(buffer));
  if (!isZip && BINARY_CONTROL.test(text)) {
    throw importRefused.wrongType(null, `文件不是文本，也不是 Word、WPS 或 PDF 文件，${SUPPORTED}`);
  }
  return checkRead(text);
}

function checkRead(text: string): string {
  if (text.replace(/[\s\u3000\uFEFF]/g, '') === '') throw importRefused.empty('文件中没有任何文字内容');
  return text;
}

/** The names a newsletter file may carry; the content decides how it is read. */
export const BULLETIN_EXTENSIONS = ['.docx', '.doc', '.wps', '.pdf', '.txt', '.text', ''] as const;

/** Reads a newsletter file from disk; the name must be one of `BULLETIN_EXTENSIONS`, the content decides. */
export async function readBulletinFile(file: string, options: ReadOptions = {}): Promise<string> {
  const extension = extname(file).toLowerCase();
  if (!(BULLETIN_EXTENSIONS as readonly string[]).includes(extension)) {
    throw importRefused.wrongType(extension.slice(1), `不支持的文件类型（${extension}），${SUPPORTED}`);
  }
  return readBulletinBuffer(await readBytes(file), file, options);
}
