import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { volunteerRefusals, type RosterEntry, type VolunteerActivity } from '@zhijian/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import EditPage from '../../../miniapp/src/packages/aie-admin/volunteer/edit';
import PublishPage from '../../../miniapp/src/packages/aie-admin/volunteer/publish';
import RosterPage from '../../../miniapp/src/packages/aie-admin/volunteer/roster';
import VolunteerListPage from '../../../miniapp/src/packages/aie/volunteer';
import VolunteerDetailPage from '../../../miniapp/src/packages/aie/volunteer/detail';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { apiRefusal, installFakeApi, json } from '../../support/taro/fakeApi';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { taroControl } from '../../support/taro/taro';

function makeActivity(overrides: Partial<VolunteerActivity> = {}): VolunteerActivity {
  return {
    id: 5,
    scope: 'unit',
    scopeLabel: '本单位',
    unitId: 7,
    organiser: '荣盛集团',
    title: '社区敬老院志愿服务',
    description: '陪伴老人聊天、打扫活动室。',
    placeName: '星光敬老院',
    startsAt: '2099-11-28T01:00:00.000Z',
    endsAt: '2099-11-28T03:30:00.000Z',
    signUpDeadline: '2099-11-27T10:00:00.000Z',
    places: 3,
    placesLeft: 2,
    waitlistCount: 0,
    open: true,
    cancelledAt: null,
    cancelReason: null,
    mySignUp: null,
    canManage: false,
    ...overrides,
  };
}

const page = (items: VolunteerActivity[]) => ({ items, total: items.length, page: 1, pageSize: 20 });

/** A moment picked as the organiser does: the day in one picker, the time in the other. */
function pick(label: string, day: string, time: string) {
  fireEvent.change(screen.getByLabelText(`${label}（日期）`), { target: { value: day } });
  fireEvent.change(screen.getByLabelText(`${label}（时间）`), { target: { value: time } });
}

beforeEach(() => {
  taroControl.reset();
  clearSession();
  saveSession(makeSignedIn(makeMe({ roles: ['member'] })));
});

describe('the volunteer list', () => {
  it('shows unit and association activities with places left and my sign-up, and filters to mine', async () => {
    const api = installFakeApi({
      'GET /api/volunteer-activities': (request) =>
        json(
          200,
          page(
            request.query.get('mine') === 'true'
              ? [
                  makeActivity({
                    mySignUp: { id: 1, status: 'waitlisted', statusLabel: '候补中', waitlistPosition: 2, attendedAt: null, points: null },
                  }),
                ]
              : [
                  makeActivity(),
                  makeActivity({
                    id: 6,
                    scope: 'association',
                    scopeLabel: '协会',
                    unitId: null,
                    organiser: '协会秘书处',
                    title: '西湖健步走',
                    placesLeft: 0,
                    waitlistCount: 3,
                  }),
                ],
          ),
        ),
    });
    render(<VolunteerListPage />);
    expect(await screen.findByText('社区敬老院志愿服务')).toBeInTheDocument();
    expect(screen.getByText('剩余 2/3 个名额')).toBeInTheDocument();
    const walk = screen.getByText('西湖健步走').closest('.zj-vol-card') as HTMLElement;
    expect(within(walk).getByText('协会')).toBeInTheDocument();
    expect(within(walk).getByText('名额已满 · 3 人候补')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '发布活动' })).not.toBeInTheDocument();

    fireEvent.click(screen.getByText('我的报名'));
    expect(await screen.findByText('候补第 2 位')).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/volunteer-activities').at(-1)!.query.get('mine')).toBe('true');

    fireEvent.click(screen.getByText('社区敬老院志愿服务'));
    expect(taroControl.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: '/packages/aie/volunteer/detail/index?id=5' });
  });
});

describe('the volunteer detail', () => {
  it('signs up, then offers cancel and the day’s attendance by code', async () => {
    taroControl.routerParams = { id: '5' };
    let signed = false;
    const api = installFakeApi({
      'GET /api/volunteer-activities/5': () =>
        json(
          200,
          makeActivity(
            signed
              ? {
                  placesLeft: 1,
                  mySignUp: { id: 9, status: 'confirmed', statusLabel: '已报名', waitlistPosition: null, attendedAt: null, points: null },
                }
              : {},
          ),
        ),
      'POST /api/volunteer-activities/5/sign-up': () => {
        signed = true;
        return json(201, { id: 9, status: 'confirmed', statusLabel: '已报名', waitlistPosition: null, attendedAt: null, points: null });
      },
      'POST /api/volunteer-activities/attendance': () =>
        apiRefusal(volunteerRefusals.attendance_not_open, { opensAt: '2099-11-28T00:00:00.000Z', closesAt: '2099-11-28T05:30:00.000Z' }),
    });
    render(<VolunteerDetailPage />);
    fireEvent.click(await screen.findByRole('button', { name: '报名参加' }));
    expect(await screen.findByText(/^已报名/)).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/volunteer-activities/5/sign-up')).toHaveLength(1);
    expect(screen.getByRole('button', { name: '取消报名' })).toBeInTheDocument();

    fireEvent.change(screen.getByPlaceholderText('输入或粘贴组织者屏幕上二维码下方的签到码'), { target: { value: 'ZY1.5.1.x' } });
    fireEvent.click(screen.getByRole('button', { name: '签到' }));
    expect(await screen.findByText('不在签到时间内：活动开始前 1 小时至结束后 2 小时可签到')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/volunteer-activities/attendance')[0]!.body).toEqual({ token: 'ZY1.5.1.x' });

    fireEvent.click(screen.getByRole('button', { name: '出示我的党员卡身份码' }));
    expect(taroControl.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: '/packages/record/card/index' });
  });

  it('shows the waitlist position, and cancels only after asking', async () => {
    taroControl.routerParams = { id: '5' };
    const api = installFakeApi({
      'GET /api/volunteer-activities/5': () =>
        json(
          200,
          makeActivity({
            placesLeft: 0,
            waitlistCount: 2,
            mySignUp: { id: 9, status: 'waitlisted', statusLabel: '候补中', waitlistPosition: 2, attendedAt: null, points: null },
          }),
        ),
      'POST /api/volunteer-activities/5/sign-up/cancel': () =>
        json(200, { id: 9, status: 'cancelled', statusLabel: '已取消', waitlistPosition: null, attendedAt: null, points: null }),
    });
    render(<VolunteerDetailPage />);
    expect(await screen.findByText(/^候补第 2 位：有人取消时按顺序递补/)).toBeInTheDocument();
    // Waitlisted: no attendance yet.
    expect(screen.queryByRole('button', { name: '签到' })).not.toBeInTheDocument();
    taroControl.modalConfirm = false;
    fireEvent.click(screen.getByRole('button', { name: '取消报名' }));
    await waitFor(() => expect(taroControl.modals).toHaveLength(1));
    expect(api.callsTo('POST', '/api/volunteer-activities/5/sign-up/cancel')).toHaveLength(0);
    taroControl.modalConfirm = true;
    fireEvent.click(screen.getByRole('button', { name: '取消报名' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/volunteer-activities/5/sign-up/cancel')).toHaveLength(1));
  });

  it('shows a called-off activity as 已取消 with its reason, on the list and the detail, with nothing to do', async () => {
    const cancelled = makeActivity({
      open: false,
      cancelledAt: '2099-11-25T02:00:00.000Z',
      cancelReason: '暴雨预警，活动取消',
      mySignUp: { id: 9, status: 'confirmed', statusLabel: '已报名', waitlistPosition: null, attendedAt: null, points: null },
    });
    installFakeApi({
      'GET /api/volunteer-activities': () => json(200, page([cancelled])),
      'GET /api/volunteer-activities/5': () => json(200, cancelled),
    });
    const list = render(<VolunteerListPage />);
    const card = (await screen.findByText('社区敬老院志愿服务')).closest('.zj-vol-card') as HTMLElement;
    expect(within(card).getByText('已取消')).toBeInTheDocument();
    expect(within(card).getByText('活动已取消：暴雨预警，活动取消')).toBeInTheDocument();
    expect(within(card).queryByText('剩余 2/3 个名额')).not.toBeInTheDocument();
    list.unmount();

    taroControl.routerParams = { id: '5' };
    render(<VolunteerDetailPage />);
    expect(await screen.findByText('活动已取消：暴雨预警，活动取消')).toBeInTheDocument();
    expect(screen.getByText('已取消')).toBeInTheDocument();
    for (const name of ['报名参加', '取消报名', '签到', '编辑', '取消活动']) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
  });

  it('lets the organiser call it off only with a reason, and only after asking', async () => {
    taroControl.routerParams = { id: '5' };
    let cancelled = false;
    const api = installFakeApi({
      'GET /api/volunteer-activities/5': () =>
        json(
          200,
          makeActivity({
            canManage: true,
            waitlistCount: 1,
            ...(cancelled ? { open: false, cancelledAt: '2099-11-25T02:00:00.000Z', cancelReason: '场地临时不开放' } : {}),
          }),
        ),
      'POST /api/volunteer-activities/5/cancel': () => {
        cancelled = true;
        return json(200, makeActivity({ canManage: true, cancelledAt: '2099-11-25T02:00:00.000Z', cancelReason: '场地临时不开放' }));
      },
    });
    render(<VolunteerDetailPage />);
    fireEvent.click(await screen.findByRole('button', { name: '取消活动' }));
    fireEvent.click(screen.getByRole('button', { name: '确认取消活动' }));
    expect(await screen.findByText('请写明取消原因（至少 2 个字）')).toBeInTheDocument();
    expect(taroControl.modals).toHaveLength(0);

    fireEvent.change(screen.getByPlaceholderText('如：暴雨预警，活动取消（报名的党员会看到）'), { target: { value: '场地临时不开放' } });
    taroControl.modalConfirm = false;
    fireEvent.click(screen.getByRole('button', { name: '确认取消活动' }));
    await waitFor(() => expect(taroControl.modals).toHaveLength(1));
    expect(taroControl.modals[0]).toMatchObject({
      title: '取消活动',
      content: '将通知已报名和候补的 2 名党员，取消后不能恢复。确定取消吗？',
    });
    expect(api.callsTo('POST', '/api/volunteer-activities/5/cancel')).toHaveLength(0);

    taroControl.modalConfirm = true;
    fireEvent.click(screen.getByRole('button', { name: '确认取消活动' }));
    expect(await screen.findByText('活动已取消：场地临时不开放')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/volunteer-activities/5/cancel')[0]!.body).toEqual({ reason: '场地临时不开放' });
    expect(screen.queryByRole('button', { name: '编辑' })).not.toBeInTheDocument();
  });

  it('shows the organiser’s refusal beside the call-off form', async () => {
    taroControl.routerParams = { id: '5' };
    installFakeApi({
      'GET /api/volunteer-activities/5': () => json(200, makeActivity({ canManage: true })),
      'POST /api/volunteer-activities/5/cancel': () => apiRefusal(volunteerRefusals.attendance_taken, { attended: 2 }),
    });
    render(<VolunteerDetailPage />);
    fireEvent.click(await screen.findByRole('button', { name: '取消活动' }));
    fireEvent.change(screen.getByPlaceholderText('如：暴雨预警，活动取消（报名的党员会看到）'), { target: { value: '场地临时不开放' } });
    fireEvent.click(screen.getByRole('button', { name: '确认取消活动' }));
    expect(await screen.findByText('已有 2 人签到，不能再取消活动')).toBeInTheDocument();
  });

  it('offers the organiser the roster and the code', async () => {
    taroControl.routerParams = { id: '5' };
    installFakeApi({ 'GET /api/volunteer-activities/5': () => json(200, makeActivity({ canManage: true, open: false })) });
    render(<VolunteerDetailPage />);
    expect(await screen.findByText(/报名已于 .* 截止/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '显示活动签到码' }));
    expect(taroControl.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: '/packages/aie-admin/volunteer/code/index?id=5' });
    fireEvent.click(screen.getByRole('button', { name: '编辑' }));
    expect(taroControl.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: '/packages/aie-admin/volunteer/edit/index?id=5' });
  });

  it('offers no edit or call-off once the activity has started', async () => {
    taroControl.routerParams = { id: '5' };
    installFakeApi({
      'GET /api/volunteer-activities/5': () =>
        json(200, makeActivity({ canManage: true, open: false, startsAt: '2020-11-28T01:00:00.000Z', endsAt: '2020-11-28T03:30:00.000Z' })),
    });
    render(<VolunteerDetailPage />);
    expect(await screen.findByRole('button', { name: '报名名单与扫码签到' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '编辑' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '取消活动' })).not.toBeInTheDocument();
  });
});

describe('the organiser pages', () => {
  function rosterEntry(overrides: Partial<RosterEntry> = {}): RosterEntry {
    return {
      signUpId: 1,
      member: { id: 21, name: '李青', unitName: '荣盛集团' },
      status: 'confirmed',
      statusLabel: '已报名',
      waitlistPosition: null,
      signedUpAt: '2026-11-20T01:00:00.000Z',
      attendedAt: null,
      method: null,
      points: null,
      ...overrides,
    };
  }

  it('takes attendance from a member’s card code and shows the roster again', async () => {
    saveSession(makeSignedIn(makeMe({ roles: ['member', 'unit_admin'] })));
    taroControl.routerParams = { id: '5' };
    let attended = false;
    const api = installFakeApi({
      'GET /api/volunteer-activities/5/roster': () =>
        json(200, {
          items: [
            rosterEntry(attended ? { attendedAt: '2026-11-28T01:00:00.000Z', method: 'card', points: 2 } : {}),
            rosterEntry({
              signUpId: 2,
              member: { id: 22, name: '王芳', unitName: '荣盛集团' },
              status: 'waitlisted',
              statusLabel: '候补中',
              waitlistPosition: 1,
            }),
          ],
        }),
      'POST /api/volunteer-activities/5/attendance': () => {
        attended = true;
        return json(200, {
          activityId: 5,
          title: '社区敬老院志愿服务',
          member: { id: 21, name: '李青' },
          attendedAt: '2026-11-28T01:00:00.000Z',
          pointsAwarded: 2,
          repeat: false,
          message: '李青 签到成功，公益积分 +2',
        });
      },
    });
    render(<RosterPage />);
    expect(await screen.findByText('已报名 1 人 · 已签到 0 人 · 候补 1 人')).toBeInTheDocument();
    expect(within(screen.getByText('王芳').closest('.zj-vol__row') as HTMLElement).getByText('候补第 1 位')).toBeInTheDocument();
    fireEvent.change(screen.getByPlaceholderText('扫码或粘贴党员卡上的身份码'), { target: { value: 'eyJ.identity.code' } });
    fireEvent.click(screen.getByRole('button', { name: '确认签到' }));
    expect(await screen.findByText('李青 签到成功，公益积分 +2')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/volunteer-activities/5/attendance')[0]!.body).toEqual({ code: 'eyJ.identity.code' });
    expect(await screen.findByText('已签到（扫党员卡）')).toBeInTheDocument();
  });

  it('publishes in the scopes the organiser holds, checking the times first', async () => {
    saveSession(makeSignedIn(makeMe({ roles: ['member', 'unit_admin'] })));
    const api = installFakeApi({
      'POST /api/volunteer-activities': (request) => json(201, makeActivity({ id: 12, ...(request.body as object) })),
    });
    render(<PublishPage />);
    // A unit admin only: no scope to choose.
    expect(screen.queryByText('协会活动')).not.toBeInTheDocument();
    fireEvent.change(screen.getByPlaceholderText('如：社区敬老院志愿服务'), { target: { value: '周末植树' } });
    fireEvent.change(screen.getByPlaceholderText('做什么、要准备什么、集合方式（至少 5 个字）'), {
      target: { value: '带好手套和水杯，九点集合。' },
    });
    fireEvent.change(screen.getByPlaceholderText('活动地点'), { target: { value: '滨江公园' } });
    // Nothing picked, or a day without its time: the field is named as missing, not an ISO 8601 format.
    fireEvent.change(screen.getByLabelText('报名截止（日期）'), { target: { value: '2099-12-04' } });
    fireEvent.click(screen.getByRole('button', { name: '发布活动' }));
    expect(await screen.findByText('请选择开始时间')).toBeInTheDocument();
    expect(screen.getByText('请选择结束时间')).toBeInTheDocument();
    expect(screen.getByText('请选择报名截止')).toBeInTheDocument();
    expect(screen.queryByText(/ISO 8601/)).not.toBeInTheDocument();
    pick('开始时间', '2099-12-05', '09:00');
    pick('结束时间', '2099-12-05', '08:00');
    pick('报名截止', '2099-12-04', '18:00');
    fireEvent.click(screen.getByRole('button', { name: '发布活动' }));
    expect(await screen.findByText('结束时间应晚于开始时间')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/volunteer-activities')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('结束时间（时间）'), { target: { value: '11:30' } });
    fireEvent.click(screen.getByRole('button', { name: '发布活动' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/volunteer-activities')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/volunteer-activities')[0]!.body).toEqual({
      scope: 'unit',
      title: '周末植树',
      description: '带好手套和水杯，九点集合。',
      placeName: '滨江公园',
      startsAt: '2099-12-05T09:00:00+08:00',
      endsAt: '2099-12-05T11:30:00+08:00',
      signUpDeadline: '2099-12-04T18:00:00+08:00',
      places: 10,
    });
    await waitFor(() =>
      expect(taroControl.navigations.at(-1)).toEqual({ kind: 'redirectTo', url: '/packages/aie/volunteer/detail/index?id=12' }),
    );
  });

  it('edits in the publishing form, filled in with the activity, and sends the changes without the scope', async () => {
    saveSession(makeSignedIn(makeMe({ roles: ['member', 'unit_admin'] })));
    taroControl.routerParams = { id: '5' };
    const api = installFakeApi({
      'GET /api/volunteer-activities/5': () => json(200, makeActivity({ canManage: true })),
      'PATCH /api/volunteer-activities/5': (request) => json(200, makeActivity({ canManage: true, ...(request.body as object) })),
    });
    render(<EditPage />);
    const title = await screen.findByPlaceholderText('如：社区敬老院志愿服务');
    expect(title).toHaveValue('社区敬老院志愿服务');
    expect(screen.getByLabelText('开始时间（日期）')).toHaveValue('2099-11-28');
    expect(screen.getByLabelText('开始时间（时间）')).toHaveValue('09:00');
    expect(screen.queryByRole('button', { name: '发布活动' })).not.toBeInTheDocument();

    pick('结束时间', '2099-11-28', '08:00');
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }));
    expect(await screen.findByText('结束时间应晚于开始时间')).toBeInTheDocument();
    expect(api.callsTo('PATCH', '/api/volunteer-activities/5')).toHaveLength(0);

    pick('结束时间', '2099-11-28', '12:00');
    fireEvent.change(screen.getByPlaceholderText('活动地点'), { target: { value: '星光敬老院二楼' } });
    fireEvent.change(screen.getByDisplayValue('3'), { target: { value: '6' } });
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }));
    await waitFor(() => expect(api.callsTo('PATCH', '/api/volunteer-activities/5')).toHaveLength(1));
    expect(api.callsTo('PATCH', '/api/volunteer-activities/5')[0]!.body).toEqual({
      title: '社区敬老院志愿服务',
      description: '陪伴老人聊天、打扫活动室。',
      placeName: '星光敬老院二楼',
      startsAt: '2099-11-28T09:00:00+08:00',
      endsAt: '2099-11-28T12:00:00+08:00',
      signUpDeadline: '2099-11-27T18:00:00+08:00',
      places: 6,
    });
    await waitFor(() => expect(taroControl.navigations.at(-1)).toEqual({ kind: 'navigateBack' }));
  });

  it('says beside the form when places would drop below the members confirmed', async () => {
    saveSession(makeSignedIn(makeMe({ roles: ['member', 'unit_admin'] })));
    taroControl.routerParams = { id: '5' };
    installFakeApi({
      'GET /api/volunteer-activities/5': () => json(200, makeActivity({ canManage: true })),
      'PATCH /api/volunteer-activities/5': () => apiRefusal(volunteerRefusals.places_below_confirmed, { confirmed: 3 }),
    });
    render(<EditPage />);
    fireEvent.change(await screen.findByDisplayValue('3'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }));
    expect(await screen.findByText('已有 3 人报名，名额不能少于 3 个')).toBeInTheDocument();
    expect(taroControl.navigations).toEqual([]);
  });
});
