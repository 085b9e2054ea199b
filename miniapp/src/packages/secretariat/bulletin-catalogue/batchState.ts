import { issueLabel, reviewBatch, type BatchEntry, type BatchReportItem, type ImportResult } from '@zhijian/shared';
import type { PickedFile } from '../services/pickFile';
import type { ZipItem } from './expandZip';
import { overridesFrom, overrideQuery, type Overrides } from '../bulletin-import/overrides';

/** One file of a batch in the console: where it is in the work, what was read, what the secretariat chose. */
export interface CatalogueFile {
  key: string;
  file: PickedFile;
  stage: 'waiting' | 'reading' | 'read' | 'refused' | 'importing' | 'done';
  preview: ImportResult | null;
  /** Why the file could not be read (Chinese). */
  error: string | null;
  overrides: Overrides;
  include: boolean;
  result: BatchReportItem | null;
}

/** How far along one file is, in percent, for its progress bar. */
export const STAGE_PERCENT: Record<CatalogueFile['stage'], number> = {
  waiting: 0,
  reading: 50,
  read: 100,
  refused: 100,
  importing: 50,
  done: 100,
};

export const STAGE_NAMES: Record<CatalogueFile['stage'], string> = {
  waiting: '等待读取',
  reading: '读取中',
  read: '已读出',
  refused: '未能读取',
  importing: '导入中',
  done: '已完成',
};

export function newFile(file: PickedFile, index: number): CatalogueFile {
  return {
    key: `${index}-${file.name}`,
    file,
    stage: 'waiting',
    preview: null,
    error: null,
    overrides: { year: '', number: '', total: '', date: '' },
    include: true,
    result: null,
  };
}

/** An item refused before it could be read (a zip over its caps, a bomb inside one). */
export function refusedFile(name: string, why: string, index: number): CatalogueFile {
  return { ...newFile({ path: name, name, size: 0 }, index), stage: 'refused', include: false, error: why };
}

/**
 * The batch made of what was picked (zips opened): the first `max` items to read, and every item past
 * them listed as not read — named, so the secretariat can pick them again in the next batch, and in
 * the downloadable report — never silently left out.
 */
export function batchOf(items: readonly ZipItem[], max: number): CatalogueFile[] {
  return items.map((item, index) => {
    const name = item.refused === undefined ? item.file.name : item.name;
    if (index >= max) return refusedFile(name, `一次最多读取 ${max} 个文件，本批未读取：请在本批完成后再选择它`, index);
    return item.refused === undefined ? newFile(item.file, index) : refusedFile(item.name, item.refused, index);
  });
}

export function withPreview(entry: CatalogueFile, preview: ImportResult): CatalogueFile {
  return { ...entry, stage: 'read', preview, overrides: overridesFrom(preview.document) };
}

const numberOf = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

/** The numbers the issue will be imported with: what was filled in, else what was read. */
export function batchEntry(entry: CatalogueFile): BatchEntry {
  const issue = entry.preview!.document.issue;
  return {
    name: entry.file.name,
    year: numberOf(entry.overrides.year) ?? issue.year,
    number: numberOf(entry.overrides.number) ?? issue.number,
    totalNumber: numberOf(entry.overrides.total) ?? issue.totalNumber,
    stored: !entry.preview!.created,
  };
}

export function reviewOf(files: readonly CatalogueFile[]) {
  return reviewBatch(files.filter((entry) => entry.preview).map(batchEntry));
}

export function labelOf(entry: CatalogueFile): string {
  return entry.preview ? issueLabel(batchEntry(entry)) : '';
}

/** The import endpoint's query for this file. */
export function queryOf(entry: CatalogueFile) {
  return overrideQuery(entry.overrides);
}

/** The report line of a file that is not imported: refused when it could not be read, else skipped. */
export function notImportedItem(entry: CatalogueFile): BatchReportItem {
  if (!entry.preview) {
    return { name: entry.file.name, outcome: 'refused', label: '', issueId: null, articles: 0, why: entry.error, warnings: [] };
  }
  return {
    name: entry.file.name,
    outcome: 'skipped',
    label: labelOf(entry),
    issueId: null,
    articles: entry.preview.document.articles.length,
    why: '未选择导入',
    warnings: [],
  };
}
