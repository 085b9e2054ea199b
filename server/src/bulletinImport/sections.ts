import { stripMarkers } from './inline';
import { stripFinalStop } from './punctuation';

/**
 * Section names that may stand before a title with a bare colon (`协会动态：TITLE`). A numbered
 * part (`XX之一：TITLE`) marks a section whatever its name; a plain `XX：TITLE` does not, since
 * ordinary titles use that form too (`西子集团党建：以干部党员为带头先锋…`).
 */
export const KNOWN_SECTIONS: readonly string[] = ['协会动态'];

const PART = '(?:[一二三四五六七八九十]+|\\d{1,2})';
const NAME = '[^\\s\\p{P}\\p{S}]{2,10}?';
const NUMBERED_WITH_TITLE = new RegExp(`^(${NAME})\\s*之${PART}\\s*[：:]\\s*(.+)$`, 'u');
const NUMBERED_ONLY = new RegExp(`^(${NAME})\\s*之${PART}\\s*[：:]?$`, 'u');

export interface SectionAndTitle {
  section: string | null;
  /** Null when the text names only a section (`☆协会动态`): the title is on the next line. */
  title: string | null;
}

/** A printed title without bold markers, surrounding spaces or a final full stop. */
export function cleanTitle(raw: string): string {
  return stripFinalStop(stripMarkers(raw).trim());
}

export function splitSection(raw: string): SectionAndTitle {
  const text = cleanTitle(raw);
  const numbered = NUMBERED_WITH_TITLE.exec(text);
  if (numbered) return { section: numbered[1] ?? null, title: cleanTitle(numbered[2] ?? '') };
  const numberedOnly = NUMBERED_ONLY.exec(text);
  if (numberedOnly) return { section: numberedOnly[1] ?? null, title: null };
  for (const section of KNOWN_SECTIONS) {
    if (text === section || text === `${section}：` || text === `${section}:`) return { section, title: null };
    const withTitle = new RegExp(`^${section}\\s*[：:]\\s*(.+)$`, 'u').exec(text);
    if (withTitle) return { section, title: cleanTitle(withTitle[1] ?? '') };
  }
  return { section: null, title: text };
}
