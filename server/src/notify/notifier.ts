import type { Logger } from '../logger';

export interface BulletinNotice {
  /** ≤ 20 characters: WeChat's `thing` fields are cut there. */
  title: string;
  issueLabel: string;
  date: string;
  /** Mini-program page the notice opens. */
  page: string;
}

/**
 * Any other subscription message: `template` is our key for it (e.g. `letter.replied`), mapped to
 * a WeChat template id by `WECHAT_TEMPLATE_IDS`; `fields` are the template's data in WeChat's own
 * names (`thing1`, `time2`, …), `thing` values already cut with `thing()`.
 */
export interface Notice {
  template: string;
  page: string;
  fields: Record<string, string>;
}

/** Sends WeChat subscription messages; each method returns how many were accepted. */
export interface Notifier {
  bulletinPublished(openids: string[], notice: BulletinNotice): Promise<number>;
  notify(openids: string[], notice: Notice): Promise<number>;
}

/** Development stand-in: writes what would be sent to the log. */
export function loggingNotifier(logger: Logger): Notifier {
  return {
    async bulletinPublished(openids, notice) {
      for (const openid of openids) logger.info({ openid, notice }, 'subscription message (development: logged, not sent)');
      return openids.length;
    },
    async notify(openids, notice) {
      for (const openid of openids) logger.info({ openid, notice }, 'subscription message (development: logged, not sent)');
      return openids.length;
    },
  };
}

/** WeChat `thing` values hold at most 20 characters. */
export function thing(text: string): string {
  const chars = Array.from(text);
  return chars.length <= 20 ? text : `${chars.slice(0, 19).join('')}…`;
}
