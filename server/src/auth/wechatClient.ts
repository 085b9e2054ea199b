import { authRefusals } from '@zhijian/shared';
import { refuse, type AppError } from '../errors';
import type { Logger } from '../logger';

export interface WechatSession {
  openid: string;
  unionid?: string;
}

/** The server's side of `wx.login`: exchanges a one-time code for the user's openid. */
export interface WechatClient {
  code2Session(code: string): Promise<WechatSession>;
}

interface Code2SessionReply {
  openid?: string;
  unionid?: string;
  session_key?: string;
  errcode?: number;
  errmsg?: string;
}

/** WeChat's documented code2Session error codes and what we tell the user for each. */
function mapWechatError(errcode: number): AppError {
  switch (errcode) {
    case 40029:
    case 40163:
      return refuse(authRefusals.wechat_code_invalid, { errcode });
    case 45011:
      return refuse(authRefusals.wechat_rate_limited, { errcode });
    case 40226:
      return refuse(authRefusals.wechat_risky_account, { errcode });
    case -1:
      return refuse(authRefusals.wechat_unavailable, { errcode }, '微信系统繁忙，请稍后再试');
    default:
      return refuse(authRefusals.wechat_unavailable, { errcode });
  }
}

/**
 * Real HTTPS client for `sns/jscode2session`. The session_key WeChat returns is dropped here:
 * nothing we do needs it, and a key that is never kept cannot leak.
 */
export function createWechatClient(options: {
  appId: string;
  secret: string;
  apiBase: string;
  logger: Logger;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}): WechatClient {
  const fetchImpl = options.fetchImpl ?? fetch;
  return {
    async code2Session(code) {
      const url = new URL('/sns/jscode2session', options.apiBase);
      url.search = new URLSearchParams({
        appid: options.appId,
        secret: options.secret,
        js_code: code,
        grant_type: 'authorization_code',
      }).toString();
      let reply: Code2SessionReply;
      try {
        const response = await fetchImpl(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 5000) });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        reply = (await response.json()) as Code2SessionReply;
      } catch (error) {
        options.logger.error({ err: error }, 'wechat code2Session request failed');
        throw refuse(authRefusals.wechat_unavailable);
      }
      if (reply.errcode) {
        options.logger.warn({ errcode: reply.errcode, errmsg: reply.errmsg }, 'wechat code2Session refused');
        throw mapWechatError(reply.errcode);
      }
      if (!reply.openid) throw refuse(authRefusals.wechat_unavailable, {}, '微信未返回用户标识');
      return reply.unionid ? { openid: reply.openid, unionid: reply.unionid } : { openid: reply.openid };
    },
  };
}

/**
 * Used when no WeChat app is configured: only `dev:` codes (handled before this) can sign in. A
 * WeChat code is then a request this server cannot serve — the client's 400, not a 5xx.
 */
export const unconfiguredWechatClient: WechatClient = {
  async code2Session() {
    throw refuse(authRefusals.wechat_not_configured);
  },
};
