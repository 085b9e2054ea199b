import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { issueLabel, reviewBatch, type BatchReportItem, type BatchReview, type DryRunDocument } from '@zhijian/shared';
import { AppError } from '../errors';
import { checkZip } from '../files/zipArchive';
import { toDryRunDocument } from './dryRun';
import { BulletinImportError, importRefused } from './errors';
import { detectFormat } from './formats/detectFormat';
import { parseBulletinBuffer } from './parseBulletinFile';
import { BULLETIN_EXTENSIONS, type ReadOptions } from './readBulletinFile';
import type { BulletinOverrides, ParsedBulletin } from './types';

/**
 * A folder at a time: the files of a directory (and of the .zip archives in it, or given), each read
 * and parsed on its own, so a file that is refused — a bomb, a scan, a spreadsheet — is reported and
 * the others go on. The dry run of a batch is every file's document and the batch's review.
 */

export interface BatchFile {
  name: string;
  bytes: () => Promise<Buffer>;
}

/** What one file of a batch gave: the parsed issue, or why it was refused. */
export type BatchRead =
  | { name: string; parsed: ParsedBulletin; refused?: undefined }
  | { name: string; parsed?: undefined; refused: { reason: string; message: string } };

/** A zip of a folder of newsletters: a few hundred files, none over the upload limit. */
export const FOLDER_ZIP_LIMITS = {
  maxEntries: 500,
  maxEntryBytes: 30 * 1024 * 1024,
  maxTotalBytes: 300 * 1024 * 1024,
} as const;

const readable = (name: string) =>
  !name.endsWith('/') &&
  !name.split('/').some((part) => part.startsWith('.') || part === '__MACOSX') &&
  (BULLETIN_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase()) &&
  path.extname(name) !== '';

/** Why a file was refused, from whichever refusal the reader threw; other errors are bugs and go on up. */
export function refusalOf(error: unknown): { reason: string; message: string } {
  if (error instanceof BulletinImportError) return { reason: error.reason, message: error.message };
  if (error instanceof AppError) return { reason: error.reason, message: error.message };
  throw error;
}

/** The newsletters a zip holds, under the archive's name; a bomb or a broken zip is one refused entry. */
export async function filesOfZip(name: string, zip: Buffer): Promise<Array<BatchFile | BatchRead>> {
  try {
    const archive = await checkZip(zip, { ...FOLDER_ZIP_LIMITS, inflate: readable });
    return archive.entries
      .map((entry) => entry.name)
      .filter(readable)
      .sort()
      .map((entry) => ({ name: `${name}/${entry}`, bytes: async () => archive.read(entry)! }));
  } catch (error) {
    return [{ name, refused: refusalOf(error) }];
  }
}

/** The files named on the command line: directories walked (sorted), .zip archives opened. */
export async function collectBatch(paths: readonly string[]): Promise<Array<BatchFile | BatchRead>> {
  const found: Array<BatchFile | BatchRead> = [];
  for (const given of paths) {
    const info = await stat(given).catch(() => null);
    const names = info?.isDirectory() ? (await readdir(given, { recursive: true })).sort().map((name) => path.join(given, name)) : [given];
    for (const file of names) {
      if (info?.isDirectory() && !(await stat(file)).isFile()) continue;
      const extension = path.extname(file).toLowerCase();
      if (extension === '.zip') {
        found.push(...(await filesOfZip(file, await readFile(file))));
        continue;
      }
      if (info?.isDirectory() && !readable(file)) continue;
      found.push({ name: file, bytes: () => readFile(file) });
    }
  }
  return found;
}

/** Reads and parses each file in turn (each on a worker or in LibreOffice); `onProgress` after each. */
export async function readBatch(
  files: ReadonlyArray<BatchFile | BatchRead>,
  options: ReadOptions & { overrides?: (name: string) => BulletinOverrides; onProgress?: (done: number, read: BatchRead) => void } = {},
): Promise<BatchRead[]> {
  const reads: BatchRead[] = [];
  for (const file of files) {
    let read: BatchRead;
    if ('refused' in file || 'parsed' in file) read = file as BatchRead;
    else {
      try {
        const bytes = await file.bytes().catch(() => {
          throw importRefused.unreadable('无法读取文件');
        });
        if (detectFormat(bytes) === 'zip' && path.extname(file.name).toLowerCase() === '.zip') {
          throw importRefused.wrongType('zip', '压缩包里不能再套压缩包');
        }
        read = { name: file.name, parsed: await parseBulletinBuffer(bytes, file.name, options.overrides?.(file.name) ?? {}, options) };
      } catch (error) {
        read = { name: file.name, refused: refusalOf(error) };
      }
    }
    reads.push(read);
    options.onProgress?.(reads.length, read);
  }
  return reads;
}

export interface BatchDryRun {
  files: Array<{ name: string; document: DryRunDocument | null; existingIssueId: number | null; refused: BatchRead['refused'] | null }>;
  review: BatchReview;
}

/** The batch's dry run: each file's document (or refusal) and the review, given which issues are stored. */
export function batchDryRun(reads: readonly BatchRead[], existing: ReadonlyMap<string, number | null>): BatchDryRun {
  const files = reads.map((read) => ({
    name: read.name,
    document: read.parsed ? toDryRunDocument(read.parsed) : null,
    existingIssueId: existing.get(read.name) ?? null,
    refused: read.refused ?? null,
  }));
  const review = reviewBatch(
    files.flatMap((file) =>
      file.document ? [{ name: file.name, ...pickNumbers(file.document), stored: file.existingIssueId !== null }] : [],
    ),
  );
  return { files, review };
}

function pickNumbers(document: DryRunDocument) {
  const { year, number, totalNumber } = document.issue;
  return { year, number, totalNumber };
}

/** The report line of a file that never became an issue. */
export function refusedItem(name: string, why: string): BatchReportItem {
  return { name, outcome: 'refused', label: '', issueId: null, articles: 0, why, warnings: [] };
}

/** The report line of a parsed file: created, updated or skipped. */
export function parsedItem(
  name: string,
  parsed: ParsedBulletin,
  outcome: 'created' | 'updated' | 'skipped',
  issueId: number | null,
  why: string | null = null,
): BatchReportItem {
  return {
    name,
    outcome,
    label: issueLabel(parsed.issue),
    issueId,
    articles: parsed.articles.length,
    why,
    warnings: outcome === 'skipped' ? [] : parsed.warnings,
  };
}
