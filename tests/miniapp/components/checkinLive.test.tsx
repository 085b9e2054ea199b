import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { reminderRefusals, type LiveEntry, type LiveList } from '@zhijian/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { LiveView } from '../../../miniapp/src/packages/checkin-admin/live';
import { filterLive } from '../../../miniapp/src/packages/checkin-admin/live/liveFilter';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { makeActivityListItem } from '../../support/taro/activityFactories';
import { apiRefusal, installFakeApi, json } from '../../support/taro/fakeApi';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { taroControl } from '../../support/taro/taro';

function entry(memberId: number, name: string, overrides: Partial<LiveEntry> = {}): LiveEntry {
  return {
    memberId,
    name,
    branchName: null,
    expected: true,
    status: 'waiting',
    method: null,
    checkedInAt: null,
    attendanceId: null,
    points: 0,
    ...overrides,
  };
}

const ENTRIES: LiveEntry[] = [
  entry(1, '张扫码', { status: 'present', method: 'scan', checkedInAt: '2026-11-25T05:50:00.000Z', attendanceId: 101, points: 2 }),
  entry(2, '李代签', { status: 'present', method: 'manual', checkedInAt: '2026-11-25T05:55:00.000Z', attendanceId: 102, points: 2 }),
  entry(3, '王迟到', { status: 'late', method: 'scan', checkedInAt: '2026-11-25T06:15:00.000Z', attendanceId: 103, points: 1 }),
  entry(4, '赵请假', { status: 'leave' }),
  entry(5, '钱未到'),
  entry(6, '孙未到'),
];

function liveList(entries: LiveEntry[] = ENTRIES): LiveList {
  return {
    activity: makeActivityListItem({ phase: 'checkin_open' }),
    counts: { expected: 6, present: 2, late: 1, leave: 1, absent: 2, rate: 0.6, others: 0 },
    entries,
    version: 'v1',
    since: null,
    removed: [],
  };
}

const rows = () => Array.from(document.querySelectorAll('.zj-live__row'));
const names = () => rows().map((row) => row.querySelector('.zj-live__name')!.textContent);

describe('the organiser’s live list', () => {
  beforeEach(() => {
    clearSession();
    saveSession(makeSignedIn(makeMe({ roles: ['member', 'unit_admin'] })));
  });

  it('searches by name and filters 已到 / 迟到 / 请假 / 未到, with each filter’s count', async () => {
    installFakeApi({ 'GET /api/activities/9/live': () => json(200, liveList()) });
    render(<LiveView activityId={9} />);
    await screen.findByText('张扫码');
    expect(names()).toHaveLength(6);
    expect(screen.getByRole('radio', { name: '未到 2' })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('radio', { name: '已到 3' }));
    expect(names()).toEqual(['张扫码', '李代签', '王迟到']);
    fireEvent.click(screen.getByRole('radio', { name: '迟到 1' }));
    expect(names()).toEqual(['王迟到']);
    fireEvent.click(screen.getByRole('radio', { name: '请假 1' }));
    expect(names()).toEqual(['赵请假']);
    fireEvent.click(screen.getByRole('radio', { name: '未到 2' }));
    expect(names()).toEqual(['钱未到', '孙未到']);

    fireEvent.change(screen.getByPlaceholderText('按姓名查找'), { target: { value: '孙' } });
    expect(names()).toEqual(['孙未到']);
    fireEvent.click(screen.getByRole('radio', { name: '全部 6' }));
    fireEvent.change(screen.getByPlaceholderText('按姓名查找'), { target: { value: '周' } });
    expect(rows()).toHaveLength(0);
    expect(screen.getByText('没有姓名含“周”的党员')).toBeInTheDocument();
  });

  it('counts 缺席 after the window as 未到, and ignores spaces in the search', () => {
    const closed = [entry(1, '钱 多多', { status: 'absent' }), entry(2, '李四', { status: 'present', attendanceId: 2, method: 'scan' })];
    expect(filterLive(closed, 'missing', '').map((e) => e.name)).toEqual(['钱 多多']);
    expect(filterLive(closed, 'all', '钱多').map((e) => e.name)).toEqual(['钱 多多']);
  });

  it('offers 撤销 on a scanned record too, asks first, and revokes with a reason naming the method', async () => {
    let entries = ENTRIES;
    const server = installFakeApi({
      'GET /api/activities/9/live': () => json(200, liveList(entries)),
      'POST /api/attendance/101/revoke': () => {
        entries = ENTRIES.map((e) => (e.memberId === 1 ? entry(1, '张扫码') : e));
        return json(200, { ok: true });
      },
    });
    render(<LiveView activityId={9} />);
    const row = (await screen.findByText('张扫码')).closest('.zj-live__row') as HTMLElement;
    // Every record has 撤销: the two scans, the 代签 and the late scan.
    expect(screen.getAllByRole('button', { name: '撤销' })).toHaveLength(3);

    taroControl.modalConfirm = false;
    fireEvent.click(within(row).getByRole('button', { name: '撤销' }));
    await waitFor(() => expect(taroControl.modals).toHaveLength(1));
    expect(taroControl.modals[0]).toMatchObject({ title: '撤销扫码签到', content: expect.stringContaining('撤销张扫码的扫码签到记录？') });
    expect(server.callsTo('POST', '/api/attendance/101/revoke')).toHaveLength(0);

    taroControl.modalConfirm = true;
    fireEvent.click(within(row).getByRole('button', { name: '撤销' }));
    await waitFor(() => expect(server.callsTo('POST', '/api/attendance/101/revoke')).toHaveLength(1));
    expect(server.callsTo('POST', '/api/attendance/101/revoke')[0]!.body).toEqual({ reason: '组织者撤销扫码签到' });
    const after = (await screen.findByText('张扫码')).closest('.zj-live__row') as HTMLElement;
    await waitFor(() => expect(within(after).getByRole('button', { name: '代签' })).toBeInTheDocument());
  });

  it('reminds those not yet in with one tap after a question, and says the server’s refusal when too soon', async () => {
    let calls = 0;
    const server = installFakeApi({
      'GET /api/activities/9/live': () => json(200, liveList()),
      'POST /api/activities/9/reminders': () => {
        calls += 1;
        return calls === 1
          ? json(200, { waiting: 2, reminded: 1, nextAt: '2026-11-25T06:00:00.000Z' })
          : apiRefusal(reminderRefusals.reminder_too_soon, { nextAt: '2026-11-25T06:00:00.000Z' });
      },
    });
    render(<LiveView activityId={9} />);
    await screen.findByText('2 人未到');
    fireEvent.click(screen.getByRole('button', { name: '一键提醒未到' }));
    await waitFor(() => expect(server.callsTo('POST', '/api/activities/9/reminders')).toHaveLength(1));
    expect(taroControl.modals[0]!.content).toContain('向 2 名未到党员发送签到提醒？');
    await waitFor(() => expect(taroControl.toasts).toContain('已提醒 1 人（1 人未开启提醒）'));

    fireEvent.click(screen.getByRole('button', { name: '一键提醒未到' }));
    await waitFor(() => expect(taroControl.toasts.some((t) => t.includes('14:00 后可再次提醒'))).toBe(true));
  });

  it('has no reminder before 开启签到 is pressed', async () => {
    installFakeApi({
      'GET /api/activities/9/live': () => json(200, { ...liveList(), activity: makeActivityListItem({ phase: 'checkin_ready' }) }),
    });
    render(<LiveView activityId={9} />);
    await screen.findByText('张扫码');
    expect(screen.queryByRole('button', { name: '一键提醒未到' })).not.toBeInTheDocument();
  });
});
