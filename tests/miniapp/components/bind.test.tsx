import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import BindPage from '../../../miniapp/src/pages/bind';
import { pendingBindStore } from '../../../miniapp/src/services/auth';
import { clearSession, getSession } from '../../../miniapp/src/services/session';
import { apiError, installFakeApi, json } from '../../support/taro/fakeApi';
import { makeSignedIn } from '../../support/taro/factories';
import { taroControl } from '../../support/taro/taro';

function fill(label: string, value: string) {
  fireEvent.change(screen.getByPlaceholderText(label), { target: { value } });
}

describe('bind page', () => {
  beforeEach(() => {
    clearSession();
    pendingBindStore.set({ bindTicket: 'ticket-1', ticketExpiresAt: new Date(Date.now() + 600_000).toISOString() });
  });

  it('binds with invite code, name and phone, then opens the tabs', async () => {
    const server = installFakeApi({ 'POST /api/auth/bind': () => json(200, makeSignedIn(undefined, 'bound-token')) });
    render(<BindPage />);
    fill('向本单位党务工作者索取', ' RS2025 ');
    fill('与名册一致', '张三');
    fill('名册登记的手机号', '13800000001');
    fireEvent.click(screen.getByRole('button', { name: '绑定并登录' }));
    await waitFor(() => expect(taroControl.navigations).toContainEqual({ kind: 'switchTab', url: '/pages/bulletin/index' }));
    expect(server.calls[0]!.body).toEqual({ ticket: 'ticket-1', inviteCode: 'RS2025', name: '张三', phone: '13800000001' });
    expect(getSession()?.token).toBe('bound-token');
    expect(pendingBindStore.get()).toBeNull();
  });

  it('shows the roster mismatch and per-field messages from the server', async () => {
    installFakeApi({
      'POST /api/auth/bind': () =>
        apiError('invalid_input', '提交的内容不符合要求', [{ path: 'phone', message: '手机号应为 11 位中国大陆手机号' }]),
    });
    render(<BindPage />);
    fireEvent.click(screen.getByRole('button', { name: '绑定并登录' }));
    expect(await screen.findByText('提交的内容不符合要求')).toBeInTheDocument();
    expect(screen.getByText('手机号应为 11 位中国大陆手机号')).toBeInTheDocument();
  });

  it('sends the reader back to sign-in without a bind ticket', () => {
    pendingBindStore.set(null);
    render(<BindPage />);
    expect(screen.getByText('绑定凭证已失效')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '返回登录' }));
    expect(taroControl.navigations).toContainEqual({ kind: 'reLaunch', url: '/pages/signin/index' });
  });
});
