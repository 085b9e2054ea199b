import { parseArgs } from 'node:util';
import { runCommand } from '../commands/context';
import { saveImportedBulletin } from '../commands/saveImportedBulletin';
import { DataDirLockedError } from '../db/dataDirLock';
import type { DatabaseHandle } from '../db/client';
import { toAppError } from '../middlewares/errorHandler';
import { isBatch, runBatch } from './batchCli';
import { formatDryRunSummary, toDryRunDocument } from './dryRun';
import { importEnvironment } from './environment';
import { BulletinImportError } from './errors';
import { parseBulletinFile } from './parseBulletinFile';
import type { BulletinOverrides, ParsedBulletin } from './types';

/**
 * `import:bulletin`: flags → parse each file → with --dry-run, JSON or a Chinese summary; without,
 * each file is written in a transaction of its own. Returns the exit code.
 */

export interface CliOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface CliDatabase {
  /** Opens the configured database, migrated (`openMigratedDatabase(loadConfig())`); only without --dry-run. */
  open: () => Promise<DatabaseHandle>;
  now?: () => Date;
}

export const USAGE = `用法：npm run import:bulletin -- [--dry-run] [--json] [--year 年份] [--number 期号] [--total 总期号] [--date YYYY-MM-DD] 文件...
      npm run import:bulletin -- [--dry-run] 目录或压缩包...

导入协会简报（.docx、.doc、.wps、.pdf 或 .txt 文件；.doc 和 .wps 需要安装 LibreOffice），写入配置的数据库（DATABASE_URL，未设置时为 DATA_DIR 下的内置数据库）。
每个文件单独导入：同一期（总期号相同，或年份和期号相同）再次导入时更新原有简报，不会重复；
往期简报导入后即为已发布。某个文件有问题时给出原因、不写入该文件，其余文件照常导入，最后以退出码 1 结束。
使用内置数据库时，请先停止正在运行的服务再导入。

  --dry-run          只解析预览，不写入数据库
  --json             输出 JSON：预览时为解析结果；导入时为导入结果（每个文件一份，多个文件时为数组）
  --year 年份        年份，如 2016
  --number 期号      当年期号，如 2
  --total 总期号     总期号，如 36
  --date YYYY-MM-DD  出版日期，如 2016-02-18
  -h, --help         显示本说明

--year、--number、--total、--date 用于补充报头中缺少的信息；报头中已有时，以参数为准（并给出提示）。
--number、--total、--date 只能用于单个文件。

给出目录（或文件夹的 .zip 压缩包）时，逐个读取其中全部简报，进度写到标准错误，结果以 JSON 写到标准输出：
预览时为每个文件读出的内容，以及重复的总期号、系统中已有的期次和总期号的缺号；导入时为导入报告
（新建、更新、跳过、未能导入及原因、文章数、未处理的提示）。同一批中总期号重复的，只导入第一个。
`;

class UsageError extends Error {}

const OPTIONS = {
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  year: { type: 'string' },
  number: { type: 'string' },
  total: { type: 'string' },
  date: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function positiveInteger(flag: string, value: string, max: number): number {
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(number) || number < 1 || number > max) {
    throw new UsageError(`${flag} 应为 1 到 ${max} 之间的整数，收到“${value}”`);
  }
  return number;
}

function validDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`--date 应为 YYYY-MM-DD 格式的有效日期，收到“${value}”`);
  }
  return value;
}

function translateParseError(error: unknown): UsageError {
  const { code, message } = error as { code?: string; message: string };
  const option = /'([^']+)'/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`未知参数：${option.split(' ')[0]}`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = option.split(' ')[0];
    return new UsageError(message.includes('missing') ? `参数 ${flag} 缺少取值` : `参数 ${flag} 不接受取值`);
  }
  return new UsageError(`参数有误：${message}`);
}

interface Command {
  help: boolean;
  dryRun: boolean;
  json: boolean;
  files: string[];
  overrides: BulletinOverrides;
}

function readCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw translateParseError(error);
  }
  const { values, positionals } = parsed;
  const overrides: BulletinOverrides = {};
  if (values.year !== undefined) overrides.year = positiveInteger('--year', values.year, 2100);
  if (overrides.year !== undefined && overrides.year < 1949) throw new UsageError(`--year 应为四位年份，收到“${values.year}”`);
  if (values.number !== undefined) overrides.number = positiveInteger('--number', values.number, 99);
  if (values.total !== undefined) overrides.totalNumber = positiveInteger('--total', values.total, 9999);
  if (values.date !== undefined) overrides.date = validDate(values.date);

  const command = {
    help: values.help ?? false,
    dryRun: values['dry-run'] ?? false,
    json: values.json ?? false,
    files: positionals,
    overrides,
  };
  if (command.help) return command;
  if (positionals.length === 0) throw new UsageError('请指定至少一个简报文件');
  const perIssue = (['number', 'total', 'date'] as const).filter((flag) => values[flag] !== undefined);
  if (positionals.length > 1 && perIssue.length > 0) {
    throw new UsageError(`${perIssue.map((flag) => `--${flag}`).join('、')} 只能用于单个文件，现在有 ${positionals.length} 个文件`);
  }
  return command;
}

export async function runImportBulletin(argv: readonly string[], output: CliOutput, database?: CliDatabase): Promise<number> {
  let command: Command;
  try {
    command = readCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    output.stderr(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (command.help) {
    output.stdout(USAGE);
    return 0;
  }
  if (await isBatch(command.files)) return runBatch(command.files, command.dryRun, output, database);
  if (!command.dryRun) return importIntoDatabase(command, output, database);
  const results: { file: string; parsed: ParsedBulletin }[] = [];
  let failed = false;
  for (const file of command.files) {
    try {
      results.push({ file, parsed: await parseBulletinFile(file, command.overrides) });
    } catch (error) {
      if (!(error instanceof BulletinImportError)) throw error;
      output.stderr(`无法导入 ${file}：${error.message}\n`);
      failed = true;
    }
  }

  if (command.json) {
    if (failed) return 1;
    const documents = results.map(({ parsed }) => toDryRunDocument(parsed));
    output.stdout(`${JSON.stringify(documents.length === 1 ? documents[0] : documents, null, 2)}\n`);
    return 0;
  }
  const summaries = results.map(({ file, parsed }) => formatDryRunSummary(file, parsed));
  if (summaries.length > 0) output.stdout(`${summaries.join('\n\n')}\n\n（预览模式，未写入数据库）\n`);
  return failed ? 1 : 0;
}

function issueName(parsed: ParsedBulletin): string {
  const { year, number, totalNumber } = parsed.issue;
  const parts = [year !== null && number !== null ? `${year} 年第 ${number} 期` : '', totalNumber !== null ? `总第 ${totalNumber} 期` : ''];
  return parts.filter(Boolean).join(' ');
}

/** The database, or why not: exit code 2 when another process holds it (the running server), else 1. */
async function openOrReport(database: CliDatabase, output: CliOutput): Promise<DatabaseHandle | number> {
  try {
    return await database.open();
  } catch (error) {
    output.stderr(`无法打开数据库，未导入任何文件：${(error as Error).message}\n`);
    return error instanceof DataDirLockedError ? 2 : 1;
  }
}

/** Without --dry-run: parse and write file by file; a bad file is reported and skipped. */
async function importIntoDatabase(command: Command, output: CliOutput, database: CliDatabase | undefined): Promise<number> {
  if (!database) {
    output.stderr('未配置数据库，无法写入；可加 --dry-run 预览解析结果。\n');
    return 2;
  }
  const now = database.now ?? (() => new Date());
  let handle: DatabaseHandle | number | undefined;
  const results: unknown[] = [];
  let failed = false;
  try {
    for (const file of command.files) {
      try {
        const parsed = await parseBulletinFile(file, command.overrides);
        handle ??= await openOrReport(database, output);
        if (typeof handle === 'number') return handle;
        // Nobody signed in: the system imports, and leaves no audit entry.
        const saved = await runCommand(importEnvironment(handle.db, now), null, saveImportedBulletin, {
          parsed,
          status: 'published',
          source: file,
        });
        if (command.json) results.push({ dryRun: false, ...saved, document: toDryRunDocument(parsed) });
        else {
          const verb = saved.created ? '新建' : '更新';
          output.stdout(`${verb}：${file} → ${issueName(parsed)}（编号 ${saved.issueId}），文章 ${parsed.articles.length} 篇\n`);
        }
      } catch (error) {
        const known = error instanceof BulletinImportError ? error : toAppError(error);
        if (!known) throw error;
        output.stderr(`无法导入 ${file}：${known.message}\n`);
        failed = true;
      }
    }
  } finally {
    if (typeof handle === 'object') await handle.close();
  }
  if (command.json && results.length > 0)
    output.stdout(`${JSON.stringify(results.length === 1 && command.files.length === 1 ? results[0] : results, null, 2)}\n`);
  return failed ? 1 : 0;
}
