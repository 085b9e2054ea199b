import { parseBulletin } from './parseBulletin';
import { readBulletinFile } from './readBulletinFile';
import type { BulletinOverrides, ParsedBulletin } from './types';

/**
 * Reads and parses one newsletter file (.docx or .txt). Throws `BulletinImportError` for a file
 * that cannot be read or is not a newsletter; everything else is reported in `warnings`.
 */
export async function parseBulletinFile(file: string, overrides: BulletinOverrides = {}): Promise<ParsedBulletin> {
  return parseBulletin(await readBulletinFile(file), overrides);
}
