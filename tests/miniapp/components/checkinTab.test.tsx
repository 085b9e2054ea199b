import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiError, type CheckinResult, type HistoryItem, type MyActivity } from '@zhijian/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import CheckinTab from '../../../miniapp/src/pages/checkin';
import { MonthCalendar } from '../../../miniapp/src/pages/checkin/MonthCalendar';
import { checkinRefusalOf } from '../../../miniapp/src/services/checkin';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { makeActivityListItem } from '../../support/taro/activityFactories';
import { apiError, installFakeApi, json, type FakeRequest } from '../../support/taro/fakeApi';
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

function result(status: 'present' | 'late'): CheckinResult {
  return {
    attendance: {
      id: 1,
      activityId: 9,
      memberId: 1,
      status,
      method: 'scan',
      checkedInAt: '2026-11-25T06:12:05.000Z',
      points: status === 'late' ? 1 : 2,
    },
    activity: { id: 9, title: '主题党日：创客沙龙', startsAt: activity.startsAt, placeName: '党群服务中心', unitName: '荣盛集团' },
    message: status === 'late' ? '签到成功（迟到）' : '签到成功',
  };
}

function tabApi(checkin: (request: FakeRequest) => ReturnType<typeof json>) {
  return installFakeApi({
    'GET /api/me/activities': () => json(200, { items: [activity] }),
    'GET /api/me/attendance': () => json(200, { items: [], total: 0, page: 1, pageSize: 10 }),
    'GET /api/me/points': () => json(200, { items: [], total: 0, page: 1, pageSize: 1, totalPoints: 6 }),
    'POST /api/checkins': checkin,
  });
}

async function typeAndSubmit(code: string) {
  fireEvent.change(await screen.findByPlaceholderText('输入或粘贴签到码'), { target: { value: code } });
  fireEvent.click(screen.getByRole('button', { name: '签到' }));
}

describe('签到 tab', () => {
  beforeEach(() => {
    clearSession();
    taroControl.reset();
    saveSession(makeSignedIn(makeMe()));
  });

  it('lists my activities and my points', async () => {
    tabApi(() => json(200, result('present')));
    render(<CheckinTab />);
    expect(await screen.findByText('主题党日：创客沙龙')).toBeInTheDocument();
    expect(screen.getByText('签到中')).toBeInTheDocument();
    expect(document.querySelector('.zj-records__total')?.textContent).toBe('6');
  });

  it('shows a successful check-in with its points', async () => {
    const server = tabApi(() => json(200, result('present')));
    render(<CheckinTab />);
    await typeAndSubmit(' QD1.9.123.abc ');
    expect(await screen.findByText('签到成功')).toBeInTheDocument();
    expect(screen.getByText(/活动积分 \+2/)).toBeInTheDocument();
    expect(server.callsTo('POST', '/api/checkins')[0]!.body).toEqual({ token: 'QD1.9.123.abc' });
  });

  it('shows a late check-in as late', async () => {
    tabApi(() => json(200, result('late')));
    render(<CheckinTab />);
    await typeAndSubmit('QD1.9.123.abc');
    expect(await screen.findByText('签到成功（迟到）')).toBeInTheDocument();
    expect(document.querySelector('.zj-scan-result--late')).not.toBeNull();
  });

  it('shows the reason a check-in was refused', async () => {
    tabApi(() => apiError('deadline_passed', '签到码已过期（每 15 秒更换一次），请扫描屏幕上最新的二维码', { reason: 'slot_expired' }));
    render(<CheckinTab />);
    await typeAndSubmit('QD1.9.1.old');
    expect(await screen.findByText('签到未成功')).toBeInTheDocument();
    expect(screen.getByText('签到码已过期（每 15 秒更换一次），请扫描屏幕上最新的二维码')).toBeInTheDocument();
  });

  it('reads the position only when the unit asks for it, then retries once', async () => {
    const server = tabApi((request) =>
      (request.body as { latitude?: number }).latitude === undefined
        ? apiError('invalid_input', '本单位开启了定位签到：请允许获取位置后重新扫码', { reason: 'location_required' })
        : json(200, result('present')),
    );
    render(<CheckinTab />);
    await screen.findByText('主题党日：创客沙龙');
    expect(taroControl.locationCalls).toBe(0);
    await typeAndSubmit('QD1.9.123.abc');
    expect(await screen.findByText('签到成功')).toBeInTheDocument();
    expect(taroControl.locationCalls).toBe(1);
    expect(server.callsTo('POST', '/api/checkins').map((c) => c.body)).toEqual([
      { token: 'QD1.9.123.abc' },
      { token: 'QD1.9.123.abc', latitude: 30.2741, longitude: 120.1551 },
    ]);
  });

  it('asks for leave with a reason', async () => {
    const server = installFakeApi({
      'GET /api/me/activities': () => json(200, { items: [{ ...activity, phase: 'upcoming', canRequestLeave: true }] }),
      'GET /api/me/attendance': () => json(200, { items: [], total: 0, page: 1, pageSize: 10 }),
      'GET /api/me/points': () => json(200, { items: [], total: 0, page: 1, pageSize: 1, totalPoints: 0 }),
      'POST /api/activities/9/leave': () => json(201, {}),
    });
    render(<CheckinTab />);
    fireEvent.click(await screen.findByRole('button', { name: '请假' }));
    fireEvent.change(screen.getByPlaceholderText('如：出差在外地'), { target: { value: '出差在外地' } });
    fireEvent.click(screen.getByRole('button', { name: '提交请假申请' }));
    await waitFor(() => expect(server.callsTo('POST', '/api/activities/9/leave')).toHaveLength(1));
    expect(server.callsTo('POST', '/api/activities/9/leave')[0]!.body).toEqual({ reason: '出差在外地' });
  });
});

describe('check-in refusals', () => {
  it('are told apart by their reason, typed as the contract lists them', () => {
    const refused = (reason: string) => new ApiError(409, 'conflict', '签到未成功', { reason });
    expect(checkinRefusalOf(refused('already_checked_in'))).toBe('already_checked_in');
    expect(checkinRefusalOf(refused('location_required'))).toBe('location_required');
    // A common refusal, an unreached server, anything else: not a check-in refusal.
    expect(checkinRefusalOf(refused('invalid_fields'))).toBeNull();
    expect(checkinRefusalOf(new ApiError(0, 'network', '网络连接失败，请检查网络后重试'))).toBeNull();
    expect(checkinRefusalOf(new Error('slot_expired'))).toBeNull();
  });
});

describe('签到 tab on a phone', () => {
  beforeEach(() => {
    clearSession();
    taroControl.reset();
    saveSession(makeSignedIn(makeMe()));
  });

  it('says a member who sends a code again after a success is already in', async () => {
    tabApi(() => json(200, result('present')));
    render(<CheckinTab />);
    await typeAndSubmit('QD1.9.123.abc');
    expect(await screen.findByText('签到成功')).toBeInTheDocument();
    await typeAndSubmit('QD1.9.123.abc');
    expect(await screen.findByText('你已签到，无需重复签到')).toBeInTheDocument();
    expect(screen.queryByText('签到未成功')).not.toBeInTheDocument();
  });

  it('says so at once when my list already shows me checked in', async () => {
    installFakeApi({
      'GET /api/me/activities': () => json(200, { items: [{ ...activity, myStatus: 'present', checkedInAt: '2026-11-25T06:12:05.000Z' }] }),
      'GET /api/me/attendance': () => json(200, { items: [], total: 0, page: 1, pageSize: 10 }),
      'GET /api/me/points': () => json(200, { items: [], total: 0, page: 1, pageSize: 1, totalPoints: 2 }),
      'POST /api/checkins': () => json(200, result('present')),
    });
    render(<CheckinTab />);
    await screen.findByText('主题党日：创客沙龙');
    await typeAndSubmit('QD1.9.123.abc');
    expect(await screen.findByText('你已签到，无需重复签到')).toBeInTheDocument();
  });

  it('keeps the placeholder short enough for a phone and the explanation as a hint', async () => {
    tabApi(() => json(200, result('present')));
    render(<CheckinTab />);
    const input = await screen.findByPlaceholderText('输入或粘贴签到码');
    expect(input.getAttribute('placeholder')!.length).toBeLessThanOrEqual(10);
    expect(screen.getByText('签到码在组织者屏幕的二维码下方，每 15 秒更换')).toBeInTheDocument();
  });

  it('lists every record behind the points total, page by page', async () => {
    const item = (id: number, points: number): HistoryItem => ({
      activity: { ...activity, id, title: `活动${id}` },
      status: 'present',
      method: 'scan',
      checkedInAt: activity.startsAt,
      points,
    });
    const all = Array.from({ length: 12 }, (_, i) => item(100 - i, 2));
    installFakeApi({
      'GET /api/me/activities': () => json(200, { items: [] }),
      'GET /api/me/attendance': (request) => {
        const page = Number(request.query.get('page') ?? 1);
        return json(200, { items: all.slice((page - 1) * 10, page * 10), total: 12, page, pageSize: 10 });
      },
      'GET /api/me/points': () => json(200, { items: [], total: 12, page: 1, pageSize: 1, totalPoints: 24 }),
    });
    render(<CheckinTab />);
    expect(await screen.findByText('活动100')).toBeInTheDocument();
    expect(screen.queryByText('活动89')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '查看更早的记录（共 12 条）' }));
    expect(await screen.findByText('活动89')).toBeInTheDocument();
    const listed = [...document.querySelectorAll('.zj-records .zj-cell')].length;
    expect(listed).toBe(12);
    expect(screen.queryByRole('button', { name: /查看更早的记录/ })).not.toBeInTheDocument();
    expect(document.querySelector('.zj-records__total')?.textContent).toBe(String(all.reduce((sum, h) => sum + h.points, 0)));
  });
});

describe('the month calendar', () => {
  it('steps to the months before and after, marking their activity days', () => {
    render(<MonthCalendar days={['2026-10-15T06:00:00.000Z', '2026-12-05T06:00:00.000Z']} now={new Date('2026-11-25T04:00:00.000Z')} />);
    expect(screen.getByText('2026 年 11 月')).toBeInTheDocument();
    expect(document.querySelectorAll('.zj-calendar__day--marked')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: '上个月' }));
    expect(screen.getByText('2026 年 10 月')).toBeInTheDocument();
    expect([...document.querySelectorAll('.zj-calendar__day--marked')].map((d) => d.textContent)).toEqual(['15']);
    fireEvent.click(screen.getByRole('button', { name: '下个月' }));
    fireEvent.click(screen.getByRole('button', { name: '下个月' }));
    expect(screen.getByText('2026 年 12 月')).toBeInTheDocument();
    expect([...document.querySelectorAll('.zj-calendar__day--marked')].map((d) => d.textContent)).toEqual(['5']);
    fireEvent.click(screen.getByText('本月'));
    expect(screen.getByText('2026 年 11 月')).toBeInTheDocument();
  });
});

describe('waiting for fresh data', () => {
  beforeEach(() => {
    clearSession();
    taroControl.reset();
    saveSession(makeSignedIn(makeMe()));
  });

  it('marks the page as loading and keeps the old content, dimmed, while the tab refreshes', async () => {
    let release: () => void = () => undefined;
    let hold = false;
    installFakeApi({
      'GET /api/me/activities': async () => {
        if (hold) await new Promise<void>((resolve) => (release = resolve));
        return json(200, { items: [activity] });
      },
      'GET /api/me/attendance': () => json(200, { items: [], total: 0, page: 1, pageSize: 10 }),
      'GET /api/me/points': () => json(200, { items: [], total: 0, page: 1, pageSize: 1, totalPoints: 6 }),
    });
    render(<CheckinTab />);
    expect(await screen.findByText('主题党日：创客沙龙')).toBeInTheDocument();
    expect(document.querySelector('.zj-page--busy')).toBeNull();

    hold = true;
    act(() => taroControl.fireDidShow());
    await waitFor(() => expect(document.querySelector('.zj-page--busy')).not.toBeNull());
    expect(screen.getByRole('progressbar', { name: '正在加载' })).toBeInTheDocument();
    expect(screen.getByText('主题党日：创客沙龙')).toBeInTheDocument();

    await act(async () => release());
    await waitFor(() => expect(document.querySelector('.zj-page--busy')).toBeNull());
    expect(screen.getByText('主题党日：创客沙龙')).toBeInTheDocument();
  });
});
