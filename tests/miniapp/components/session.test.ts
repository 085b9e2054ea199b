import { api } from '@zhijian/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { call, ensureFreshToken } from '../../../miniapp/src/services/api';
import { clearSession, freshness, getSession, saveSession } from '../../../miniapp/src/services/session';
import { apiError, installFakeApi, json } from '../../support/taro/fakeApi';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { taroControl } from '../../support/taro/taro';

const HOUR = 3600_000;

describe('session', () => {
  beforeEach(() => clearSession());

  it('keeps the token in storage and sends it as a bearer token', async () => {
    saveSession(makeSignedIn(makeMe(), 'token-abc'));
    expect(taroControl.storage.get('zj.session')).toMatchObject({ token: 'token-abc' });
    const server = installFakeApi({ 'GET /api/me': () => json(200, makeMe()) });
    await call(api.auth.me);
    expect(server.calls[0]!.headers.authorization).toBe('Bearer token-abc');
  });

  it('is fresh early, due for renewal in the last quarter of its life, expired at the end', () => {
    const now = Date.now();
    const session = saveSession(makeSignedIn(makeMe(), 't', 2 * HOUR, now), now);
    expect(freshness(session, now + HOUR)).toBe('fresh');
    expect(freshness(session, now + 1.6 * HOUR)).toBe('renew');
    expect(freshness(session, now + 2 * HOUR)).toBe('expired');
  });

  it('renews the token through /api/auth/refresh before it expires', async () => {
    const now = Date.now();
    saveSession(makeSignedIn(makeMe(), 'old-token', 2 * HOUR, now - 1.8 * HOUR), now - 1.8 * HOUR);
    const server = installFakeApi({
      'POST /api/auth/refresh': () => json(200, makeSignedIn(makeMe(), 'new-token')),
      'GET /api/me': () => json(200, makeMe()),
    });
    await call(api.auth.me);
    expect(server.calls.map((c) => c.path)).toEqual(['/api/auth/refresh', '/api/me']);
    expect(server.calls[0]!.headers.authorization).toBe('Bearer old-token');
    expect(server.calls[1]!.headers.authorization).toBe('Bearer new-token');
    expect(getSession()?.token).toBe('new-token');
  });

  it('renews only once when several calls find the token due', async () => {
    const now = Date.now();
    saveSession(makeSignedIn(makeMe(), 'old', 2 * HOUR, now - 1.8 * HOUR), now - 1.8 * HOUR);
    const server = installFakeApi({ 'POST /api/auth/refresh': () => json(200, makeSignedIn(makeMe(), 'new')) });
    await Promise.all([ensureFreshToken(), ensureFreshToken(), ensureFreshToken()]);
    expect(server.callsTo('POST', '/api/auth/refresh')).toHaveLength(1);
  });

  it('ends an expired session and returns to sign-in', async () => {
    saveSession(makeSignedIn(makeMe(), 'gone', -1000));
    await ensureFreshToken();
    expect(getSession()).toBeNull();
    expect(taroControl.storage.has('zj.session')).toBe(false);
    await Promise.resolve();
    expect(taroControl.navigations).toContainEqual({ kind: 'reLaunch', url: '/pages/signin/index' });
  });

  it('clears the token on a 401 and returns to sign-in with the server message', async () => {
    saveSession(makeSignedIn(makeMe(), 'revoked'));
    installFakeApi({ 'GET /api/me': () => apiError('token_expired') });
    await expect(call(api.auth.me)).rejects.toMatchObject({ status: 401, message: '登录已过期，请重新登录' });
    expect(getSession()).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(taroControl.navigations).toContainEqual({ kind: 'reLaunch', url: '/pages/signin/index' });
    expect(taroControl.toasts).toContain('登录已过期，请重新登录');
  });

  it('leaves a 401 without a token (a wrong password) to the page', async () => {
    installFakeApi({ 'POST /api/auth/password': () => apiError('unauthorized', '用户名或密码错误') });
    await expect(call(api.auth.password, { body: { username: 'a', password: 'b' } })).rejects.toMatchObject({
      message: '用户名或密码错误',
    });
    expect(taroControl.navigations).toEqual([]);
  });
});
