import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { uploadRefusals } from '@zhijian/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBulletinBuffer, toDryRunDocument } from '../../../server/src/bulletinImport';
import { detectFormat } from '../../../server/src/bulletinImport/formats/detectFormat';
import { officeConverter } from '../../../server/src/bulletinImport/formats/officeConverter';
import { convertDocx, hasSoffice, imageOnlyPdf, SOFFICE } from '../../support/officeFixtures';
import { buildDocx, seed } from '../bulletinImport/helpers';

/**
 * Each format offices keep reads to the same issue as its .docx twin: the twin is a sample issue
 * (seeds) written as a Word document; LibreOffice turns it into Word 97 (.doc), a .wps and a PDF.
 */

const converter = officeConverter({ path: SOFFICE });
let docx: Buffer;
const twins: Record<'doc' | 'wps' | 'pdf', Buffer> = {} as never;

beforeAll(async () => {
  const lines = (await readFile(seed('bulletin-2016-02-no36.txt'), 'utf8')).split('\n').filter((line) => line.trim() !== '');
  docx = await buildDocx(lines, { bodyStyle: true });
  for (const target of ['doc', 'wps', 'pdf'] as const) twins[target] = await convertDocx(docx, target);
}, 120_000);

async function read(buffer: Buffer, name: string) {
  return toDryRunDocument(await parseBulletinBuffer(buffer, name, {}, { converter }));
}

describe.runIf(hasSoffice)('formats read to the same issue as their .docx twin', () => {
  it('tells each format by its content', () => {
    expect(detectFormat(docx)).toBe('docx');
    expect(detectFormat(twins.doc)).toBe('doc');
    expect(detectFormat(twins.pdf)).toBe('pdf');
    expect(detectFormat(Buffer.from('2016 年第 2 期 总第 36 期'))).toBe('text');
  });

  it.each(['doc', 'wps', 'pdf'] as const)(
    'reads the %s twin to the same issue',
    async (format) => {
      const expected = await read(docx, 'twin.docx');
      expect(expected.issue.totalNumber).toBe(36);
      expect(expected.articles.length).toBeGreaterThan(3);
      // A misleading name changes nothing: the content decides.
      const actual = await read(twins[format], 'twin.txt');
      expect(actual.issue).toEqual(expected.issue);
      expect(actual.warnings).toEqual(expected.warnings);
      if (format !== 'pdf') {
        expect(actual.articles).toEqual(expected.articles);
        return;
      }
      // A PDF's text layer carries the gap LibreOffice draws between Chinese and Latin text as a
      // space, and loses a space at a line's end: paragraph for paragraph, the same text but for spaces.
      const unspaced = (document: typeof expected) =>
        document.articles.map((article) => ({
          title: article.title.replace(/\s+/g, ''),
          section: article.section,
          paragraphs: article.paragraphs.map((paragraph) => paragraph.replace(/\s+/g, '')),
        }));
      expect(unspaced(actual)).toEqual(unspaced(expected));
    },
    60_000,
  );

  it('reads the .wps twin as Word 97 binary, which is what WPS Office writes under .wps', () => {
    // LibreOffice cannot write Kingsoft's pre-2005 own .wps format, only Word 97 under that name;
    // an OLE2 file with a WpsContent stream is told apart and goes to LibreOffice the same way.
    expect(detectFormat(twins.wps)).toBe('doc');
    const kingsoft = Buffer.concat([twins.doc.subarray(0, 8), Buffer.from('WpsContent', 'utf16le')]);
    expect(detectFormat(kingsoft)).toBe('wps');
  });
});

describe('refusals of the formats', () => {
  it('refuses an image-only PDF, saying it has no text layer', async () => {
    await expect(read(await imageOnlyPdf(), 'scan.pdf')).rejects.toMatchObject({
      reason: uploadRefusals.file_type_refused.reason,
      details: { detected: 'pdf' },
      message: expect.stringContaining('没有文字层'),
    });
  });

  it('refuses a broken PDF as unreadable', async () => {
    await expect(read(Buffer.from('%PDF-1.7\n this is not really a PDF'), 'a.pdf')).rejects.toMatchObject({
      reason: uploadRefusals.file_unreadable.reason,
    });
  });

  it.runIf(hasSoffice)('refuses .doc and .wps with a clear message when LibreOffice is missing', async () => {
    const missing = officeConverter({ path: '/nonexistent/soffice' });
    expect(await missing.available()).toBe(false);
    for (const format of ['doc', 'wps'] as const) {
      const refused = parseBulletinBuffer(twins[format], `a.${format}`, {}, { converter: missing });
      await expect(refused).rejects.toMatchObject({
        reason: uploadRefusals.file_type_refused.reason,
        details: { detected: 'doc' },
        message: expect.stringContaining('未安装 LibreOffice'),
      });
    }
  });

  it('kills a conversion that overruns its deadline', async () => {
    // A script that never ends stands in for a LibreOffice that hangs on a hostile file.
    const dir = await mkdtemp(path.join(tmpdir(), 'hanging-soffice-'));
    const script = path.join(dir, 'soffice');
    await writeFile(script, '#!/bin/sh\nexec sleep 60\n', { mode: 0o755 });
    const hanging = officeConverter({ path: script, timeoutMs: 300 });
    const doc = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.from('WordDocument', 'utf16le')]);
    await expect(parseBulletinBuffer(doc, 'a.doc', {}, { converter: hanging })).rejects.toMatchObject({
      details: { reason: uploadRefusals.file_too_complex.reason },
    });
    await rm(dir, { recursive: true, force: true });
  });
});
