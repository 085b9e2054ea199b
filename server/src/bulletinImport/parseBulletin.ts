import { buildBlocks } from './blocks';
import { cleanLines } from './cleanup';
import { isDistributionStart, parseDistribution } from './distribution';
import { importRefused } from './errors';
import { emptyHeader, readHeaderLine, type ParsedHeader } from './header';
import { stripMarkers } from './inline';
import { hasInnerSentenceEnd, titleKey } from './punctuation';
import { cleanTitle, splitSection } from './sections';
import { findTitleLines, looksLikeTocEntry, matchToc, parseTocEntry, tocMarkerRest } from './toc';
import type { BulletinArticle, BulletinOverrides, BulletinTocEntry, ParsedBulletin } from './types';

/**
 * One newsletter issue as converted text → structured data. Pure: no files, no database.
 *
 * Layout, top to bottom: title page and header, 【本期导读】, articles each opened by a `☆` line,
 * the closing `报：/发：` block. Everything is optional except that a text with neither a header
 * nor any article is refused (`not_a_bulletin`). What is missing or does not agree is reported in
 * `warnings` (Chinese); values given in `overrides` replace the parsed header values.
 */

/** `☆TITLE`, `☆ TITLE`, `★TITLE`; Word may make the whole line bold or a list item. */
const STAR_HEADING = /^(?:[-•]\s*)?[☆★]\s*/;
/**
 * The line after a bare `☆协会动态` is its title unless it is longer than this, holds more than one
 * sentence or is the only line of the article: then it is body text and the section names the article.
 */
const TITLE_MAX = 40;

function isStarHeading(line: string): boolean {
  return STAR_HEADING.test(stripMarkers(line));
}

function looksLikeTitle(line: string): boolean {
  const text = cleanTitle(line);
  return [...text].length <= TITLE_MAX && !hasInnerSentenceEnd(text) && !isDistributionStart(line);
}

const QUOTE_MAX = 40;

function quote(text: string): string {
  const chars = [...text];
  return `“${chars.length > QUOTE_MAX ? `${chars.slice(0, QUOTE_MAX).join('')}…` : text}”`;
}

interface FrontMatter {
  header: ParsedHeader;
  toc: BulletinTocEntry[];
  ignored: string[];
}

function readFrontMatter(lines: readonly string[]): FrontMatter {
  const header = emptyHeader();
  const toc: BulletinTocEntry[] = [];
  const ignored: string[] = [];
  let inToc = false;
  for (const line of lines) {
    const afterMarker = tocMarkerRest(line);
    if (afterMarker !== null) {
      inToc = true;
      if (afterMarker !== '') toc.push(parseTocEntry(afterMarker));
    } else if (inToc && looksLikeTocEntry(line)) {
      toc.push(parseTocEntry(line));
    } else if (readHeaderLine(line, header)) {
      // a title-page line, taken into the header
    } else if (inToc) {
      toc.push(parseTocEntry(line));
    } else {
      ignored.push(line);
    }
  }
  return { header, toc, ignored };
}

/**
 * How many ☆ lines right after the 导读 marker are 导读 entries written with ☆ themselves: the run
 * of ☆ lines up to the one that repeats the first title (or up to the last of the run, which has
 * the body of the first article under it).
 */
function starredTocEntries(lines: readonly string[], marker: number, starred: readonly number[]): number {
  if (marker < 0) return 0;
  let run = 0;
  while (starred[run] === marker + 1 + run) run += 1;
  if (run < 2) return 0;
  const titleOf = (index: number) => titleKey(stripMarkers(lines[starred[index] ?? 0] ?? '').replace(STAR_HEADING, ''));
  for (let index = 1; index < run; index += 1) {
    if (titleOf(index) === titleOf(0)) return index;
  }
  return run - 1;
}

/** Article heading lines: those starting with ☆, else the lines that repeat a 导读 title. */
function findHeadings(lines: readonly string[], warnings: string[]): number[] {
  const marker = lines.findIndex((line) => tocMarkerRest(line) !== null);
  const starred = lines.flatMap((line, index) => (isStarHeading(line) ? [index] : []));
  const tocStars = starredTocEntries(lines, marker, starred);
  if (starred.length > tocStars) return starred.slice(tocStars);

  if (marker < 0) return [];
  let end = marker + 1;
  while (end < lines.length && looksLikeTocEntry(lines[end] ?? '')) end += 1;
  const entries = [tocMarkerRest(lines[marker] ?? '') ?? '', ...lines.slice(marker + 1, end)]
    .filter((line) => line !== '')
    .map(parseTocEntry);
  const indexes = findTitleLines(lines, end, entries);
  if (indexes.length > 0) warnings.push('正文中没有以 ☆ 开头的标题，已按本期导读中的标题划分文章');
  return indexes;
}

function readArticle(headingLine: string, body: string[], position: number, warnings: string[]): BulletinArticle {
  const headingText = stripMarkers(headingLine).replace(STAR_HEADING, '');
  const split = splitSection(headingText);
  const section = split.section;
  let title = split.title === '' ? null : split.title;
  let rest = body;
  if (title === null) {
    const [first, ...others] = body;
    if (first !== undefined && others.length > 0 && looksLikeTitle(first)) {
      title = cleanTitle(first);
      rest = others;
    } else {
      title = section ?? `第 ${position} 篇文章`;
      warnings.push(`第 ${position} 篇文章“☆${headingText}”之后没有单独的标题行，已用${quote(title)}作标题`);
    }
  }
  const blocks = buildBlocks(rest);
  if (blocks.length === 0) warnings.push(`文章${quote(title)}没有正文`);
  return { title, section, blocks };
}

const FIELD_LABELS = {
  year: '年份',
  number: '期号',
  totalNumber: '总期号',
  date: '出版日期',
} as const;

const FLAG_NAMES = { year: '--year', number: '--number', totalNumber: '--total', date: '--date' } as const;

function applyOverrides(header: ParsedHeader, overrides: BulletinOverrides, warnings: string[]): void {
  for (const field of ['year', 'number', 'totalNumber', 'date'] as const) {
    const value = overrides[field];
    if (value === undefined) continue;
    const parsed = header[field];
    if (parsed !== null && parsed !== value) {
      warnings.push(`报头中的${FIELD_LABELS[field]}为 ${parsed}，已按 ${FLAG_NAMES[field]} 改为 ${value}`);
    }
    if (field === 'date') header.date = String(value);
    else header[field] = Number(value);
  }
}

function headerWarnings(header: ParsedHeader): string[] {
  const warnings = header.invalidDates.map((printed) => `报头中的日期${quote(printed)}不存在，已忽略`);
  const missing = (['year', 'number', 'totalNumber', 'date'] as const).filter((field) => header[field] === null);
  if (missing.length > 0) {
    const labels = missing.map((field) => FIELD_LABELS[field]).join('、');
    const flags = missing.map((field) => FLAG_NAMES[field]).join('、');
    warnings.push(`报头缺少${labels}，可在导入时用 ${flags} 补充`);
  }
  if (header.publisher === null) warnings.push('报头缺少编印单位（“……编印”一行）');
  if (header.year !== null && header.date !== null) {
    const dateYear = Number(header.date.slice(0, 4));
    if (dateYear < header.year || dateYear > header.year + 1) {
      warnings.push(`出版日期 ${header.date} 与 ${header.year} 年的期号不相符，请核对`);
    }
  }
  return warnings;
}

export function parseBulletin(text: string, overrides: BulletinOverrides = {}): ParsedBulletin {
  const lines = cleanLines(text);
  if (lines.length === 0) throw importRefused.empty('文件中没有任何文字内容');

  const layoutWarnings: string[] = [];
  const headings = findHeadings(lines, layoutWarnings);
  const lastHeading = headings.at(-1) ?? 0;
  const distributionOffset = lines.slice(lastHeading).findIndex(isDistributionStart);
  const distributionStart = distributionOffset < 0 ? lines.length : lastHeading + distributionOffset;
  const frontEnd = Math.min(headings[0] ?? lines.length, distributionStart);

  const front = readFrontMatter(lines.slice(0, frontEnd));
  const { header } = front;
  const hasHeader = (header.year !== null && header.number !== null) || header.totalNumber !== null || header.publisher !== null;
  if (headings.length === 0 && !hasHeader) {
    throw importRefused.notABulletin();
  }

  const warnings: string[] = [];
  applyOverrides(header, overrides, warnings);
  warnings.push(...headerWarnings(header));
  warnings.push(...front.ignored.map((line) => `报头部分有未识别的内容，已忽略：${quote(line)}`));
  warnings.push(...layoutWarnings);

  const articleWarnings: string[] = [];
  const parsedArticles = headings.map((start, index) => {
    const end = headings[index + 1] ?? distributionStart;
    return readArticle(lines[start] ?? '', lines.slice(start + 1, end), index + 1, articleWarnings);
  });
  if (parsedArticles.length === 0) warnings.push('没有找到任何文章（以 ☆ 开头的标题）');

  const matched = matchToc(front.toc, parsedArticles);
  warnings.push(...matched.warnings, ...articleWarnings);

  const distribution = parseDistribution(lines.slice(distributionStart));
  if (distribution.report.length === 0 && distribution.send.length === 0) {
    warnings.push('没有找到报送范围（“报：”“发：”）');
  }

  return {
    issue: {
      year: header.year,
      number: header.number,
      totalNumber: header.totalNumber,
      date: header.date,
      publisher: header.publisher,
      distribution,
    },
    toc: front.toc,
    articles: matched.articles,
    warnings,
  };
}
