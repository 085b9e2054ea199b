import { beforeEach, describe, expect, it } from 'vitest';
import { renderPage, setResponder, tapElement, tapText, waitFor, waitForText, wxLog, type WxRequestOptions } from './harness';

const me = {
  id: 3,
  name: '王五',
  phoneMasked: '137****0003',
  phoneTail: '0003',
  kind: 'fixed',
  roles: ['member'],
  unit: { id: 1, name: '荣盛集团' },
  branch: null,
  group: null,
};

function api(options: WxRequestOptions) {
  const path = new URL(options.url).pathname;
  if (path === '/api/auth/options') {
    return { status: 200, body: { devSignIn: true, wechat: false, devAccounts: [{ code: 'dev:demo-member', label: '党员（演示）' }] } };
  }
  if (path === '/api/auth/wechat') {
    return {
      status: 200,
      body: {
        status: 'signed_in',
        token: 'weapp-token',
        expiresAt: new Date(Date.now() + 7200_000).toISOString(),
        refreshToken: 'weapp-refresh-token',
        refreshExpiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        user: me,
      },
    };
  }
  return { status: 404, body: { error: { code: 'not_found', message: '请求的内容不存在' } } };
}

describe('weapp build: sign-in page', () => {
  beforeEach(() => {
    setResponder(api);
    wxLog.requests.length = 0;
    wxLog.navigations.length = 0;
  });

  it('renders the WeChat sign-in with the privacy agreement and, in development, the demo accounts', async () => {
    const page = renderPage('pages/signin/index');
    await waitForText(page, '党员（演示）');
    expect(page.dom.textContent).toContain('指尖党建');
    expect(page.dom.textContent).toContain('微信一键登录');
    expect(page.dom.textContent).toContain('《隐私保护指引》');
    expect(page.dom.textContent).not.toContain('请输入密码');
    expect(wxLog.requests[0]!.url).toBe('http://127.0.0.1:8080/api/auth/options');
    page.detach();
  });

  it('signs in on a tap once the agreement is ticked, with a wx.login code, and opens the tabs', async () => {
    const page = renderPage('pages/signin/index');
    await waitForText(page, '微信一键登录');

    tapText(page, '微信一键登录');
    await waitFor(() => wxLog.toasts.includes('请先阅读并同意《隐私保护指引》'));
    expect(wxLog.requests.some((r) => r.url.endsWith('/api/auth/wechat'))).toBe(false);

    tapElement(page, page.dom.querySelector('.main--zj-agreement__box') as HTMLElement);
    await waitFor(() => !!page.dom.querySelector('.main--zj-agreement__box--on'));

    tapText(page, '微信一键登录');
    await waitFor(() => wxLog.navigations.some((n) => n.kind === 'switchTab'));
    const signIn = wxLog.requests.find((r) => r.url.endsWith('/api/auth/wechat'))!;
    expect(signIn.method).toBe('POST');
    expect(JSON.parse(signIn.data as string)).toEqual({ code: 'simulated-wx-code' });
    expect(wxLog.navigations).toContainEqual({ kind: 'switchTab', url: '/pages/bulletin/index' });
    expect(wxLog.storage.get('zj.session')).toMatchObject({ token: 'weapp-token' });
    page.detach();
  });
});
