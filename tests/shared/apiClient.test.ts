import {
  api,
  ApiError,
  commonRefusals,
  createApiClient,
  isRefusal,
  refusalOf,
  TransportError,
  type Transport,
  type TransportRequest,
} from '@zhijian/shared';
import { describe, expect, it, vi } from 'vitest';

function scripted(...steps: (((req: TransportRequest) => Awaited<ReturnType<Transport>>) | Error)[]) {
  const seen: TransportRequest[] = [];
  const transport: Transport = async (request) => {
    seen.push(request);
    const step = steps.shift();
    if (!step) throw new Error('no more scripted responses');
    if (step instanceof Error) throw step;
    return step(request);
  };
  return { transport, seen };
}

const ok = (body: unknown) => () => ({ status: 200, headers: {}, body });

/** An issue as getIssue answers it. */
function makeIssue() {
  return {
    id: 1,
    label: '2016 年第 2 期（总第 36 期）',
    year: 2016,
    number: 2,
    totalNumber: 36,
    date: '2016-02-18',
    status: 'published',
    articleCount: 0,
    leadTitles: [],
    publishedAt: null,
    publisher: null,
    titleLines: [],
    distribution: { report: [], send: [] },
    toc: [],
    unreadCount: 0,
  };
}

describe('createApiClient', () => {
  it('sends the token and JSON body, and returns the parsed response', async () => {
    const { transport, seen } = scripted(ok({ devSignIn: true, devAccounts: [], wechat: false }));
    const client = createApiClient({ transport, baseUrl: 'https://api.example', getToken: () => 'tok' });
    const result = await client.call(api.auth.options);
    expect(result.devSignIn).toBe(true);
    expect(seen[0]).toMatchObject({ method: 'GET', url: 'https://api.example/api/auth/options', headers: { authorization: 'Bearer tok' } });
  });

  it('retries a GET once after a network failure', async () => {
    const { transport, seen } = scripted(
      new TransportError('network', '断网'),
      ok({ status: 'ok', db: 'pglite', database: 'up', redis: 'not_configured' }),
    );
    const client = createApiClient({ transport, baseUrl: '' });
    await expect(client.call(api.health.get)).resolves.toEqual({ status: 'ok', db: 'pglite', database: 'up', redis: 'not_configured' });
    expect(seen).toHaveLength(2);
  });

  it('never retries a POST without an idempotency key, whose first attempt may have arrived', async () => {
    const { transport, seen } = scripted(new TransportError('network', '断网'));
    const client = createApiClient({ transport, baseUrl: '' });
    const error = await client.call(api.auth.wechat, { body: { code: 'x' } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'network', status: 0 });
    expect(seen).toHaveLength(1);
  });

  it('gives every write a fresh Idempotency-Key, none to a read, and retries a keyed POST once under the same key', async () => {
    let made = 0;
    const { transport, seen } = scripted(
      ok({ status: 'ok', db: 'pglite', database: 'up', redis: 'not_configured' }),
      new TransportError('network', '断网'),
      ok({ read: true, secondsToRead: 8 }),
      ok({ read: true, secondsToRead: 8 }),
    );
    const client = createApiClient({ transport, baseUrl: '', makeIdempotencyKey: () => `key-${String((made += 1)).padStart(16, '0')}` });
    await client.call(api.health.get);
    await client.call(api.bulletins.reportRead, { params: { id: 1 }, body: { seconds: 9 } });
    await client.call(api.bulletins.reportRead, { params: { id: 1 }, body: { seconds: 9 } }, { idempotencyKey: 'outbox-item-0000000001' });
    expect(seen.map((request) => request.headers['idempotency-key'])).toEqual([
      undefined,
      'key-0000000000000001',
      'key-0000000000000001',
      'outbox-item-0000000001',
    ]);
  });

  it('revalidates a copy kept elsewhere with its ETag, answers it on 304, and tells the ETag', async () => {
    const kept = { id: 5, label: '第 5 期' };
    const { transport, seen } = scripted(() => ({ status: 304, headers: { etag: 'W/"v1"' }, body: '' }));
    const client = createApiClient({ transport, baseUrl: '' });
    const etags: string[] = [];
    const issue = await client.call(
      api.bulletins.getIssue,
      { params: { id: 5 } },
      { revalidate: { etag: 'W/"v1"', body: { ...makeIssue(), ...kept } }, onEtag: (etag) => etags.push(etag) },
    );
    expect(seen[0]!.headers['if-none-match']).toBe('W/"v1"');
    expect(issue).toMatchObject(kept);
    expect(etags).toEqual(['W/"v1"']);
  });

  it("turns an error answer into an ApiError with the server's Chinese message, and reports 401", async () => {
    const onUnauthorized = vi.fn();
    const { transport } = scripted(() => ({
      status: 401,
      headers: { 'x-request-id': 'req-1' },
      body: { error: { code: 'token_expired', message: '登录已过期，请重新登录', details: { reason: 'token_expired' } } },
    }));
    const client = createApiClient({ transport, baseUrl: '', onUnauthorized });
    const error = (await client.call(api.auth.me).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'token_expired', message: '登录已过期，请重新登录', requestId: 'req-1' });
    expect(error.reason).toBe('token_expired');
    expect(isRefusal(error, commonRefusals.token_expired)).toBe(true);
    expect(refusalOf(error, api.auth.me)?.reason).toBe('token_expired');
    expect(onUnauthorized).toHaveBeenCalledWith(error);
  });

  it('refuses a response that does not match the contract', async () => {
    const { transport } = scripted(ok({ status: 'broken' }));
    const client = createApiClient({ transport, baseUrl: '' });
    await expect(client.call(api.health.get)).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('builds URLs with params and query for downloads', () => {
    const client = createApiClient({ transport: scripted().transport, baseUrl: 'https://x' });
    expect(client.url(api.members.list, { params: { unitId: 3 }, query: { page: 2 } })).toBe('https://x/api/units/3/members?page=2');
  });
});

describe('an answer without the error shape', () => {
  it('is a bad response, not a refusal with a reason', async () => {
    const { transport } = scripted(() => ({ status: 500, headers: {}, body: { error: { code: 'internal', message: '出错' } } }));
    const client = createApiClient({ transport, baseUrl: '' });
    const error = (await client.call(api.health.get).catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ status: 500, code: 'bad_response' });
    expect(error.reason).toBeUndefined();
  });
});
