/**
 * A PDF page's text items → paragraphs. A PDF has no paragraphs, only positioned runs of text:
 * runs on one baseline make a line; a line that reaches the right margin continues in the next one
 * (a wrapped paragraph), a short line, a wider gap or an indented next line ends the paragraph.
 * Body text of an issue is justified, so a wrapped line is full; left-aligned text may end a line
 * a character or two short (a closing mark cannot start a line), hence the tolerance of 2.5 em.
 * Pure, so it is tested without a PDF; the worker (`fileJobs.readPdfText`) feeds it.
 */
export interface PdfTextItem {
  str: string;
  /** Left x and baseline y, in points. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The item ends its line. */
  hasEOL: boolean;
}

interface Line {
  text: string;
  left: number;
  right: number;
  y: number;
  height: number;
}

function toLines(items: readonly PdfTextItem[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    const sameLine = current !== null && Math.abs(item.y - current.y) < Math.max(2, current.height / 2);
    if (!sameLine && current) {
      lines.push(current);
      current = null;
    }
    if (item.str !== '') {
      if (!current) current = { text: '', left: item.x, right: item.x, y: item.y, height: item.height };
      current.text += item.str;
      current.left = Math.min(current.left, item.x);
      current.right = Math.max(current.right, item.x + item.width);
      current.height = Math.max(current.height, item.height);
    }
    if (item.hasEOL && current) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines.filter((line) => line.text.trim() !== '');
}

const ASCII_WORD_END = /[A-Za-z0-9,.;:]$/;
const ASCII_WORD_START = /^[A-Za-z0-9]/;

/**
 * Paragraphs of one page, in reading order. `pageWidth` places the right margin where the left one
 * mirrors it (Word's margins are symmetric), so a page of short lines has no "full" line.
 */
export function pageParagraphs(items: readonly PdfTextItem[], pageWidth: number): string[] {
  const lines = toLines(items);
  if (lines.length === 0) return [];
  const leftEdge = Math.min(...lines.map((line) => line.left));
  const margin = Math.max(pageWidth - leftEdge, ...lines.map((line) => line.right));
  const paragraphs: string[] = [];
  let text = lines[0]!.text.trim();
  for (let index = 1; index < lines.length; index += 1) {
    const previous = lines[index - 1]!;
    const line = lines[index]!;
    const em = Math.max(previous.height, 1);
    const wrapped = previous.right >= margin - 2.5 * em;
    const gap = previous.y - line.y;
    const indented = line.left > leftEdge + 1.5 * em;
    const startsHeading = /^[☆★]/.test(line.text.trim());
    if (wrapped && gap > 0 && gap < 2 * em && !indented && !startsHeading) {
      const joiner = ASCII_WORD_END.test(text) && ASCII_WORD_START.test(line.text.trim()) ? ' ' : '';
      text += joiner + line.text.trim();
    } else {
      paragraphs.push(text);
      text = line.text.trim();
    }
  }
  paragraphs.push(text);
  return paragraphs;
}
