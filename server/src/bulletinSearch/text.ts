import type { Block, Segment } from '@zhijian/shared';

export function blockText(block: Block): string {
  return block.spans.map((span) => span.text).join('');
}

/** The article as plain text, one block per line: what search reads and snippets come from. */
export function blocksToPlainText(blocks: Block[]): string {
  return blocks.map(blockText).join('\n');
}

/** Case and width folded, whitespace dropped: "Ｐ Ｃ" and "pc" search alike. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * Every distinct pair of adjacent characters. Chinese has no spaces to split words on, so a
 * two-character window is the smallest unit that still narrows a search: an article contains
 * "固定活动日" only if it contains 固定, 定活, 活动 and 动日.
 */
export function bigramsOf(text: string): string[] {
  const chars = Array.from(normalizeForSearch(text));
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}

/** Splits `text` into segments, marking every occurrence of `query` (case-insensitive). */
export function highlight(text: string, query: string): Segment[] {
  const needle = query.toLowerCase();
  const haystack = text.toLowerCase();
  const segments: Segment[] = [];
  let from = 0;
  for (let at = haystack.indexOf(needle); needle && at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
    if (at > from) segments.push({ text: text.slice(from, at), hit: false });
    segments.push({ text: text.slice(at, at + needle.length), hit: true });
    from = at + needle.length;
  }
  if (from < text.length) segments.push({ text: text.slice(from), hit: false });
  return segments;
}

/** About `width` characters around the first occurrence, on one line, with ellipses where cut. */
export function snippet(text: string, query: string, width = 80): Segment[] {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const at = Math.max(0, flat.toLowerCase().indexOf(query.toLowerCase()));
  const start = Math.max(0, at - Math.floor((width - query.length) / 2));
  const end = Math.min(flat.length, start + width);
  const segments = highlight(flat.slice(start, end), query);
  if (start > 0) segments.unshift({ text: '…', hit: false });
  if (end < flat.length) segments.push({ text: '…', hit: false });
  return segments;
}
