import type { Clock } from '../clock';

interface TokenReply {
  access_token?: string;
  expires_in?: number;
  errcode?: number;
  errmsg?: string;
}

/**
 * The app's `access_token` for WeChat's server APIs (subscription messages, content checks),
 * fetched once and renewed five minutes before its two hours run out. One per process: every
 * caller shares it, so WeChat's daily token quota is not spent by each feature on its own.
 */
export function accessTokenSource(options: {
  appId: string;
  secret: string;
  apiBase: string;
  clock: Clock;
  fetchImpl?: typeof fetch;
}): () => Promise<string> {
  const fetchImpl = options.fetchImpl ?? fetch;
  let cached: { token: string; until: number } | undefined;
  return async () => {
    if (cached && cached.until > options.clock.now().getTime()) return cached.token;
    const url = new URL('/cgi-bin/token', options.apiBase);
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: options.appId, secret: options.secret }).toString();
    const reply = (await (await fetchImpl(url, { signal: AbortSignal.timeout(5000) })).json()) as TokenReply;
    if (!reply.access_token) throw new Error(`access_token refused: ${reply.errcode} ${reply.errmsg}`);
    cached = { token: reply.access_token, until: options.clock.now().getTime() + ((reply.expires_in ?? 7200) - 300) * 1000 };
    return cached.token;
  };
}
