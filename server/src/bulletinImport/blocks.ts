import type { Block } from '@zhijian/shared';
import { isWholeLineBold, parseSpans, stripMarkers } from './inline';
import { endsOpen, hasInnerSentenceEnd } from './punctuation';

/**
 * Article body lines → blocks.
 *
 * Heading rule (sub-headings inside an article):
 * - a numbered heading starts with `一、` (level 1), `（一）` (level 2) or `1、` / `1.` / `（1）`
 *   (level 3), is at most 40 characters long and holds one sentence at most (no `。！？；` before
 *   its last character). `1.明确党群工作年度工作目标。学院党委…` is a paragraph, not a heading;
 * - a line that is one bold run (`**…**`) under the same length and sentence limits is a heading;
 * - an unnumbered line of at most 30 characters without any `。！？；：`, not in brackets, not
 *   ending in a comma and not the last line of the article is a heading (level 1): the sub-title
 *   of a news item.
 * Lines starting with a list marker (`- `, `• `) are list items, and so is a run of two or more
 * numbered heading lines of the same level with nothing between them (`1、建立台账` / `2、限时答复`).
 *
 * Page-break repair: a paragraph that ends without sentence-final punctuation and is long (more
 * than 30 characters, or holding a finished sentence already) continues in the next paragraph,
 * unless that one is a heading, a list item or starts with its own enumeration (`二、`, `3.`,
 * `（一）`, `二是`, `第二，`).
 */

const NUMBERED_HEADING_MAX = 40;
const SHORT_LINE_MAX = 30;

const LEVEL_MARKERS: readonly { level: 1 | 2 | 3; pattern: RegExp }[] = [
  { level: 1, pattern: /^[一二三四五六七八九十]+[、．.]/ },
  { level: 2, pattern: /^[（(][一二三四五六七八九十]+[）)]/ },
  { level: 3, pattern: /^(?:\d{1,2}[、．]|\d{1,2}\.(?!\d)|[（(]\d{1,2}[）)])/ },
];

const ENUMERATION_START =
  /^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]{1,2}[）)]|\d{1,2}[、．]|\d{1,2}\.(?!\d)|[一二三四五六七八九十]是|第[一二三四五六七八九十]+[，,、：:])/;

const LIST_MARKER = /^(?:[-•●▪]|\*(?!\*))\s+/;

type Unit = { kind: 'paragraph' | 'listItem'; raw: string } | { kind: 'heading'; level: 1 | 2 | 3; numbered: boolean; raw: string };

function headingLevel(text: string): 1 | 2 | 3 | null {
  return LEVEL_MARKERS.find(({ pattern }) => pattern.test(text))?.level ?? null;
}

function isOneSentence(text: string, maxLength: number): boolean {
  return [...text].length <= maxLength && !hasInnerSentenceEnd(text);
}

function classify(line: string): Unit {
  const listMarker = LIST_MARKER.exec(line);
  if (listMarker) return { kind: 'listItem', raw: line.slice(listMarker[0].length) };
  const text = stripMarkers(line);
  const level = headingLevel(text);
  if (level !== null && isOneSentence(text, NUMBERED_HEADING_MAX)) {
    return { kind: 'heading', level, numbered: true, raw: line };
  }
  if (isWholeLineBold(line) && isOneSentence(text, NUMBERED_HEADING_MAX)) {
    return { kind: 'heading', level: 1, numbered: false, raw: line };
  }
  return { kind: 'paragraph', raw: line };
}

function isNumberedHeading(unit: Unit | undefined, level: number): boolean {
  return unit?.kind === 'heading' && unit.numbered && unit.level === level;
}

/** Same-level numbered lines in a row are a numbered list, not headings of empty sections. */
function numberedRunsToListItems(units: Unit[]): Unit[] {
  return units.map((unit, index) => {
    if (unit.kind !== 'heading' || !unit.numbered) return unit;
    const inRun = isNumberedHeading(units[index - 1], unit.level) || isNumberedHeading(units[index + 1], unit.level);
    return inRun ? { kind: 'listItem', raw: unit.raw } : unit;
  });
}

function canContinue(unit: Unit): boolean {
  if (unit.kind === 'heading') return false;
  const text = stripMarkers(unit.raw);
  return endsOpen(text) && ([...text].length > SHORT_LINE_MAX || hasInnerSentenceEnd(text));
}

function isContinuation(unit: Unit): boolean {
  return unit.kind === 'paragraph' && !ENUMERATION_START.test(stripMarkers(unit.raw));
}

/** Words of Latin script on both sides of a page break keep a space between them. */
function joinRaw(left: string, right: string): string {
  const needsSpace = /[A-Za-z0-9]$/.test(stripMarkers(left)) && /^[A-Za-z0-9]/.test(stripMarkers(right));
  return needsSpace ? `${left} ${right}` : `${left}${right}`;
}

function rejoinPageBreaks(units: Unit[]): Unit[] {
  const joined: Unit[] = [];
  for (const unit of units) {
    const previous = joined[joined.length - 1];
    if (previous && canContinue(previous) && isContinuation(unit)) {
      previous.raw = joinRaw(previous.raw, unit.raw);
    } else {
      joined.push({ ...unit });
    }
  }
  return joined;
}

function isShortSubtitle(text: string): boolean {
  return [...text].length <= SHORT_LINE_MAX && !/[。！？；：!?;:]/.test(text) && !/^[（(]/.test(text) && !/[，,、]$/.test(text);
}

export function buildBlocks(lines: readonly string[]): Block[] {
  const units = rejoinPageBreaks(numberedRunsToListItems(lines.map(classify)));
  return units.map((unit, index): Block => {
    const spans = parseSpans(unit.raw);
    if (unit.kind === 'heading') return { type: 'heading', level: unit.level, spans };
    if (unit.kind === 'listItem') return { type: 'listItem', spans };
    const isLast = index === units.length - 1;
    if (!isLast && isShortSubtitle(stripMarkers(unit.raw))) return { type: 'heading', level: 1, spans };
    return { type: 'paragraph', spans };
  });
}
