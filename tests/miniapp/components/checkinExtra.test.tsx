import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ActivityListItem } from '@zhijian/shared';
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import DeskPage from '../../../miniapp/src/packages/checkin-admin/desk';
import ExtraActivityPage from '../../../miniapp/src/packages/checkin-admin/extra';
import { CHECKIN_ACTIVITY_PAGE, CHECKIN_EXTRA_PAGE } from '../../../miniapp/src/routes';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { makeActivityDetail, makeActivityListItem } from '../../support/taro/activityFactories';
import { apiError, installFakeApi, json } from '../../support/taro/fakeApi';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { taroControl } from '../../support/taro/taro';

beforeEach(() => {
  clearSession();
  taroControl.reset();
  saveSession(makeSignedIn(makeMe({ roles: ['member', 'unit_admin'] })));
});

function unitWith(branches: { id: number; name: string }[]) {
  return {
    id: 7,
    name: '荣盛集团',
    kind: 'enterprise',
    groupId: 1,
    groupName: '第一片组',
    memberCount: 40,
    inviteCode: 'RS2016',
    branches,
  };
}

describe('adding an extra activity', () => {
  it('sends the day, time, place, agenda and materials, then returns to the desk', async () => {
    const server = installFakeApi({
      'POST /api/units/7/activities': () => json(201, makeActivityDetail({ id: 12, origin: 'extra', title: '专题党课' })),
    });
    render(<ExtraActivityPage />);
    fireEvent.change(screen.getByLabelText('日期'), { target: { value: '2026-12-20' } });
    fireEvent.change(screen.getByDisplayValue('14:00'), { target: { value: '09:30' } });
    fireEvent.change(screen.getByDisplayValue('120'), { target: { value: '90' } });
    fireEvent.change(screen.getByDisplayValue('党员固定活动日'), { target: { value: '专题党课' } });
    fireEvent.change(screen.getByPlaceholderText('如 党群服务中心'), { target: { value: '党群服务中心' } });
    fireEvent.click(screen.getByRole('button', { name: '添加议程环节' }));
    fireEvent.click(screen.getByRole('button', { name: '活动环节' }));
    fireEvent.change(document.querySelector('.zj-agenda__segment input')!, { target: { value: '书记讲党课' } });
    fireEvent.change(screen.getByPlaceholderText('篇目、链接或需提前阅读的内容'), { target: { value: '《习近平谈治国理政》第五卷' } });
    fireEvent.click(screen.getByRole('button', { name: '保存活动' }));

    await waitFor(() => expect(taroControl.navigations).toEqual([{ kind: 'navigateBack', url: undefined }]));
    expect(server.callsTo('POST', '/api/units/7/activities')[0]!.body).toEqual({
      title: '专题党课',
      date: '2026-12-20',
      startTime: '09:30',
      durationMinutes: 90,
      placeName: '党群服务中心',
      placeAddress: '',
      latitude: null,
      longitude: null,
      radiusMeters: null,
      branchId: null,
      hostSiteId: null,
      agenda: [{ kind: 'branch_general_meeting', title: '书记讲党课' }],
      materials: '《习近平谈治国理政》第五卷',
    });
    expect(taroControl.toasts).toContain('已增加活动');
  });

  it('sends the position taken where the organiser stands, and the radius', async () => {
    taroControl.location = { latitude: 30.2741, longitude: 120.1551 };
    const server = installFakeApi({ 'POST /api/units/7/activities': () => json(201, makeActivityDetail({ id: 13, origin: 'extra' })) });
    render(<ExtraActivityPage />);
    fireEvent.change(screen.getByLabelText('日期'), { target: { value: '2026-12-20' } });
    fireEvent.change(screen.getByPlaceholderText('如 党群服务中心'), { target: { value: '钱塘江边' } });
    fireEvent.click(screen.getByRole('button', { name: '以当前位置为活动地点' }));
    fireEvent.change(await screen.findByDisplayValue('300'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: '保存活动' }));
    expect(await screen.findByText('范围至少 10 米')).toBeInTheDocument();
    expect(server.callsTo('POST', '/api/units/7/activities')).toHaveLength(0);

    fireEvent.change(screen.getByDisplayValue('5'), { target: { value: '800' } });
    fireEvent.click(screen.getByRole('button', { name: '保存活动' }));
    await waitFor(() => expect(server.callsTo('POST', '/api/units/7/activities')).toHaveLength(1));
    expect(server.callsTo('POST', '/api/units/7/activities')[0]!.body).toMatchObject({
      placeName: '钱塘江边',
      latitude: 30.2741,
      longitude: 120.1551,
      radiusMeters: 800,
    });
  });

  it('sends nothing until the day and the place are given', async () => {
    const server = installFakeApi({});
    render(<ExtraActivityPage />);
    fireEvent.change(screen.getByDisplayValue('14:00'), { target: { value: '25:00' } });
    fireEvent.click(screen.getByRole('button', { name: '保存活动' }));
    expect(await screen.findByText('请选择日期')).toBeInTheDocument();
    // A time input cannot hold 25:00: it is left empty, and the empty time is named as missing.
    expect(screen.getByText('请选择开始时间')).toBeInTheDocument();
    expect(screen.getByText('请填写活动地点')).toBeInTheDocument();
    expect(server.calls.filter((request) => request.method !== 'GET')).toHaveLength(0);
    expect(taroControl.navigations).toEqual([]);
  });

  it('is for the whole unit unless a branch or a host site is picked', async () => {
    const server = installFakeApi({
      'GET /api/units/7': () => json(200, unitWith([{ id: 3, name: '第一党支部' }])),
      'GET /api/units/7/host-sites': () => json(200, { items: [{ id: 5, unitId: 7, name: '四季青流动党员服务站', members: [] }] }),
      'POST /api/units/7/activities': () => json(201, makeActivityDetail({ id: 14, origin: 'extra' })),
    });
    render(<ExtraActivityPage />);
    expect(await screen.findByRole('radio', { name: '全单位' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: '四季青流动党员服务站' }));
    fireEvent.click(screen.getByRole('radio', { name: '第一党支部' }));
    fireEvent.change(screen.getByLabelText('日期'), { target: { value: '2026-12-20' } });
    fireEvent.change(screen.getByPlaceholderText('如 党群服务中心'), { target: { value: '一支部活动室' } });
    fireEvent.click(screen.getByRole('button', { name: '保存活动' }));
    await waitFor(() => expect(server.callsTo('POST', '/api/units/7/activities')).toHaveLength(1));
    expect(server.callsTo('POST', '/api/units/7/activities')[0]!.body).toMatchObject({ branchId: 3, hostSiteId: null });
  });

  it('offers no choice to a unit without branches or host sites', async () => {
    const server = installFakeApi({
      'GET /api/units/7': () => json(200, unitWith([])),
      'GET /api/units/7/host-sites': () => json(200, { items: [] }),
    });
    render(<ExtraActivityPage />);
    await waitFor(() => expect(server.calls).toHaveLength(2));
    await act(() => Promise.resolve());
    expect(screen.queryByText('参加对象')).toBeNull();
    expect(screen.getByRole('button', { name: '保存活动' })).toBeInTheDocument();
  });

  it('stays on the form and shows the server’s refusal', async () => {
    installFakeApi({ 'POST /api/units/7/activities': () => apiError('not_found', '本单位的支部不存在') });
    render(<ExtraActivityPage />);
    fireEvent.change(screen.getByLabelText('日期'), { target: { value: '2026-12-20' } });
    fireEvent.change(screen.getByPlaceholderText('如 党群服务中心'), { target: { value: '党群服务中心' } });
    fireEvent.click(screen.getByRole('button', { name: '保存活动' }));
    expect(await screen.findByText('本单位的支部不存在')).toBeInTheDocument();
    expect(taroControl.navigations).toEqual([]);
  });
});

describe('the organiser’s desk', () => {
  it('opens an activity’s management page and the extra-activity form, and lists the new activity on return', async () => {
    let items: ActivityListItem[] = [makeActivityListItem()];
    const server = installFakeApi({ 'GET /api/units/7/activities': () => json(200, { items }) });
    render(<DeskPage />);
    fireEvent.click(await screen.findByRole('button', { name: '管理' }));
    expect(taroControl.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: `${CHECKIN_ACTIVITY_PAGE}?id=9` });
    fireEvent.click(screen.getByText('增加活动'));
    expect(taroControl.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: CHECKIN_EXTRA_PAGE });

    items = [
      ...items,
      makeActivityListItem({
        id: 12,
        origin: 'extra',
        title: '专题党课',
        startsAt: '2026-12-20T01:30:00.000Z',
        endsAt: '2026-12-20T03:00:00.000Z',
      }),
    ];
    act(() => taroControl.fireDidShow());
    expect(await screen.findByText('专题党课')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: '管理' })).toHaveLength(2);
    expect(server.callsTo('GET', '/api/units/7/activities')).toHaveLength(2);
    // A week back and a year ahead, so an extra activity planned beyond the rules' three months shows too.
    const query = server.callsTo('GET', '/api/units/7/activities')[0]!.query;
    const days = (Date.parse(query.get('to')!) - Date.parse(query.get('from')!)) / 86_400_000;
    expect(days).toBe(373);
  });
});
