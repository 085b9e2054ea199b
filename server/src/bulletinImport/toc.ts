import { stripMarkers } from './inline';
import { titleKey } from './punctuation';
import { splitSection } from './sections';
import type { BulletinArticle, BulletinTocEntry } from './types';

/**
 * 【本期导读】: the marker line (`【本期导读】`, `【本期导读 】`, `本期导读：`…) and its entries in any
 * form — `1、…`, `- 1、…`, `1.…`, `（1）…`, indented or not; `5、协会动态：TITLE` names a section.
 */

const MARKER = /^[【[〔]?\s*本\s*期\s*(?:导\s*读|要\s*目|目\s*录)\s*[】\]〕]?\s*[：:]?\s*(.*)$/;
const ENTRY_PREFIX = /^(?:[-*•]\s*)?(?:[☆★]\s*)?(?:\d{1,2}\s*[、．.,，)）]|[（(]\d{1,2}[）)]|[一二三四五六七八九十]+\s*[、．.])?\s*/;
const ENTRY_MARKER = /^(?:[-*•☆★]\s*|\d{1,2}\s*[、．.,，)）]|[（(]\d{1,2}[）)])/;

/** For a 导读 marker line, the text after the marker (usually ''); null for other lines. */
export function tocMarkerRest(line: string): string | null {
  const match = MARKER.exec(stripMarkers(line));
  return match ? (match[1] ?? '').trim() : null;
}

/** Whether the line starts like a numbered or bulleted 导读 entry. */
export function looksLikeTocEntry(line: string): boolean {
  return ENTRY_MARKER.test(stripMarkers(line));
}

export function parseTocEntry(line: string): BulletinTocEntry {
  const text = stripMarkers(line).replace(ENTRY_PREFIX, '').trim();
  return { text, ...splitSection(text) };
}

function sameTitle(a: string, b: string): boolean {
  const [left, right] = [titleKey(a), titleKey(b)];
  if (left === '' || right === '') return false;
  if (left === right) return true;
  const [short, long] = left.length < right.length ? [left, right] : [right, left];
  return short.length >= 8 && long.includes(short);
}

function quote(text: string): string {
  return `“${text}”`;
}

/**
 * Pairs 导读 entries with articles: by title, or a section-only entry (`6、协会动态`) with every
 * article of that section. An article without a section takes the one its entry names. Returns
 * the articles (sections filled in) and Chinese warnings for what does not agree.
 */
export function matchToc(
  entries: readonly BulletinTocEntry[],
  articles: readonly BulletinArticle[],
): { articles: BulletinArticle[]; warnings: string[] } {
  const result = articles.map((article) => ({ ...article }));
  if (entries.length === 0) return { articles: result, warnings: [] };

  const matched = new Set<number>();
  const details: string[] = [];
  entries.forEach((entry, entryIndex) => {
    const hits: number[] = [];
    if (entry.title !== null) {
      const title = entry.title;
      const hit = result.findIndex((article, index) => !matched.has(index) && sameTitle(article.title, title));
      if (hit >= 0) hits.push(hit);
    } else {
      result.forEach((article, index) => {
        if (!matched.has(index) && article.section === entry.section) hits.push(index);
      });
    }
    for (const hit of hits) {
      matched.add(hit);
      const article = result[hit];
      if (article && article.section === null && entry.section !== null) article.section = entry.section;
    }
    if (hits.length === 0) {
      details.push(`导读第 ${entryIndex + 1} 条${quote(entry.text)}在正文中没有对应的 ☆ 文章`);
    }
  });
  result.forEach((article, index) => {
    if (!matched.has(index)) details.push(`正文文章${quote(article.title)}不在本期导读中`);
  });

  if (details.length === 0) return { articles: result, warnings: [] };
  return {
    articles: result,
    warnings: [`本期导读与正文不一致：导读 ${entries.length} 条，正文 ☆ 文章 ${articles.length} 篇`, ...details],
  };
}

/** Where to find articles when no line carries ☆: the body lines that repeat a 导读 title, in order. */
export function findTitleLines(lines: readonly string[], from: number, entries: readonly BulletinTocEntry[]): number[] {
  const found: number[] = [];
  let cursor = from;
  for (const entry of entries) {
    const titles = [entry.text, entry.title].filter((title): title is string => title !== null).map(titleKey);
    for (let index = cursor; index < lines.length; index += 1) {
      const line = stripMarkers(lines[index] ?? '');
      const candidates = [titleKey(line), titleKey(splitSection(line).title ?? line)];
      if (candidates.some((candidate) => candidate !== '' && titles.includes(candidate))) {
        found.push(index);
        cursor = index + 1;
        break;
      }
    }
  }
  return found;
}
