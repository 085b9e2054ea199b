import { fireEvent, render, screen } from '@testing-library/react';
import type { CaseListItem } from '@zhijian/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import SubmitTab from '../../../miniapp/src/pages/submit';
import { CASE_PAGE, EDIT_ENTRY_PAGE, TOPICS_PAGE } from '../../../miniapp/src/routes';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { installFakeApi, json } from '../../support/taro/fakeApi';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { makeCall } from '../../support/taro/submissionFactories';
import { taroControl } from '../../support/taro/taro';

const published: CaseListItem = {
  entryId: 88,
  title: '楼宇“红色小管家”服务站',
  category: '服务员工群众',
  summary: '在商务楼宇设立服务站。',
  unitName: '荣盛集团',
  callId: 5,
  callTitle: '小创意发挥大作用',
  callKind: 'case',
  year: 2026,
  tier: '一等奖',
  coverImageId: null,
};

function submitApi() {
  return installFakeApi({
    'GET /api/calls': () =>
      json(200, {
        items: [
          makeCall(),
          makeCall({ id: 6, kind: 'research', title: '两新党建课题调研' }),
          makeCall({ id: 7, title: '名额已满的征集', myUnit: { used: 3, remaining: 0, drafts: 0 } }),
        ],
        total: 3,
        page: 1,
        pageSize: 20,
      }),
    'GET /api/cases': () => json(200, { items: [published], total: 1, page: 1, pageSize: 5 }),
    'GET /api/me/entries': () => json(200, { items: [], total: 0, page: 1, pageSize: 20 }),
  });
}

describe('报送 tab by role', () => {
  beforeEach(() => {
    clearSession();
    taroControl.reset();
  });

  it('shows a plain member the 案例库, not calls they cannot act on, and a case opens on a tap', async () => {
    saveSession(makeSignedIn(makeMe({ roles: ['member'] })));
    const api = submitApi();
    render(<SubmitTab />);
    fireEvent.click(await screen.findByText('楼宇“红色小管家”服务站'));
    expect(taroControl.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: `${CASE_PAGE}?id=88` });
    expect(screen.getByText(/由本单位党务工作者或信息员在这里报送/)).toBeInTheDocument();
    expect(screen.queryByText('正在征集')).not.toBeInTheDocument();
    expect(screen.queryByText('小创意发挥大作用')).not.toBeInTheDocument();
    expect(api.callsTo('GET', '/api/calls')).toHaveLength(0);
  });

  it("opens the right page when a unit admin taps a call's card, and says why when the places are used up", async () => {
    saveSession(makeSignedIn(makeMe({ roles: ['member', 'unit_admin'] })));
    submitApi();
    render(<SubmitTab />);
    fireEvent.click(await screen.findByText('小创意发挥大作用'));
    expect(taroControl.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: `${EDIT_ENTRY_PAGE}?callId=5` });
    fireEvent.click(screen.getByText('两新党建课题调研'));
    expect(taroControl.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: `${TOPICS_PAGE}?callId=6` });
    const before = taroControl.navigations.length;
    fireEvent.click(screen.getByText('名额已满的征集'));
    expect(taroControl.navigations).toHaveLength(before);
    expect(taroControl.toasts.at(-1)).toContain('名额已用完');
  });
});
