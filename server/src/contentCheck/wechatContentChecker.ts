import type { Logger } from '../logger';
import { CONTENT_SCENES, type ContentChecker } from './contentChecker';

interface MsgSecCheckReply {
  errcode?: number;
  errmsg?: string;
  result?: { suggest?: 'pass' | 'review' | 'risky'; label?: number };
}

/**
 * WeChat's `msg_sec_check` (version 2). Anything but a clear `pass` is held for review: a
 * `risky` or `review` verdict, a writer without an openid, WeChat unreachable or refusing.
 */
export function createWechatContentChecker(options: {
  apiBase: string;
  accessToken: () => Promise<string>;
  logger: Logger;
  fetchImpl?: typeof fetch;
}): ContentChecker {
  const fetchImpl = options.fetchImpl ?? fetch;
  return {
    async check({ text, scene, openid }) {
      if (!openid) return { verdict: 'review', label: '作者未经微信登录，需人工审核' };
      try {
        const url = new URL('/wxa/msg_sec_check', options.apiBase);
        url.searchParams.set('access_token', await options.accessToken());
        const response = await fetchImpl(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ content: text, version: 2, scene: CONTENT_SCENES[scene], openid }),
          signal: AbortSignal.timeout(5000),
        });
        const reply = (await response.json()) as MsgSecCheckReply;
        if (reply.errcode) {
          options.logger.warn({ errcode: reply.errcode, errmsg: reply.errmsg }, 'msgSecCheck refused the request');
          return { verdict: 'review', label: `内容安全接口返回 ${reply.errcode}` };
        }
        if (reply.result?.suggest === 'pass') return { verdict: 'pass' };
        return { verdict: 'review', label: `内容安全标签 ${reply.result?.label ?? '未知'}` };
      } catch (error) {
        options.logger.error({ err: error }, 'msgSecCheck request failed');
        return { verdict: 'review', label: '内容安全接口不可用' };
      }
    },
  };
}
