import type { Logger } from '../logger';

/** WeChat's msgSecCheck scenes: 1 资料 (profiles), 2 评论 (comments, answers), 3 论坛 (posts, letters), 4 社交日志. */
export const CONTENT_SCENES = { profile: 1, comment: 2, forum: 3, log: 4 } as const;
export type ContentScene = keyof typeof CONTENT_SCENES;

export interface ContentToCheck {
  text: string;
  scene: ContentScene;
  /** The writer's openid: WeChat's v2 check needs a user who opened the app in the last two hours. */
  openid: string | null;
}

/**
 * `pass`: shown at once. `review`: held for a person (the unit admin, the secretariat) to let
 * through or refuse; also what an unreachable WeChat gives, so nothing unchecked is shown.
 */
export interface ContentVerdict {
  verdict: 'pass' | 'review';
  /** WeChat's label (e.g. 20006 违法犯罪) or why it was held, for the reviewer. */
  label?: string;
}

/** Checks text that other people will read before it is shown. */
export interface ContentChecker {
  check(content: ContentToCheck): Promise<ContentVerdict>;
}

/** Development stand-in: everything passes and is logged. */
export function loggingContentChecker(logger: Logger): ContentChecker {
  return {
    async check(content) {
      logger.info({ scene: content.scene, length: content.text.length }, 'content check (development: passed without WeChat)');
      return { verdict: 'pass' };
    },
  };
}

/** Checks several texts of one item: held if any one is. Empty texts are not sent. */
export async function checkAll(
  checker: ContentChecker,
  texts: (string | null | undefined)[],
  scene: ContentScene,
  openid: string | null,
): Promise<ContentVerdict> {
  for (const text of texts) {
    if (!text || !text.trim()) continue;
    const verdict = await checker.check({ text, scene, openid });
    if (verdict.verdict === 'review') return verdict;
  }
  return { verdict: 'pass' };
}
