import type { ContentChecker, ContentToCheck, ContentVerdict } from '../../server/src/contentCheck/contentChecker';

/**
 * Stands in for msgSecCheck: text containing a flagged word is held for review, the rest passes.
 * Every check is kept, so a test can see what was sent and with which scene and openid.
 */
export class ScriptedContentChecker implements ContentChecker {
  readonly checked: ContentToCheck[] = [];
  private readonly flaggedWords = new Set<string>(['违规词']);

  /** Text containing `word` is held from now on (besides the default 违规词). */
  flag(word: string): void {
    this.flaggedWords.add(word);
  }

  async check(content: ContentToCheck): Promise<ContentVerdict> {
    this.checked.push(content);
    for (const word of this.flaggedWords) {
      if (content.text.includes(word)) return { verdict: 'review', label: `含有「${word}」` };
    }
    return { verdict: 'pass' };
  }
}
