import type { Distribution } from '@zhijian/shared';
import { stripMarkers } from './inline';

/**
 * The closing block: `报：省委组织部、…，…、张仲灿` / `发：协会会员`. A list may wrap onto following
 * lines; footer lines (编辑、审核、共印 N 份) are skipped.
 */

const LABELS: Record<string, keyof Distribution> = {
  报: 'report',
  报送: 'report',
  抄报: 'report',
  发: 'send',
  发送: 'send',
  分送: 'send',
  抄送: 'send',
};

const START = /^(报送|抄报|报|发送|分送|抄送|发)\s*[：:]\s*(.*)$/;
/** Where a second label starts on the same line: `报：市委组织部 发：协会会员`. */
const INLINE_LABEL = /\s+(?=(?:报送|抄报|报|发送|分送|抄送|发)\s*[：:])/;
const FOOTER = /^(?:(?:责任)?编辑|审核|审稿|签发|校对|联系电话|电话|地址|邮箱)\s*[：:]|共印|^[（(].*份[）)]$/;

export function isDistributionStart(line: string): boolean {
  return START.test(stripMarkers(line));
}

const OPENERS = '（(“‘《「【';
const CLOSERS = '）)”’》」】';
const SEPARATORS = '、，,；;､';
/** `各区、县（市）委组织部` is one addressee, its `、` is not a separator. */
const DISTRICT_COUNTY = /区、(?=县\s*[（(]市[）)])/g;
const KEPT_COMMA = '\u0000';

/** Splits `A、B，C` at separators outside brackets and quotes. */
export function splitNames(text: string): string[] {
  const protectedText = text.replace(DISTRICT_COUNTY, `区${KEPT_COMMA}`);
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of protectedText) {
    if (OPENERS.includes(char)) depth += 1;
    if (CLOSERS.includes(char)) depth = Math.max(0, depth - 1);
    if (depth === 0 && SEPARATORS.includes(char)) {
      names.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  names.push(current);
  return names
    .map((name) =>
      name
        .split(KEPT_COMMA)
        .join('、')
        .replace(/[。.]$/, '')
        .trim(),
    )
    .filter((name) => name !== '');
}

/** Reads the block from its first `报：`/`发：` line to the end of the text. */
export function parseDistribution(lines: readonly string[]): Distribution {
  const texts: Record<keyof Distribution, string[]> = { report: [], send: [] };
  let current: keyof Distribution | null = null;
  for (const line of lines.flatMap((raw) => stripMarkers(raw).split(INLINE_LABEL))) {
    const start = START.exec(line);
    if (start) {
      current = LABELS[start[1] ?? ''] ?? null;
      if (current) texts[current].push(start[2] ?? '');
    } else if (current && !FOOTER.test(line)) {
      texts[current].push(line);
    }
  }
  return {
    report: texts.report.flatMap(splitNames),
    send: texts.send.flatMap(splitNames),
  };
}
