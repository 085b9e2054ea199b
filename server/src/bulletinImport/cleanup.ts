/**
 * Word conversion debris: what a .docx → text conversion leaves behind that is not content.
 * The result is the list of non-empty lines, each trimmed, with `**bold**` and `- ` markers kept
 * (they carry meaning further on).
 */

const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\f\v]/;
/** Zero-width characters, BOM and soft hyphens: invisible, never content. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
/** Tabs, no-break spaces, U+3000 ideographic space and the other Unicode spaces. */
const ODD_SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/** Spaces next to full-width punctuation are never wanted: `听见。 今年` → `听见。今年`. */
const FULL_WIDTH_PAUSE_SPACES = / *([，。、；：！？]) */g;
/** `[bookmark: _GoBack]`, the marker Word leaves where the cursor last was, and other bookmarks. */
const BOOKMARK = /\[bookmark:[^\]]*\]/gi;

/** Lines that are only layout: page numbers (`- 2 -`, `第 3 页`), rules, empty list or bold markers. */
const DEBRIS_LINES: readonly RegExp[] = [
  /^[-—–－]?\s*\d{1,3}\s*[-—–－]?$/,
  /^第\s*\d{1,3}\s*页(?:\s*[，,]?\s*共\s*\d{1,3}\s*页)?$/,
  /^[-—–_=*·.•\s]{3,}$/,
  /^[-*•]$/,
  /^(?:\*\*)+$/,
];

export function cleanLine(line: string): string {
  return line
    .replace(INVISIBLE, '')
    .replace(BOOKMARK, '')
    .replace(ODD_SPACES, ' ')
    .replace(/\*\*\s*\*\*/g, (match) => (match.length > 4 ? ' ' : ''))
    .replace(/ {2,}/g, ' ')
    .replace(FULL_WIDTH_PAUSE_SPACES, '$1')
    .trim();
}

function isDebris(line: string): boolean {
  return DEBRIS_LINES.some((pattern) => pattern.test(line));
}

/** Splits converted text into its meaningful lines. */
export function cleanLines(text: string): string[] {
  return text
    .split(LINE_BREAKS)
    .map(cleanLine)
    .filter((line) => line !== '' && !isDebris(line));
}
