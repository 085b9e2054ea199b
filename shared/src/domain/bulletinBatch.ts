import { z } from 'zod';

/**
 * A batch of back-catalogue issues (导入往期, a folder at a time): what the dry run found in each
 * file, what is odd about the batch as a whole (the same 总期 twice, an issue already stored, a gap
 * in the 总期 sequence), and the report after the import. The console and the command line
 * (`import:bulletin -- DIR`) compute the same review and give the same report.
 */

/** One file of the batch as the review needs it: its name, its numbers, the stored issue it would update. */
export interface BatchEntry {
  name: string;
  year: number | null;
  number: number | null;
  totalNumber: number | null;
  /** An issue with the same 总期 (or year + 期) is already in the database: importing updates it. */
  stored: boolean;
}

export interface BatchReview {
  /** Each 总期 that more than one file carries, with those files in batch order. */
  duplicates: { totalNumber: number; names: string[] }[];
  /** Files whose issue is already stored: importing them updates it. */
  alreadyStored: string[];
  /** Runs of 总期 missing between the smallest and the largest in the batch, e.g. 12–13. */
  gaps: { from: number; to: number }[];
  /** Files with no 总期 and no year + 期: they cannot be imported until it is filled in. */
  unnumbered: string[];
}

export function reviewBatch(entries: readonly BatchEntry[]): BatchReview {
  const byTotal = new Map<number, string[]>();
  const unnumbered: string[] = [];
  for (const entry of entries) {
    if (entry.totalNumber === null) {
      if (entry.year === null || entry.number === null) unnumbered.push(entry.name);
      continue;
    }
    byTotal.set(entry.totalNumber, [...(byTotal.get(entry.totalNumber) ?? []), entry.name]);
  }
  const duplicates = [...byTotal.entries()]
    .filter(([, names]) => names.length > 1)
    .map(([totalNumber, names]) => ({ totalNumber, names }))
    .sort((a, b) => a.totalNumber - b.totalNumber);
  const totals = [...byTotal.keys()].sort((a, b) => a - b);
  const gaps: BatchReview['gaps'] = [];
  for (let index = 1; index < totals.length; index += 1) {
    const before = totals[index - 1]!;
    const after = totals[index]!;
    if (after - before > 1) gaps.push({ from: before + 1, to: after - 1 });
  }
  const alreadyStored = entries.filter((entry) => entry.stored).map((entry) => entry.name);
  return { duplicates, alreadyStored, gaps, unnumbered };
}

/** The review in Chinese, one line per finding, for the console and the command line. */
export function describeReview(review: BatchReview): string[] {
  const lines: string[] = [];
  for (const { totalNumber, names } of review.duplicates) lines.push(`总第 ${totalNumber} 期出现 ${names.length} 次：${names.join('、')}`);
  for (const { from, to } of review.gaps) lines.push(from === to ? `缺少总第 ${from} 期` : `缺少总第 ${from}–${to} 期`);
  for (const name of review.alreadyStored) lines.push(`${name}：系统中已有这一期，导入将更新它`);
  for (const name of review.unnumbered) lines.push(`${name}：没有读出期号，请填写后再导入`);
  return lines;
}

export const BATCH_OUTCOMES = ['created', 'updated', 'skipped', 'refused'] as const;
export const BATCH_OUTCOME_NAMES = { created: '新建', updated: '更新', skipped: '跳过', refused: '未能导入' } as const;

/** One file's line in the report after an import. */
export const BatchReportItem = z.object({
  name: z.string().max(300),
  outcome: z.enum(BATCH_OUTCOMES),
  /** 2016 年第 2 期（总第 36 期）; empty when the file was never read as an issue. */
  label: z.string().max(100),
  issueId: z.number().int().nullable(),
  articles: z.number().int().min(0),
  /** Why it was skipped or refused (Chinese); null otherwise. */
  why: z.string().max(500).nullable(),
  /** Warnings of the import still open for this issue. */
  warnings: z.array(z.string().max(500)).max(200),
});
export type BatchReportItem = z.infer<typeof BatchReportItem>;

export const BatchReport = z.object({
  items: z.array(BatchReportItem).min(1).max(500),
});
export type BatchReport = z.infer<typeof BatchReport>;

/** The report's totals: how many issues each outcome, how many articles, how many warnings open. */
export function reportTotals(report: BatchReport) {
  const count = (outcome: (typeof BATCH_OUTCOMES)[number]) => report.items.filter((item) => item.outcome === outcome).length;
  return {
    created: count('created'),
    updated: count('updated'),
    skipped: count('skipped'),
    refused: count('refused'),
    articles: report.items.reduce((sum, item) => sum + (item.outcome === 'created' || item.outcome === 'updated' ? item.articles : 0), 0),
    openWarnings: report.items.reduce((sum, item) => sum + item.warnings.length, 0),
  };
}
