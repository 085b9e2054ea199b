import { stripMarkers } from './inline';
import { asciiDigits, parseNumeral } from './numerals';

/**
 * The title page: `内部刊物 / 注意保存`, the masthead (`简报`, the association's name), the issue
 * line `2016 年第 2 期 总第 36 期` (with or without the space before 总), the publisher line
 * `杭州市“两新”党务工作者协会编印` and the date `2016 年 2 月 18 日` — in any order, several on one
 * line or missing altogether.
 */

export interface ParsedHeader {
  year: number | null;
  number: number | null;
  totalNumber: number | null;
  date: string | null;
  publisher: string | null;
  /** Dates printed but impossible (`2 月 30 日`), as printed. */
  invalidDates: string[];
}

const NUM = '[\\d〇零一二两三四五六七八九十百]+';
const YEAR = '[\\d〇零一二三四五六七八九]{4}';
const ISSUE = new RegExp(`(?:(${YEAR})\\s*年\\s*)?第\\s*(${NUM})\\s*期(?:\\s*[（(,，、]?\\s*总\\s*第\\s*(${NUM})\\s*期\\s*[）)]?)?`);
const TOTAL_ONLY = new RegExp(`[（(]?\\s*总\\s*第\\s*(${NUM})\\s*期\\s*[）)]?`);
const CHINESE_DATE = new RegExp(`(${YEAR})\\s*年\\s*(${NUM})\\s*月\\s*(${NUM})\\s*日`);
const NUMERIC_DATE = /(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})/;
const PUBLISHER_SUFFIX = /^(.+?)\s*编\s*印$/;
const PUBLISHER_LABEL = /^(?:主办|编印|主办单位|编印单位)\s*[：:]\s*(.+)$/;

const TITLE_PAGE: readonly RegExp[] = [
  /^[（(]?内部(?:刊物|资料)[）)]?\s*(?:[，,]?\s*注意保存)?$/,
  /^注意保存$/,
  /^[\p{Script=Han}“”"\s]{0,16}简\s*报$/u,
  /^[^，。！？,!?]{2,40}协会$/,
];

export function isTitlePageLine(line: string): boolean {
  return TITLE_PAGE.some((pattern) => pattern.test(line));
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

export function emptyHeader(): ParsedHeader {
  return { year: null, number: null, totalNumber: null, date: null, publisher: null, invalidDates: [] };
}

/**
 * Takes one front-matter line into `header` when the whole line is title-page material; returns
 * false (and takes nothing) for any other line, so a sentence that mentions a date is not a header.
 */
export function readHeaderLine(rawLine: string, header: ParsedHeader): boolean {
  let rest = asciiDigits(stripMarkers(rawLine));
  const found = emptyHeader();
  const take = (pattern: RegExp): RegExpExecArray | null => {
    const match = pattern.exec(rest);
    if (match) {
      rest = `${rest.slice(0, match.index)} ${rest.slice(match.index + match[0].length)}`.trim();
    }
    return match;
  };

  const issue = take(ISSUE);
  if (issue) {
    found.year = issue[1] ? parseNumeral(issue[1]) : null;
    found.number = parseNumeral(issue[2] ?? '');
    found.totalNumber = issue[3] ? parseNumeral(issue[3]) : null;
  }
  const total = take(TOTAL_ONLY);
  if (total) found.totalNumber ??= parseNumeral(total[1] ?? '');
  const date = take(CHINESE_DATE) ?? take(NUMERIC_DATE);
  if (date) {
    const [printed, year, month, day] = date;
    const iso = isoDate(parseNumeral(year ?? '') ?? 0, parseNumeral(month ?? '') ?? 0, parseNumeral(day ?? '') ?? 0);
    if (iso) found.date = iso;
    else found.invalidDates.push(printed.trim());
  }
  const publisher = PUBLISHER_SUFFIX.exec(rest) ?? PUBLISHER_LABEL.exec(rest);
  if (publisher) found.publisher = publisher[1]?.trim() || null;

  const whole = publisher !== null || /^[\s,，、]*$/.test(rest) || isTitlePageLine(rest);
  if (!whole) return false;
  header.year ??= found.year;
  header.number ??= found.number;
  header.totalNumber ??= found.totalNumber;
  header.date ??= found.date;
  header.publisher ??= found.publisher;
  header.invalidDates.push(...found.invalidDates);
  return true;
}
