import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authRefusals, ERROR_STATUS, type Refusal } from '@zhijian/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWechatClient, unconfiguredWechatClient } from '../../../server/src/auth/wechatClient';
import { AppError } from '../../../server/src/errors';
import { createLogger } from '../../../server/src/logger';

/** The refusal a call to WeChat ends with: its code, status and reason, and its details. */
async function refusedWith(promise: Promise<unknown>, refusal: Refusal): Promise<Record<string, unknown>> {
  const error = await promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const { code, status, reason, details } = error as AppError;
  expect({ code, status, reason }).toEqual({ code: refusal.code, status: ERROR_STATUS[refusal.code], reason: refusal.reason });
  return details;
}

describe('WeChat code2Session client', () => {
  let wechatApi: Server;
  let base: string;
  const replies = new Map<string, object>([
    ['good-code', { openid: 'o-123', session_key: 'SECRET-KEY' }],
    ['bad-code', { errcode: 40029, errmsg: 'invalid code' }],
    ['used-code', { errcode: 40163, errmsg: 'code been used' }],
    ['busy-code', { errcode: -1, errmsg: 'system error' }],
    ['risky-code', { errcode: 40226, errmsg: 'high risk' }],
    ['fast-code', { errcode: 45011, errmsg: 'api minute-quota reach limit' }],
    ['odd-code', { errcode: 41008, errmsg: 'missing code' }],
    ['empty-code', {}],
  ]);
  const seen: URLSearchParams[] = [];

  beforeAll(async () => {
    wechatApi = createServer((req, res) => {
      const url = new URL(req.url!, 'http://localhost');
      seen.push(url.searchParams);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(url.pathname === '/sns/jscode2session' ? (replies.get(url.searchParams.get('js_code')!) ?? {}) : {}));
    });
    await new Promise<void>((resolve) => wechatApi.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(wechatApi.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => wechatApi.close(() => resolve())));

  const client = () => createWechatClient({ appId: 'wx-app', secret: 'wx-secret', apiBase: base, logger: createLogger('silent') });

  it('sends appid, secret and code, and keeps only the openid', async () => {
    const session = await client().code2Session('good-code');
    expect(session).toEqual({ openid: 'o-123' });
    const params = seen.at(-1)!;
    expect(params.get('appid')).toBe('wx-app');
    expect(params.get('secret')).toBe('wx-secret');
    expect(params.get('grant_type')).toBe('authorization_code');
  });

  it.each([
    ['bad-code', authRefusals.wechat_code_invalid, 40029],
    ['used-code', authRefusals.wechat_code_invalid, 40163],
    ['busy-code', authRefusals.wechat_unavailable, -1],
    ['risky-code', authRefusals.wechat_risky_account, 40226],
    ['fast-code', authRefusals.wechat_rate_limited, 45011],
    ['odd-code', authRefusals.wechat_unavailable, 41008],
  ] as const)('maps the reply to %s to %s', async (code, refusal, errcode) => {
    const details = await refusedWith(client().code2Session(code), refusal);
    expect(details).toEqual({ reason: refusal.reason, errcode });
  });

  it('reports a reply without an openid as wechat_unavailable', async () => {
    await refusedWith(client().code2Session('empty-code'), authRefusals.wechat_unavailable);
  });

  it('reports an unreachable WeChat as wechat_unavailable', async () => {
    const offline = createWechatClient({ appId: 'a', secret: 's', apiBase: 'http://127.0.0.1:9', logger: createLogger('silent') });
    await refusedWith(offline.code2Session('x'), authRefusals.wechat_unavailable);
  });

  it('refuses every code with a 400 when no WeChat app is configured: the server did not fail', async () => {
    await refusedWith(unconfiguredWechatClient.code2Session('x'), authRefusals.wechat_not_configured);
  });
});
