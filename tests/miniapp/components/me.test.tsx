import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import MeTab from '../../../miniapp/src/pages/me';
import { DEFAULT_FONT_SIZE, setFontSize } from '../../../miniapp/src/services/fontSize';
import { clearSession, getSession, saveSession } from '../../../miniapp/src/services/session';
import { installFakeApi, json } from '../../support/taro/fakeApi';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { taroControl } from '../../support/taro/taro';

function signInAs(user = makeMe()) {
  saveSession(makeSignedIn(user));
  installFakeApi({ 'GET /api/me': () => json(200, user) });
}

describe('我的 tab', () => {
  beforeEach(() => {
    clearSession();
    setFontSize(DEFAULT_FONT_SIZE);
  });

  it('returns to sign-in without a session', () => {
    installFakeApi({});
    render(<MeTab />);
    expect(taroControl.navigations).toContainEqual({ kind: 'reLaunch', url: '/pages/signin/index' });
  });

  it('shows name, masked phone, unit and roles', async () => {
    signInAs(makeMe({ name: '李四', phoneMasked: '139****8888', roles: ['member', 'info_officer'] }));
    render(<MeTab />);
    expect(screen.getByText('李四')).toBeInTheDocument();
    expect(screen.getByText('139****8888')).toBeInTheDocument();
    expect(screen.getByText('荣盛集团')).toBeInTheDocument();
    expect(screen.getByText('信息员')).toBeInTheDocument();
    expect(screen.getByText('固定党员')).toBeInTheDocument();
    await waitFor(() => expect(taroControl.requests.some((r) => r.url === '/api/me')).toBe(true));
  });

  it('shows a member no role pages', () => {
    signInAs(makeMe({ roles: ['member'] }));
    render(<MeTab />);
    expect(screen.queryByText('单位名册')).not.toBeInTheDocument();
    expect(screen.queryByText('会员单位')).not.toBeInTheDocument();
    expect(screen.queryByText('评审任务')).not.toBeInTheDocument();
  });

  it('shows each role its own subpackage pages', () => {
    signInAs(makeMe({ roles: ['member', 'unit_admin'] }));
    const { unmount } = render(<MeTab />);
    fireEvent.click(screen.getByText('单位名册'));
    expect(taroControl.navigations).toContainEqual({ kind: 'navigateTo', url: '/packages/unit-admin/roster/index' });
    expect(screen.queryByText('审计日志')).not.toBeInTheDocument();
    unmount();

    signInAs(makeMe({ roles: ['secretariat'] }));
    const second = render(<MeTab />);
    expect(screen.getByText('会员单位')).toBeInTheDocument();
    expect(screen.getByText('审计日志')).toBeInTheDocument();
    expect(screen.queryByText('单位名册')).not.toBeInTheDocument();
    second.unmount();

    signInAs(makeMe({ roles: ['reviewer'] }));
    render(<MeTab />);
    expect(screen.getByText('评审任务')).toBeInTheDocument();
  });

  it('changes the body font size and remembers it on this device', () => {
    signInAs();
    const { container } = render(<MeTab />);
    const page = container.querySelector('.zj-page') as HTMLElement;
    expect(page.style.fontSize).toBe(`${DEFAULT_FONT_SIZE}px`);
    fireEvent.click(screen.getByRole('button', { name: '字号大' }));
    expect(page.style.fontSize).toBe('18px');
    expect(taroControl.storage.get('zj.fontSize')).toBe(18);
  });

  it('signs out after confirmation', async () => {
    signInAs();
    render(<MeTab />);
    fireEvent.click(screen.getByRole('button', { name: '退出登录' }));
    await waitFor(() => expect(getSession()).toBeNull());
    expect(taroControl.storage.has('zj.session')).toBe(false);
    await waitFor(() => expect(taroControl.navigations).toContainEqual({ kind: 'reLaunch', url: '/pages/signin/index' }));
  });

  it('links to the privacy page', () => {
    signInAs();
    render(<MeTab />);
    const row = screen.getByText('隐私保护指引').closest('.zj-cell') as HTMLElement;
    fireEvent.click(within(row).getByText('隐私保护指引'));
    expect(taroControl.navigations).toContainEqual({ kind: 'navigateTo', url: '/pages/privacy/index' });
  });
});
