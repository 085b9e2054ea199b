/** Punctuation rules shared by the block builder, the 导读 matcher and the title cleaner. */

/** Marks that end a sentence (full-width and ASCII). */
const SENTENCE_END = '。！？；!?;…';
/** A paragraph ending in one of these is finished; a colon introduces what follows. */
const CLOSING_END = `${SENTENCE_END}：:`;
/** Closing quotes and brackets that may follow the final mark: `…作用。”`. */
const TRAILING_CLOSERS = /[”’」』）)》〉】\]"'\s]+$/;

/** True when the text does not end like a finished sentence (a page break may have cut it). */
export function endsOpen(text: string): boolean {
  const core = text.replace(TRAILING_CLOSERS, '');
  const last = core.at(-1);
  if (last === undefined) return false;
  return !CLOSING_END.includes(last);
}

/** True when a sentence ends somewhere before the last character. */
export function hasInnerSentenceEnd(text: string): boolean {
  const inner = text.replace(TRAILING_CLOSERS, '').slice(0, -1);
  return [...inner].some((char) => SENTENCE_END.includes(char));
}

/** Drops one sentence-final full stop from a title: `…发挥政治核心作用。` → `…发挥政治核心作用`. */
export function stripFinalStop(text: string): string {
  return text.replace(/[。．.]$/u, '').trim();
}

/** The comparison key of a title: width-folded, without spaces and punctuation. */
export function titleKey(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
}
