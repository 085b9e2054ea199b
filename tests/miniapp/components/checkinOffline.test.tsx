import { fireEvent, render, screen } from '@testing-library/react';
import type { MyActivity } from '@zhijian/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import CheckinTab from '../../../miniapp/src/pages/checkin';
import { networkStore } from '../../../miniapp/src/services/network';
import { outboxStore } from '../../../miniapp/src/services/outbox';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { makeActivityListItem } from '../../support/taro/activityFactories';
import { installFakeApi, json } from '../../support/taro/fakeApi';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { taroControl } from '../../support/taro/taro';

const activity: MyActivity = {
  ...makeActivityListItem({ phase: 'checkin_open', placeAddress: '' }),
  relation: 'roster',
  myStatus: 'waiting',
  checkedInAt: null,
  requests: [],
  canRequestLeave: false,
  canRequestMakeup: false,
};

describe('签到 without a network', () => {
  beforeEach(() => {
    clearSession();
    saveSession(makeSignedIn(makeMe()));
    outboxStore.set({ items: [], outcomes: [], sending: null });
    networkStore.set({ online: true, weak: false });
  });

  it('does not queue a scan (its code lives seconds), says so once and points to the make-up request', async () => {
    const api = installFakeApi({
      'GET /api/me/activities': () => json(200, { items: [activity] }),
      'GET /api/me/attendance': () => json(200, { items: [], total: 0, page: 1, pageSize: 10 }),
      'GET /api/me/points': () => json(200, { items: [], total: 0, page: 1, pageSize: 1, totalPoints: 0 }),
    });
    const reach = taroControl.requestHandler;
    taroControl.requestHandler = (options) => (options.method === 'POST' ? Promise.reject({ errMsg: 'request:fail' }) : reach(options));
    render(<CheckinTab />);
    fireEvent.change(await screen.findByPlaceholderText('输入或粘贴签到码'), { target: { value: 'code-123' } });
    fireEvent.click(screen.getByRole('button', { name: '签到' }));

    expect(await screen.findByText('网络不通，签到没有成功')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '去申请补签' })).toBeInTheDocument();
    expect(screen.getByText('网络已断开：可阅读已下载的简报，保存的内容联网后自动发送')).toBeInTheDocument();
    expect(outboxStore.get().items).toEqual([]);
    // The banner says it: no toast on top.
    expect(taroControl.toasts).toEqual([]);
    expect(api.callsTo('GET', '/api/me/activities').length).toBeGreaterThan(0);
  });
});
