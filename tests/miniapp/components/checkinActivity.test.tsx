import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ActivityDetail } from '@zhijian/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import ActivityPage from '../../../miniapp/src/packages/checkin-admin/activity';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { makeActivityDetail } from '../../support/taro/activityFactories';
import { apiError, installFakeApi, json, type FakeRequest } from '../../support/taro/fakeApi';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { taroControl } from '../../support/taro/taro';

type Handler = (request: FakeRequest) => ReturnType<typeof json>;

function activityApi(activity: ActivityDetail, routes: Record<string, Handler> = {}) {
  return installFakeApi({ 'GET /api/activities/9': () => json(200, activity), ...routes });
}

const REASON_PLACEHOLDER = '如 25 日是星期日，提前到 24 日';

describe('managing one activity', () => {
  beforeEach(() => {
    clearSession();
    taroControl.reset();
    taroControl.routerParams = { id: '9' };
    saveSession(makeSignedIn(makeMe({ roles: ['member', 'unit_admin'] })));
  });

  it('saves the edited title, place, agenda and materials of this occurrence and shows them', async () => {
    const server = activityApi(makeActivityDetail(), {
      'PATCH /api/activities/9': (request) => json(200, makeActivityDetail({ ...(request.body as Partial<ActivityDetail>) })),
    });
    render(<ActivityPage />);
    fireEvent.change(await screen.findByDisplayValue('主题党日：创客沙龙'), { target: { value: '专题党课：二十届四中全会精神' } });
    fireEvent.change(screen.getByDisplayValue('党群服务中心'), { target: { value: '三楼报告厅' } });
    fireEvent.change(screen.getByDisplayValue('创客沙龙'), { target: { value: '集中学习' } });
    fireEvent.change(screen.getByPlaceholderText('篇目、链接或需提前阅读的内容'), { target: { value: '  《党章》第二章  ' } });
    fireEvent.click(screen.getByRole('button', { name: '保存活动信息' }));

    await waitFor(() => expect(server.callsTo('PATCH', '/api/activities/9')).toHaveLength(1));
    expect(server.callsTo('PATCH', '/api/activities/9')[0]!.body).toEqual({
      title: '专题党课：二十届四中全会精神',
      placeName: '三楼报告厅',
      placeAddress: '萧山区荣盛路 1 号',
      agenda: [{ kind: 'segment', title: '集中学习' }],
      materials: '《党章》第二章',
    });
    expect(await screen.findByText('专题党课：二十届四中全会精神', { selector: '.zj-activity__title' })).toBeInTheDocument();
    expect(taroControl.toasts).toContain('活动信息已保存');
  });

  it('does not send an edit without a place, and shows the server’s refusal of an edit', async () => {
    const server = activityApi(makeActivityDetail(), {
      'PATCH /api/activities/9': () => apiError('forbidden', '只能管理本单位的活动'),
    });
    render(<ActivityPage />);
    const place = await screen.findByDisplayValue('党群服务中心');
    fireEvent.change(place, { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: '保存活动信息' }));
    expect(await screen.findByText('请填写活动地点')).toBeInTheDocument();
    expect(server.callsTo('PATCH', '/api/activities/9')).toHaveLength(0);

    fireEvent.change(place, { target: { value: '三楼报告厅' } });
    fireEvent.click(screen.getByRole('button', { name: '保存活动信息' }));
    expect(await screen.findByText('只能管理本单位的活动')).toBeInTheDocument();
    expect(server.callsTo('PATCH', '/api/activities/9')).toHaveLength(1);
  });

  it('moves the occurrence to another day and time with the reason, and shows it moved', async () => {
    const server = activityApi(makeActivityDetail(), {
      'POST /api/activities/9/move': (request) => {
        const { reason } = request.body as { reason: string };
        return json(
          200,
          makeActivityDetail({
            startsAt: '2026-11-24T11:00:00.000Z',
            endsAt: '2026-11-24T13:00:00.000Z',
            moved: { from: '2026-11-25T06:00:00.000Z', reason },
          }),
        );
      },
    });
    render(<ActivityPage />);
    // The form starts from the current Beijing date and time.
    fireEvent.change(await screen.findByDisplayValue('2026-11-25'), { target: { value: '2026-11-24' } });
    fireEvent.change(screen.getByDisplayValue('14:00'), { target: { value: '19:00' } });
    fireEvent.change(screen.getByPlaceholderText(REASON_PLACEHOLDER), { target: { value: ' 25 日全员外出培训 ' } });
    fireEvent.click(screen.getByRole('button', { name: '调整时间' }));

    await waitFor(() => expect(server.callsTo('POST', '/api/activities/9/move')).toHaveLength(1));
    expect(server.callsTo('POST', '/api/activities/9/move')[0]!.body).toEqual({
      date: '2026-11-24',
      startTime: '19:00',
      reason: '25 日全员外出培训',
    });
    expect(await screen.findByText('已调整时间：25 日全员外出培训')).toBeInTheDocument();
    expect(screen.getByText('2026-11-24 19:00–21:00')).toBeInTheDocument();
    expect(taroControl.toasts).toContain('活动时间已调整');
  });

  it('will not move without a reason or a date (an impossible day leaves the date input empty)', async () => {
    const server = activityApi(makeActivityDetail());
    render(<ActivityPage />);
    fireEvent.change(await screen.findByDisplayValue('2026-11-25'), { target: { value: '2026-11-31' } });
    fireEvent.click(screen.getByRole('button', { name: '调整时间' }));
    expect(await screen.findByText('请写明调整原因')).toBeInTheDocument();
    expect(screen.getByText('请选择日期')).toBeInTheDocument();
    expect(server.callsTo('POST', '/api/activities/9/move')).toHaveLength(0);
  });

  it('shows the server’s refusal to move an activity that is already held', async () => {
    const message = '活动已开始、已开启签到或已有人签到，不能再调整时间';
    const server = activityApi(makeActivityDetail(), {
      'POST /api/activities/9/move': () => apiError('conflict', message, { reason: 'activity_held' }),
    });
    render(<ActivityPage />);
    fireEvent.change(await screen.findByPlaceholderText(REASON_PLACEHOLDER), { target: { value: '与区委活动冲突' } });
    fireEvent.click(screen.getByRole('button', { name: '调整时间' }));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(server.callsTo('POST', '/api/activities/9/move')).toHaveLength(1);
    expect(screen.queryByText(/已调整时间/)).toBeNull();
  });

  it('does not offer to move an activity whose check-in has been opened', async () => {
    activityApi(makeActivityDetail({ phase: 'checkin_open', checkinOpenedAt: '2026-11-25T05:35:00.000Z' }));
    render(<ActivityPage />);
    expect(await screen.findByText('活动已开始或已开启签到，不能再调整时间。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '调整时间' })).toBeNull();
    expect(screen.getByRole('button', { name: '邀请参加' })).toBeInTheDocument();
  });

  it('invites a guest by phone and lists who was invited', async () => {
    const server = activityApi(makeActivityDetail(), {
      'POST /api/activities/9/guests': () => json(201, { memberId: 41, name: '赵敏', unitName: '富通集团党委' }),
    });
    render(<ActivityPage />);
    fireEvent.change(await screen.findByPlaceholderText('名册上登记的手机号'), { target: { value: '+86 138 0000 1234' } });
    fireEvent.click(screen.getByRole('button', { name: '邀请参加' }));

    expect(await screen.findByText('赵敏')).toBeInTheDocument();
    expect(server.callsTo('POST', '/api/activities/9/guests')[0]!.body).toEqual({ phone: '13800001234' });
    expect(screen.getByText('富通集团党委')).toBeInTheDocument();
    expect(screen.getByText('已邀请')).toBeInTheDocument();
    expect(screen.getByPlaceholderText('名册上登记的手机号')).toHaveValue('');
  });

  it('checks the phone before inviting and shows the server’s refusal', async () => {
    const server = activityApi(makeActivityDetail(), {
      'POST /api/activities/9/guests': () => apiError('conflict', '本单位党员无需邀请，可直接签到'),
    });
    render(<ActivityPage />);
    const phone = await screen.findByPlaceholderText('名册上登记的手机号');
    fireEvent.change(phone, { target: { value: '1380000' } });
    fireEvent.click(screen.getByRole('button', { name: '邀请参加' }));
    expect(await screen.findByText('手机号应为 11 位中国大陆手机号')).toBeInTheDocument();
    expect(server.callsTo('POST', '/api/activities/9/guests')).toHaveLength(0);

    fireEvent.change(phone, { target: { value: '13800001234' } });
    fireEvent.click(screen.getByRole('button', { name: '邀请参加' }));
    expect(await screen.findByText('本单位党员无需邀请，可直接签到')).toBeInTheDocument();
    expect(screen.queryByText('已邀请')).toBeNull();
  });

  it('says so when the activity cannot be loaded', async () => {
    installFakeApi({ 'GET /api/activities/9': () => apiError('not_found', '活动不存在') });
    render(<ActivityPage />);
    expect(await screen.findByText('活动不存在')).toBeInTheDocument();
  });
});
