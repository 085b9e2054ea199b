import { fileURLToPath } from 'node:url';
import { parseBulletinFile, type BulletinOverrides, type ParsedBulletin } from '../../bulletinImport';
import { importEnvironment } from '../../bulletinImport/environment';
import { runCommand } from '../../commands/context';
import { saveImportedBulletin } from '../../commands/saveImportedBulletin';
import type { Transaction } from '../../db/client';

/**
 * The three sample issues of the association's newsletter, kept here verbatim (the same files as
 * `../shared/seeds`, which not every checkout has) and loaded with the demo association.
 */
export const DEMO_BULLETINS: { file: string; overrides: BulletinOverrides }[] = [
  { file: 'bulletin-2015-09-no33.txt', overrides: {} },
  // The member-congress issue has no header. It reports the congress of 2015-03-09 and the
  // issues were monthly (2015 年第 9 期 is 总第 33 期, in September), so it is read as 2015 年第 3 期;
  // its 总期 and date are not known and stay empty.
  { file: 'bulletin-2015-member-congress.txt', overrides: { year: 2015, number: 3 } },
  { file: 'bulletin-2016-02-no36.txt', overrides: {} },
];

export function demoBulletinPath(file: string): string {
  return fileURLToPath(new URL(file, import.meta.url));
}

/** Reads and parses the sample issues; done before the demo transaction opens. */
export async function readDemoBulletins(): Promise<ParsedBulletin[]> {
  return Promise.all(DEMO_BULLETINS.map(({ file, overrides }) => parseBulletinFile(demoBulletinPath(file), overrides)));
}

/**
 * Stores the parsed sample issues as published back-catalogue issues, as the system (no audit
 * entry). Inside the demo transaction: each import is a savepoint of it.
 */
export async function saveDemoBulletins(tx: Transaction, bulletins: ParsedBulletin[], now: Date): Promise<number> {
  const env = importEnvironment(tx, () => now);
  for (const parsed of bulletins) await runCommand(env, null, saveImportedBulletin, { parsed, status: 'published' });
  return bulletins.length;
}
