import type { Block } from '@zhijian/shared';
import { bigramsOf, blocksToPlainText, normalizeForSearch } from './text';

/** The derived columns every insert or update of an article's title or blocks must write. */
export function articleSearchFields(title: string, blocks: Block[]) {
  const plainText = blocksToPlainText(blocks);
  const searchTitle = normalizeForSearch(title);
  const searchBody = normalizeForSearch(plainText);
  return {
    plainText,
    searchTitle,
    searchBody,
    bigrams: [...new Set([...bigramsOf(searchTitle), ...bigramsOf(searchBody)])],
  };
}
