/**
 * Which reader a newsletter file needs, told by its content, never by its name: Word 97–2003 and
 * WPS files are OLE2 compound files (magic D0 CF 11 E0), PDF starts with `%PDF-`, a .docx is a zip
 * holding `word/document.xml`; anything else may be text. An OLE2 file's directory names its streams
 * (UTF-16LE): `WordDocument` for Word binary (WPS Office since 2005 writes that too, under .wps),
 * `WpsContent`/`CONTENTS` for Kingsoft's and Microsoft Works' own .wps, `Workbook`/`PowerPoint Document`
 * for old Excel and PowerPoint, which are no newsletter.
 */
export type BulletinFormat = 'docx' | 'doc' | 'wps' | 'pdf' | 'zip' | 'ole-other' | 'text';

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const PDF = Buffer.from('%PDF-');

const utf16 = (name: string) => Buffer.from(name, 'utf16le');

function hasStream(buffer: Buffer, name: string): boolean {
  return buffer.includes(utf16(name));
}

function oleFormat(buffer: Buffer): BulletinFormat {
  if (hasStream(buffer, 'WordDocument')) return 'doc';
  if (hasStream(buffer, 'WpsContent') || hasStream(buffer, 'CONTENTS')) return 'wps';
  return 'ole-other';
}

/** The local header names of a zip, enough to see `word/document.xml` without reading the directory. */
function zipHasEntry(buffer: Buffer, name: string): boolean {
  return buffer.includes(Buffer.from(name));
}

export function detectFormat(buffer: Buffer): BulletinFormat {
  if (buffer.subarray(0, OLE2.length).equals(OLE2)) return oleFormat(buffer);
  if (buffer.subarray(0, PDF.length).equals(PDF)) return 'pdf';
  if (buffer.subarray(0, ZIP.length).equals(ZIP)) return zipHasEntry(buffer, 'word/document.xml') ? 'docx' : 'zip';
  return 'text';
}
