import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { SignInOptions } from '@zhijian/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import SignInPage from '../../../miniapp/src/pages/signin';
import { clearSession, getSession, reloadSession } from '../../../miniapp/src/services/session';
import { apiError, installFakeApi, json } from '../../support/taro/fakeApi';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { taroControl } from '../../support/taro/taro';
import { setWindowWidth } from '../../support/taro/viewport';

const DEV_OPTIONS: SignInOptions = {
  devSignIn: true,
  wechat: false,
  devAccounts: [
    { code: 'dev:demo-secretary', label: '秘书处（演示）' },
    { code: 'dev:demo-member', label: '党员（演示）' },
  ],
};

function agree() {
  fireEvent.click(screen.getByRole('checkbox'));
}

describe('sign-in page (H5 console)', () => {
  beforeEach(() => {
    clearSession();
    setWindowWidth(390);
  });

  it('lands the secretariat on the home dashboard at desktop width', async () => {
    setWindowWidth(1440);
    installFakeApi({
      'GET /api/auth/options': () => json(200, DEV_OPTIONS),
      'POST /api/auth/wechat': () => json(200, makeSignedIn(makeMe({ roles: ['secretariat'] }))),
    });
    render(<SignInPage />);
    agree();
    fireEvent.click(await screen.findByRole('button', { name: '秘书处（演示）' }));
    await waitFor(() => expect(taroControl.navigations).toContainEqual({ kind: 'reLaunch', url: '/packages/console/home/index' }));
  });

  it('goes on to the page that sent the person here (`next`), and only to a page of this app', async () => {
    installFakeApi({
      'GET /api/auth/options': () => json(200, DEV_OPTIONS),
      'POST /api/auth/wechat': () => json(200, makeSignedIn(makeMe({ roles: ['member'] }))),
    });
    taroControl.routerParams = { next: encodeURIComponent('/packages/bulletin/article/index?id=42') };
    const first = render(<SignInPage />);
    agree();
    fireEvent.click(await screen.findByRole('button', { name: '党员（演示）' }));
    await waitFor(() =>
      expect(taroControl.navigations).toContainEqual({ kind: 'reLaunch', url: '/packages/bulletin/article/index?id=42' }),
    );
    first.unmount();

    clearSession();
    taroControl.navigations.length = 0;
    taroControl.routerParams = { next: encodeURIComponent('https://example.org/') };
    render(<SignInPage />);
    fireEvent.click(await screen.findByRole('button', { name: '党员（演示）' }));
    await waitFor(() => expect(taroControl.navigations).toContainEqual({ kind: 'switchTab', url: '/pages/bulletin/index' }));
  });

  it('signs in with username and password and goes to the 简报 tab', async () => {
    const server = installFakeApi({
      'GET /api/auth/options': () => json(200, { ...DEV_OPTIONS, devSignIn: false, devAccounts: [] }),
      'POST /api/auth/password': () => json(200, makeSignedIn(makeMe({ roles: ['secretariat'] }), 'pw-token')),
    });
    render(<SignInPage />);
    fireEvent.change(screen.getByPlaceholderText('请输入用户名'), { target: { value: 'admin' } });
    fireEvent.change(screen.getByPlaceholderText('请输入密码'), { target: { value: 'secret' } });
    agree();
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    await waitFor(() => expect(taroControl.navigations).toContainEqual({ kind: 'switchTab', url: '/pages/bulletin/index' }));
    expect(server.callsTo('POST', '/api/auth/password')[0]!.body).toEqual({ username: 'admin', password: 'secret' });
    expect(getSession()?.token).toBe('pw-token');
    expect(screen.queryByText('开发环境 · 演示账号登录')).not.toBeInTheDocument();
  });

  it("shows the server's message when the password is wrong", async () => {
    installFakeApi({
      'GET /api/auth/options': () => json(200, { devSignIn: false, devAccounts: [], wechat: false }),
      'POST /api/auth/password': () => apiError('unauthorized', '用户名或密码错误'),
    });
    render(<SignInPage />);
    agree();
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByText('用户名或密码错误')).toBeInTheDocument();
    expect(taroControl.navigations).toEqual([]);
  });

  it('asks for the privacy agreement before signing in', async () => {
    const server = installFakeApi({ 'GET /api/auth/options': () => json(200, DEV_OPTIONS) });
    render(<SignInPage />);
    fireEvent.click(await screen.findByRole('button', { name: '党员（演示）' }));
    expect(taroControl.toasts).toContain('请先阅读并同意《隐私保护指引》');
    expect(server.callsTo('POST', '/api/auth/wechat')).toHaveLength(0);
  });

  it('lists the dev accounts only when the server allows dev sign-in, and signs in with the picked code', async () => {
    const server = installFakeApi({
      'GET /api/auth/options': () => json(200, DEV_OPTIONS),
      'POST /api/auth/wechat': () => json(200, makeSignedIn(makeMe({ roles: ['secretariat'] }))),
    });
    render(<SignInPage />);
    expect(await screen.findByText('开发环境 · 演示账号登录')).toBeInTheDocument();
    agree();
    fireEvent.click(screen.getByRole('button', { name: '秘书处（演示）' }));
    await waitFor(() => expect(taroControl.navigations).toContainEqual({ kind: 'switchTab', url: '/pages/bulletin/index' }));
    expect(server.callsTo('POST', '/api/auth/wechat')[0]!.body).toEqual({ code: 'dev:demo-secretary' });
    expect(taroControl.storage.get('zj.privacyAgreed')).toBeTruthy();
  });

  it('sends an unbound account to the bind page', async () => {
    installFakeApi({
      'GET /api/auth/options': () => json(200, DEV_OPTIONS),
      'POST /api/auth/wechat': () =>
        json(200, { status: 'unbound', bindTicket: 'ticket-1', ticketExpiresAt: new Date(Date.now() + 600_000).toISOString() }),
    });
    render(<SignInPage />);
    agree();
    fireEvent.click(await screen.findByRole('button', { name: '党员（演示）' }));
    await waitFor(() => expect(taroControl.navigations).toContainEqual({ kind: 'navigateTo', url: '/pages/bind/index' }));
    expect(getSession()).toBeNull();
  });
});

describe('sign-in page (WeChat)', () => {
  beforeEach(() => {
    clearSession();
    process.env.TARO_ENV = 'weapp';
  });

  it('signs in with a fresh wx.login code', async () => {
    taroControl.loginCode = 'code-from-wx';
    const server = installFakeApi({
      'GET /api/auth/options': () => json(200, { devSignIn: false, devAccounts: [], wechat: true }),
      'POST /api/auth/wechat': () => json(200, makeSignedIn()),
    });
    render(<SignInPage />);
    expect(screen.queryByPlaceholderText('请输入密码')).not.toBeInTheDocument();
    agree();
    fireEvent.click(screen.getByRole('button', { name: '微信一键登录' }));
    await waitFor(() => expect(taroControl.navigations).toContainEqual({ kind: 'switchTab', url: '/pages/bulletin/index' }));
    expect(server.callsTo('POST', '/api/auth/wechat')[0]!.body).toEqual({ code: 'code-from-wx' });
  });

  it('goes straight to the tabs when a session is stored', () => {
    installFakeApi({ 'GET /api/auth/options': () => json(200, DEV_OPTIONS) });
    taroControl.storage.set('zj.session', {
      token: 't',
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      refreshToken: 'r',
      refreshExpiresAt: new Date(Date.now() + 30 * 24 * 3600_000).toISOString(),
      receivedAt: Date.now(),
      user: makeMe(),
    });
    reloadSession();
    render(<SignInPage />);
    expect(taroControl.navigations).toContainEqual({ kind: 'switchTab', url: '/pages/bulletin/index' });
  });
});
