import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import DeskPage from '../../../miniapp/src/packages/secretariat/desk';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { installFakeApi, json } from '../../support/taro/fakeApi';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { makeCall } from '../../support/taro/submissionFactories';
import { taroControl } from '../../support/taro/taro';

function deskApi() {
  return installFakeApi({
    'GET /api/calls/5': () => json(200, makeCall({ phase: 'closed', entryCounts: { passed: 2 } })),
    'GET /api/calls/5/entries': () => json(200, { items: [], total: 0, page: 1, pageSize: 20 }),
    'POST /api/calls/5/auto-assign': () => json(200, { assigned: [{ entryId: 41, reviewerId: 9 }], short: [] }),
  });
}

describe('the desk’s review deadline', () => {
  beforeEach(() => {
    clearSession();
    taroControl.reset();
    taroControl.routerParams = { callId: '5' };
    saveSession(makeSignedIn(makeMe({ roles: ['member', 'secretariat'] })));
  });

  it('is a day and a time picked, sent as the Beijing-time instant', async () => {
    const server = deskApi();
    render(<DeskPage />);
    const day = await screen.findByLabelText('评审截止时间（北京时间）（日期）');
    const time = screen.getByLabelText('评审截止时间（北京时间）（时间）');
    expect(day).toHaveAttribute('type', 'date');
    expect(time).toHaveValue('18:00');
    fireEvent.change(day, { target: { value: '2026-12-09' } });
    fireEvent.change(time, { target: { value: '17:30' } });
    fireEvent.click(screen.getByRole('button', { name: '自动分配' }));
    await waitFor(() => expect(server.callsTo('POST', '/api/calls/5/auto-assign')).toHaveLength(1));
    expect(server.callsTo('POST', '/api/calls/5/auto-assign')[0]!.body).toEqual({ deadline: '2026-12-09T17:30:00+08:00' });
    await waitFor(() => expect(taroControl.toasts).toContain('已分配 1 项'));
  });

  it('says which field to fill when the day is cleared, and sends nothing', async () => {
    const server = deskApi();
    render(<DeskPage />);
    fireEvent.change(await screen.findByLabelText('评审截止时间（北京时间）（日期）'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: '自动分配' }));
    await waitFor(() => expect(taroControl.toasts).toContain('请选择评审截止时间的日期和时间'));
    expect(server.callsTo('POST', '/api/calls/5/auto-assign')).toHaveLength(0);
  });
});
