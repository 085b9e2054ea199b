import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';

/**
 * Fixtures in the formats offices keep, made by the tests from a .docx twin with LibreOffice
 * (`soffice --convert-to`), cached by content under the temporary directory so a second run
 * does not convert again.
 */

const run = promisify(execFile);
const CACHE = path.join(tmpdir(), 'zhijian-office-fixtures');

export const SOFFICE = process.env.SOFFICE_PATH || '/usr/bin/soffice';
export const hasSoffice = existsSync(SOFFICE);

/**
 * `target` is a LibreOffice output format: `doc` (Word 97), `pdf`, or `wps`. LibreOffice has no WPS
 * export filter of its own: asked for `wps` it writes Word 97 binary under that name, which is what
 * WPS Office (2005 on) itself saves as .wps; Kingsoft's older own format cannot be made here.
 */
export async function convertDocx(docx: Buffer, target: 'doc' | 'pdf' | 'wps'): Promise<Buffer> {
  const key = createHash('sha256').update(docx).digest('hex').slice(0, 24);
  const cached = path.join(CACHE, `${key}.${target}`);
  if (existsSync(cached)) return readFile(cached);
  await mkdir(CACHE, { recursive: true });
  const work = await mkdtemp(path.join(CACHE, 'work-'));
  try {
    const source = path.join(work, 'twin.docx');
    await writeFile(source, docx);
    await run(SOFFICE, [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', target, '--outdir', work, source], {
      timeout: 120_000,
    });
    const made = await readFile(path.join(work, `twin.${target}`));
    await writeFile(cached, made);
    return made;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** A one-page PDF holding nothing but a picture of text (a scan): no text layer. */
export async function imageOnlyPdf(): Promise<Buffer> {
  const png = await sharp({ create: { width: 400, height: 560, channels: 3, background: { r: 250, g: 250, b: 245 } } })
    .composite([
      { input: Buffer.from('<svg width="300" height="40"><rect width="300" height="40" fill="#333"/></svg>'), top: 60, left: 50 },
    ])
    .png()
    .toBuffer();
  const pdf = await PDFDocument.create();
  const image = await pdf.embedPng(png);
  const page = pdf.addPage([400, 560]);
  page.drawImage(image, { x: 0, y: 0, width: 400, height: 560 });
  return Buffer.from(await pdf.save());
}
