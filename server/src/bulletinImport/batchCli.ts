import { stat } from 'node:fs/promises';
import path from 'node:path';
import { describeReview, reportTotals, type BatchReportItem } from '@zhijian/shared';
import { runCommand } from '../commands/context';
import { saveImportedBulletin } from '../commands/saveImportedBulletin';
import type { DatabaseHandle } from '../db/client';
import { findImportTarget, hasIssueKey, IMPORT_NEEDS_ISSUE_NUMBER } from '../queries/bulletins';
import { batchDryRun, collectBatch, parsedItem, readBatch, refusalOf, refusedItem, type BatchRead } from './batch';
import type { CliDatabase, CliOutput } from './cli';
import { importEnvironment } from './environment';

/**
 * `import:bulletin -- DIR` (or a .zip of a folder): every newsletter in it read in turn, progress on
 * stderr, and on stdout one JSON document — the dry run (each file and the batch's review:
 * duplicates, issues already stored, gaps in the 总期 sequence) or, when importing, the review and
 * the report (created, updated, skipped, refused with why, articles, warnings still open).
 */

/** A directory or a .zip among the arguments makes it a batch. */
export async function isBatch(paths: readonly string[]): Promise<boolean> {
  for (const given of paths) {
    if (path.extname(given).toLowerCase() === '.zip') return true;
    if ((await stat(given).catch(() => null))?.isDirectory()) return true;
  }
  return false;
}

async function storedIssues(db: DatabaseHandle['db'], reads: readonly BatchRead[]): Promise<Map<string, number | null>> {
  const existing = new Map<string, number | null>();
  for (const read of reads) {
    if (read.parsed && hasIssueKey(read.parsed.issue)) existing.set(read.name, (await findImportTarget(db, read.parsed.issue))?.id ?? null);
  }
  return existing;
}

/** Imports the batch in order; the second file with a 总期 already imported in this batch is skipped. */
async function importBatch(handle: DatabaseHandle, reads: readonly BatchRead[], now: () => Date): Promise<BatchReportItem[]> {
  const items: BatchReportItem[] = [];
  const imported = new Map<number, string>();
  for (const read of reads) {
    if (!read.parsed) {
      items.push(refusedItem(read.name, read.refused.message));
      continue;
    }
    const { totalNumber } = read.parsed.issue;
    if (!hasIssueKey(read.parsed.issue)) {
      items.push(refusedItem(read.name, IMPORT_NEEDS_ISSUE_NUMBER));
      continue;
    }
    if (totalNumber !== null && imported.has(totalNumber)) {
      items.push(
        parsedItem(read.name, read.parsed, 'skipped', null, `与 ${imported.get(totalNumber)} 同为总第 ${totalNumber} 期，未重复导入`),
      );
      continue;
    }
    try {
      const saved = await runCommand(importEnvironment(handle.db, now), null, saveImportedBulletin, {
        parsed: read.parsed,
        status: 'published',
        source: read.name,
      });
      if (totalNumber !== null) imported.set(totalNumber, read.name);
      items.push(parsedItem(read.name, read.parsed, saved.created ? 'created' : 'updated', saved.issueId));
    } catch (error) {
      items.push(refusedItem(read.name, refusalOf(error).message));
    }
  }
  return items;
}

export async function runBatch(
  paths: readonly string[],
  dryRun: boolean,
  output: CliOutput,
  database: CliDatabase | undefined,
): Promise<number> {
  const files = await collectBatch(paths);
  if (files.length === 0) {
    output.stderr('目录中没有可导入的简报文件（.docx、.doc、.wps、.pdf、.txt 或其 .zip 压缩包）\n');
    return 1;
  }
  const reads = await readBatch(files, {
    onProgress: (done, read) =>
      output.stderr(
        `[${done}/${files.length}] ${read.name}：${read.parsed ? `读出 ${read.parsed.articles.length} 篇文章` : read.refused.message}\n`,
      ),
  });
  let handle: DatabaseHandle | undefined;
  try {
    if (database) {
      try {
        handle = await database.open();
      } catch (error) {
        output.stderr(`无法打开数据库：${(error as Error).message}\n`);
        if (!dryRun) return 2;
      }
    }
    const preview = batchDryRun(reads, handle ? await storedIssues(handle.db, reads) : new Map());
    for (const line of describeReview(preview.review)) output.stderr(`提示：${line}\n`);
    if (dryRun) {
      output.stdout(`${JSON.stringify({ dryRun: true, ...preview }, null, 2)}\n`);
      return preview.files.some((file) => file.refused) ? 1 : 0;
    }
    if (!handle) {
      output.stderr('未配置数据库，无法写入；可加 --dry-run 预览解析结果。\n');
      return 2;
    }
    const items = await importBatch(handle, reads, database?.now ?? (() => new Date()));
    const report = { items };
    output.stdout(`${JSON.stringify({ dryRun: false, review: preview.review, report, totals: reportTotals(report) }, null, 2)}\n`);
    return items.some((item) => item.outcome === 'refused') ? 1 : 0;
  } finally {
    await handle?.close();
  }
}
