import type { Block, Span } from '@zhijian/shared';

/** What a row of the block editor can be; headings by level as 一、/（一）/1、 in the newsletter. */
export type BlockKind = 'paragraph' | 'heading1' | 'heading2' | 'heading3' | 'listItem';

export const BLOCK_KINDS: readonly { value: BlockKind; label: string }[] = [
  { value: 'paragraph', label: '段落' },
  { value: 'heading1', label: '小标题一' },
  { value: 'heading2', label: '小标题二' },
  { value: 'heading3', label: '小标题三' },
  { value: 'listItem', label: '列表项' },
];

/**
 * One row of the editor. `spans` keeps the original runs (bold from a Word import) for as long as
 * the row's text is not edited; editing a row makes it one run, bold if `bold` is set.
 */
export interface DraftBlock {
  key: number;
  kind: BlockKind;
  text: string;
  bold: boolean;
  spans: Span[] | null;
}

let nextKey = 1;

export function newDraftBlock(kind: BlockKind = 'paragraph', text = ''): DraftBlock {
  return { key: nextKey++, kind, text, bold: false, spans: null };
}

function kindOf(block: Block): BlockKind {
  if (block.type === 'heading') return `heading${block.level}`;
  return block.type;
}

export function draftOf(blocks: Block[]): DraftBlock[] {
  return blocks.map((block) => ({
    key: nextKey++,
    kind: kindOf(block),
    text: block.spans.map((span) => span.text).join(''),
    bold: block.spans.every((span) => span.bold),
    spans: block.spans,
  }));
}

/** True when some, not all, of the row's text is bold: the editor says so, since editing flattens it. */
export function hasMixedBold(block: DraftBlock): boolean {
  return !!block.spans && block.spans.some((span) => span.bold) && !block.spans.every((span) => span.bold);
}

export function withText(block: DraftBlock, text: string): DraftBlock {
  return { ...block, text, spans: null };
}

export function withBold(block: DraftBlock, bold: boolean): DraftBlock {
  return { ...block, bold, spans: null };
}

/** The article body as the API takes it; rows left empty are dropped. */
export function blocksOf(drafts: DraftBlock[]): Block[] {
  const blocks: Block[] = [];
  for (const draft of drafts) {
    const text = draft.text.trim();
    if (!text) continue;
    const spans = draft.spans ?? [{ text, bold: draft.bold }];
    if (draft.kind === 'paragraph' || draft.kind === 'listItem') blocks.push({ type: draft.kind, spans });
    else blocks.push({ type: 'heading', level: Number(draft.kind.slice(-1)) as 1 | 2 | 3, spans });
  }
  return blocks;
}

/** Pasted text: one paragraph per non-empty line. */
export function draftFromText(text: string): DraftBlock[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter(Boolean)
    .map((line) => newDraftBlock('paragraph', line));
}

export function move<T>(items: T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length) return items;
  const next = items.slice();
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}
