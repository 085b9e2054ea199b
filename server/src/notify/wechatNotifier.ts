import type { Logger } from '../logger';
import { thing, type Notifier } from './notifier';

/**
 * Real sender for subscription messages through `subscribe/send`, once per recipient. A recipient
 * WeChat refuses (e.g. 43101, no longer subscribed) is logged and skipped; the rest still get theirs.
 * A notice whose template has no id configured is logged and not sent.
 */
export function createWechatNotifier(options: {
  apiBase: string;
  accessToken: () => Promise<string>;
  bulletinTemplateId: string | undefined;
  templateIds: Record<string, string>;
  logger: Logger;
  fetchImpl?: typeof fetch;
}): Notifier {
  const fetchImpl = options.fetchImpl ?? fetch;

  async function send(openids: string[], templateId: string, page: string, data: Record<string, string>): Promise<number> {
    let sent = 0;
    const token = await options.accessToken();
    for (const openid of openids) {
      const url = new URL('/cgi-bin/message/subscribe/send', options.apiBase);
      url.searchParams.set('access_token', token);
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          touser: openid,
          template_id: templateId,
          page,
          data: Object.fromEntries(Object.entries(data).map(([key, value]) => [key, { value }])),
        }),
        signal: AbortSignal.timeout(5000),
      });
      const reply = (await response.json()) as { errcode?: number; errmsg?: string };
      if (reply.errcode) options.logger.warn({ openid, errcode: reply.errcode, errmsg: reply.errmsg }, 'subscription message refused');
      else sent += 1;
    }
    return sent;
  }

  return {
    async bulletinPublished(openids, notice) {
      if (!options.bulletinTemplateId) {
        options.logger.warn('WECHAT_BULLETIN_TEMPLATE_ID is not set: publishing reminder logged, not sent');
        return 0;
      }
      return send(openids, options.bulletinTemplateId, notice.page, {
        thing1: thing(notice.title),
        thing2: thing(notice.issueLabel),
        date3: notice.date,
      });
    },
    async notify(openids, notice) {
      const templateId = options.templateIds[notice.template];
      if (!templateId) {
        options.logger.warn({ template: notice.template }, 'no template id in WECHAT_TEMPLATE_IDS: notice logged, not sent');
        return 0;
      }
      return send(openids, templateId, notice.page, notice.fields);
    },
  };
}
