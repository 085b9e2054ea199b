import { parseArgs } from 'node:util';
import { formatDryRunSummary, toDryRunDocument } from './dryRun';
import { BulletinImportError } from './errors';
import { parseBulletinFile } from './parseBulletinFile';
import type { BulletinOverrides, ParsedBulletin } from './types';

/** `import:bulletin`: flags → parse each file → JSON or a Chinese summary. Returns the exit code. */

export interface CliOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const USAGE = `用法：npm run import:bulletin -- [--dry-run] [--json] [--year 年份] [--number 期号] [--total 总期号] [--date YYYY-MM-DD] 文件...

导入协会简报（.docx 或 .txt 文件）。目前只支持 --dry-run：解析并显示结果，不写入数据库。

  --dry-run          只解析预览，不写入数据库
  --json             只输出 JSON 格式的解析结果（每个文件一份，多个文件时为数组）
  --year 年份        年份，如 2016
  --number 期号      当年期号，如 2
  --total 总期号     总期号，如 36
  --date YYYY-MM-DD  出版日期，如 2016-02-18
  -h, --help         显示本说明

--year、--number、--total、--date 用于补充报头中缺少的信息；报头中已有时，以参数为准（并给出提示）。
--number、--total、--date 只能用于单个文件。
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

export async function runImportBulletin(argv: readonly string[], output: CliOutput): Promise<number> {
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
  if (!command.dryRun) {
    output.stderr('暂不支持写入数据库：目前只能加 --dry-run 预览解析结果。\n');
    return 2;
  }

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
