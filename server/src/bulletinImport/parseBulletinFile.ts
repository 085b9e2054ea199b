import { parseBulletin } from './parseBulletin';
import { readBulletinBuffer, readBulletinFile, type ReadOptions } from './readBulletinFile';
import type { BulletinOverrides, ParsedBulletin } from './types';

/**
 * Reads and parses one newsletter file (.docx, .doc, .wps, .pdf or .txt). Throws `BulletinImportError` for a file
 * that cannot be read or is not a newsletter; everything else is reported in `warnings`.
 */
export async function parseBulletinFile(
  file: string,
  overrides: BulletinOverrides = {},
  options: ReadOptions = {},
): Promise<ParsedBulletin> {
  return parseBulletin(await readBulletinFile(file, options), overrides);
}

/** The same for an upload: the content decides between .docx and text, the name only helps the message. */
export async function parseBulletinBuffer(
  buffer: Buffer,
  filename: string,
  overrides: BulletinOverrides = {},
  options: ReadOptions = {},
): Promise<ParsedBulletin> {
  return parseBulletin(await readBulletinBuffer(buffer, filename, options), overrides);
}
