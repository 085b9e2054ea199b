import type { Span } from '@zhijian/shared';

const BOLD_MARKER = '**';

/** The text without `**` bold markers. */
export function stripMarkers(raw: string): string {
  return raw.split(BOLD_MARKER).join('');
}

/**
 * Turns `**bold**` markers into spans. An unmatched marker (bold that never closes) is dropped;
 * whitespace-only bold runs are plain.
 */
export function parseSpans(raw: string): Span[] {
  const parts = raw.split(BOLD_MARKER);
  const closed = parts.length % 2 === 1;
  const spans: Span[] = [];
  parts.forEach((text, index) => {
    if (text === '') return;
    const isLastOfUnclosed = !closed && index === parts.length - 1;
    const bold = index % 2 === 1 && !isLastOfUnclosed && text.trim() !== '';
    const previous = spans[spans.length - 1];
    if (previous && previous.bold === bold) previous.text += text;
    else spans.push({ text, bold });
  });
  return spans;
}

/** The line is a single bold run, e.g. `**开展免费义诊活动**`. */
export function isWholeLineBold(raw: string): boolean {
  return /^\*\*[^*]+\*\*$/.test(raw);
}
