import { api, ApiError, createApiClient, TransportError } from '@zhijian/shared';
import { describe, expect, it } from 'vitest';
import { taroTransport } from '../../../miniapp/src/services/transport';
import { taroControl } from '../../support/taro/taro';
import { apiError, installFakeApi, json } from '../../support/taro/fakeApi';

const request = { method: 'GET', url: '/api/health', headers: { accept: 'application/json' }, timeoutMs: 5000 };

describe('taroTransport', () => {
  it('passes method, headers, body and timeout to Taro.request and parses a JSON answer', async () => {
    taroControl.requestHandler = () => json(200, { status: 'ok', db: 'pglite' });
    const response = await taroTransport()({ ...request, method: 'POST', body: '{"a":1}' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', db: 'pglite' });
    expect(response.headers['content-type']).toContain('application/json');
    const sent = taroControl.requests[0]!;
    expect(sent).toMatchObject({ url: '/api/health', method: 'POST', data: '{"a":1}', timeout: 5000, dataType: 'text' });
  });

  it('keeps a non-JSON answer as text', async () => {
    taroControl.requestHandler = () => ({ statusCode: 502, header: { 'content-type': 'text/html' }, data: '<h1>Bad gateway</h1>' });
    const response = await taroTransport()(request);
    expect(response).toMatchObject({ status: 502, body: '<h1>Bad gateway</h1>' });
  });

  it('turns "request:fail timeout" into a timeout and other failures into network errors', async () => {
    taroControl.requestHandler = () => Promise.reject({ errMsg: 'request:fail timeout' });
    await expect(taroTransport()(request)).rejects.toMatchObject({ reason: 'timeout' });
    taroControl.requestHandler = () => Promise.reject({ errMsg: 'request:fail net::ERR_CONNECTION_REFUSED' });
    const error = await taroTransport()(request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).reason).toBe('network');
  });
});

describe('shared client over taroTransport', () => {
  const client = createApiClient({ transport: taroTransport(), baseUrl: 'https://dj.example.org' });

  it('retries an idempotent call once after a network failure', async () => {
    let attempts = 0;
    taroControl.requestHandler = () => {
      attempts += 1;
      return attempts === 1
        ? Promise.reject({ errMsg: 'request:fail' })
        : json(200, { status: 'ok', db: 'pglite', database: 'up', redis: 'not_configured' });
    };
    await expect(client.call(api.health.get)).resolves.toEqual({ status: 'ok', db: 'pglite', database: 'up', redis: 'not_configured' });
    expect(attempts).toBe(2);
    expect(taroControl.requests[0]!.url).toBe('https://dj.example.org/api/health');
  });

  it('does not repeat a POST after a network failure', async () => {
    taroControl.requestHandler = () => Promise.reject({ errMsg: 'request:fail' });
    const error = await client.call(api.auth.wechat, { body: { code: 'abc' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('network');
    expect((error as ApiError).message).toBe('网络连接失败，请检查网络后重试');
    expect(taroControl.requests).toHaveLength(1);
  });

  it("surfaces the server's Chinese message", async () => {
    installFakeApi({ 'POST /api/auth/bind': () => apiError('bind_mismatch') });
    const error = await client
      .call(api.auth.bind, { body: { ticket: 't', inviteCode: 'X', name: '张三', phone: '13800000000' } })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, code: 'bind_mismatch', message: '邀请码、姓名或手机号与名册不符' });
  });
});
