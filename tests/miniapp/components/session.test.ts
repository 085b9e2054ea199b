import { api, authRefusals } from '@zhijian/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { call, ensureFreshToken } from '../../../miniapp/src/services/api';
import { signOut } from '../../../miniapp/src/services/auth';
import { canRenew, clearSession, freshness, getSession, reloadSession, saveSession } from '../../../miniapp/src/services/session';
import { apiError, apiRefusal, installFakeApi, json } from '../../support/taro/fakeApi';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { taroControl } from '../../support/taro/taro';

const HOUR = 3600_000;

describe('session', () => {
  beforeEach(() => clearSession());

  it('keeps the token pair in storage and sends the access token as a bearer token', async () => {
    saveSession(makeSignedIn(makeMe(), 'token-abc'));
    expect(taroControl.storage.get('zj.session')).toMatchObject({ token: 'token-abc', refreshToken: 'refresh-token-abc' });
    const server = installFakeApi({ 'GET /api/me': () => json(200, makeMe()) });
    await call(api.auth.me);
    expect(server.calls[0]!.headers.authorization).toBe('Bearer token-abc');
  });

  it('drops a session stored without a refresh token (an older version’s): it could not be renewed', () => {
    taroControl.storage.set('zj.session', {
      token: 'old-format',
      expiresAt: new Date(Date.now() + HOUR).toISOString(),
      receivedAt: Date.now(),
      user: makeMe(),
    });
    reloadSession();
    expect(getSession()).toBeNull();
  });

  it('is fresh early, due for renewal in the last quarter of its life, expired at the end', () => {
    const now = Date.now();
    const session = saveSession(makeSignedIn(makeMe(), 't', 2 * HOUR, now), now);
    expect(freshness(session, now + HOUR)).toBe('fresh');
    expect(freshness(session, now + 1.6 * HOUR)).toBe('renew');
    expect(freshness(session, now + 2 * HOUR)).toBe('expired');
  });

  it('renews through /api/auth/refresh with the refresh token, and keeps the new pair', async () => {
    const now = Date.now();
    saveSession(makeSignedIn(makeMe(), 'old-token', 2 * HOUR, now - 1.8 * HOUR), now - 1.8 * HOUR);
    const server = installFakeApi({
      'POST /api/auth/refresh': () => json(200, makeSignedIn(makeMe(), 'new-token')),
      'GET /api/me': () => json(200, makeMe()),
    });
    await call(api.auth.me);
    expect(server.calls.map((c) => c.path)).toEqual(['/api/auth/refresh', '/api/me']);
    expect(server.calls[0]!.body).toEqual({ refreshToken: 'refresh-old-token' });
    expect(server.calls[1]!.headers.authorization).toBe('Bearer new-token');
    expect(getSession()).toMatchObject({ token: 'new-token', refreshToken: 'refresh-new-token' });
  });

  it('renews a sign-in whose access token has expired while its refresh token is good', async () => {
    const now = Date.now();
    saveSession(makeSignedIn(makeMe(), 'expired-token', 2 * HOUR, now - 3 * HOUR), now - 3 * HOUR);
    const server = installFakeApi({
      'POST /api/auth/refresh': () => json(200, makeSignedIn(makeMe(), 'fresh-token')),
      'GET /api/me': () => json(200, makeMe()),
    });
    await call(api.auth.me);
    expect(server.calls.map((c) => c.path)).toEqual(['/api/auth/refresh', '/api/me']);
    expect(server.calls[1]!.headers.authorization).toBe('Bearer fresh-token');
    expect(taroControl.navigations).toEqual([]);
  });

  it('returns to sign-in when the server refuses the refresh token', async () => {
    const now = Date.now();
    saveSession(makeSignedIn(makeMe(), 'stolen', 2 * HOUR, now - 1.8 * HOUR), now - 1.8 * HOUR);
    installFakeApi({ 'POST /api/auth/refresh': () => apiRefusal(authRefusals.refresh_token_reused, {}) });
    await ensureFreshToken();
    expect(getSession()).toBeNull();
    expect(taroControl.storage.has('zj.session')).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(taroControl.navigations).toContainEqual({ kind: 'reLaunch', url: '/pages/signin/index' });
    expect(taroControl.toasts).toContain(authRefusals.refresh_token_reused.message({}));
  });

  it('keeps a still valid token when the refresh fails without a refusal', async () => {
    const now = Date.now();
    saveSession(makeSignedIn(makeMe(), 'still-good', 2 * HOUR, now - 1.8 * HOUR), now - 1.8 * HOUR);
    installFakeApi({ 'POST /api/auth/refresh': () => apiError('internal') });
    await ensureFreshToken();
    expect(getSession()?.token).toBe('still-good');
    expect(taroControl.navigations).toEqual([]);
  });

  it('renews only once when several calls find the token due', async () => {
    const now = Date.now();
    saveSession(makeSignedIn(makeMe(), 'old', 2 * HOUR, now - 1.8 * HOUR), now - 1.8 * HOUR);
    const server = installFakeApi({ 'POST /api/auth/refresh': () => json(200, makeSignedIn(makeMe(), 'new')) });
    await Promise.all([ensureFreshToken(), ensureFreshToken(), ensureFreshToken()]);
    expect(server.callsTo('POST', '/api/auth/refresh')).toHaveLength(1);
  });

  it('ends a session whose refresh token has expired too, and returns to sign-in', async () => {
    const signedIn = { ...makeSignedIn(makeMe(), 'gone', -1000), refreshExpiresAt: new Date(Date.now() - 1000).toISOString() };
    const session = saveSession(signedIn);
    expect(canRenew(session)).toBe(false);
    const server = installFakeApi({});
    await ensureFreshToken();
    expect(server.calls).toEqual([]);
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

  it('signs out on the server with the refresh token, and here even when the server cannot be reached', async () => {
    saveSession(makeSignedIn(makeMe(), 'leaving'));
    const server = installFakeApi({ 'POST /api/auth/sign-out': () => json(200, { ok: true }) });
    signOut();
    expect(getSession()).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(server.callsTo('POST', '/api/auth/sign-out').map((c) => c.body)).toEqual([{ refreshToken: 'refresh-leaving' }]);
    expect(taroControl.navigations).toContainEqual({ kind: 'reLaunch', url: '/pages/signin/index' });

    saveSession(makeSignedIn(makeMe(), 'offline'));
    installFakeApi({ 'POST /api/auth/sign-out': () => apiError('internal') });
    signOut();
    expect(getSession()).toBeNull();
  });
});
