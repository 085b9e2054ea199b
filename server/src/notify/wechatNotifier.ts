import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { thing, type Notifier } from './notifier';

interface TokenReply {
  access_token?: string;
  expires_in?: number;
  errcode?: number;
  errmsg?: string;
}

/**
 * Real sender for subscription messages: fetches and caches the app's access_token, then calls
 * `subscribe/send` once per recipient. A recipient WeChat refuses (e.g. 43101, no longer
 * subscribed) is logged and skipped; the rest still get theirs.
 */
export function createWechatNotifier(options: {
  appId: string;
  secret: string;
  apiBase: string;
  templateId: string;
  clock: Clock;
  logger: Logger;
  fetchImpl?: typeof fetch;
}): Notifier {
  const fetchImpl = options.fetchImpl ?? fetch;
  let cached: { token: string; until: number } | undefined;

  async function accessToken(): Promise<string> {
    if (cached && cached.until > options.clock.now().getTime()) return cached.token;
    const url = new URL('/cgi-bin/token', options.apiBase);
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: options.appId, secret: options.secret }).toString();
    const reply = (await (await fetchImpl(url, { signal: AbortSignal.timeout(5000) })).json()) as TokenReply;
    if (!reply.access_token) throw new Error(`access_token refused: ${reply.errcode} ${reply.errmsg}`);
    // Renew five minutes early; WeChat's tokens last two hours.
    cached = { token: reply.access_token, until: options.clock.now().getTime() + ((reply.expires_in ?? 7200) - 300) * 1000 };
    return cached.token;
  }

  return {
    async bulletinPublished(openids, notice) {
      let sent = 0;
      const token = await accessToken();
      for (const openid of openids) {
        const url = new URL('/cgi-bin/message/subscribe/send', options.apiBase);
        url.searchParams.set('access_token', token);
        const response = await fetchImpl(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            touser: openid,
            template_id: options.templateId,
            page: notice.page,
            data: { thing1: { value: thing(notice.title) }, thing2: { value: thing(notice.issueLabel) }, date3: { value: notice.date } },
          }),
          signal: AbortSignal.timeout(5000),
        });
        const reply = (await response.json()) as { errcode?: number; errmsg?: string };
        if (reply.errcode) options.logger.warn({ openid, errcode: reply.errcode, errmsg: reply.errmsg }, 'subscription message refused');
        else sent += 1;
      }
      return sent;
    },
  };
}
