import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { deductionRefusals } from '@zhijian/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import AppealPage from '../../../miniapp/src/packages/record/appeal';
import RecordsPage from '../../../miniapp/src/packages/record/records';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { apiRefusal, installFakeApi, json } from '../../support/taro/fakeApi';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { makeClaim, makeDeduction } from '../../support/taro/recordFactories';
import { taroControl } from '../../support/taro/taro';

const PLACEHOLDER = '请说明事实和理由（至少 5 个字），党务工作者将维持或撤销该扣分并说明理由';

describe('the 申诉 page', () => {
  beforeEach(() => {
    clearSession();
    saveSession(makeSignedIn(makeMe({ roles: ['member'] })));
    taroControl.routerParams = { id: '51' };
  });

  it('shows the deadline and sends the appeal once confirmed', async () => {
    const appealed = makeDeduction({
      phase: 'appealed',
      phaseLabel: '申诉中',
      appealable: false,
      appeal: { text: '当天因公出差，已提前口头请假', at: '2026-11-21T02:00:00.000Z' },
    });
    const api = installFakeApi({
      'GET /api/deductions/51': () => json(200, makeDeduction()),
      'POST /api/deductions/51/appeal': () => json(200, appealed),
    });
    render(<AppealPage />);

    expect(await screen.findByText('申诉截止：2026-11-27 10:00')).toBeInTheDocument();
    expect(screen.getByText('十一月固定活动日无故缺席')).toBeInTheDocument();
    fireEvent.change(screen.getByPlaceholderText(PLACEHOLDER), { target: { value: '出差' } });
    fireEvent.click(screen.getByRole('button', { name: '提交申诉' }));
    expect(await screen.findByText('请写明申诉理由（至少 5 个字）')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/deductions/51/appeal')).toHaveLength(0);

    fireEvent.change(screen.getByPlaceholderText(PLACEHOLDER), { target: { value: '当天因公出差，已提前口头请假' } });
    fireEvent.click(screen.getByRole('button', { name: '提交申诉' }));
    expect(await screen.findByText('已于 2026-11-21 10:00 提出申诉，每条扣分只能申诉一次。')).toBeInTheDocument();
    expect(taroControl.modals[0]?.content).toContain('每条扣分只能申诉一次');
    expect(api.callsTo('POST', '/api/deductions/51/appeal')[0]!.body).toEqual({ text: '当天因公出差，已提前口头请假' });
    expect(screen.getByText('申诉中')).toBeInTheDocument();
    expect(screen.queryByPlaceholderText(PLACEHOLDER)).not.toBeInTheDocument();
  });

  it('offers no form once the window has closed, and says when it closed', async () => {
    installFakeApi({
      'GET /api/deductions/51': () => json(200, makeDeduction({ phase: 'effective', phaseLabel: '已生效', appealable: false })),
    });
    render(<AppealPage />);

    expect(await screen.findByText('申诉期已于 2026-11-27 10:00 截止，扣分已生效。')).toBeInTheDocument();
    expect(screen.getByText('申诉截止：2026-11-27 10:00')).toHaveClass('zj-appeal__deadline--closed');
    expect(screen.queryByRole('button', { name: '提交申诉' })).not.toBeInTheDocument();
    expect(screen.queryByPlaceholderText(PLACEHOLDER)).not.toBeInTheDocument();
  });

  it('closes the form when the server says the window closed while the member was typing', async () => {
    installFakeApi({
      'GET /api/deductions/51': () => json(200, makeDeduction()),
      'POST /api/deductions/51/appeal': () =>
        apiRefusal(deductionRefusals.appeal_window_closed, { appealDeadline: '2026-11-27T01:59:00.000Z' }),
    });
    render(<AppealPage />);
    fireEvent.change(await screen.findByPlaceholderText(PLACEHOLDER), { target: { value: '当天因公出差，已提前口头请假' } });
    fireEvent.click(screen.getByRole('button', { name: '提交申诉' }));

    expect(await screen.findByText('申诉期已于 2026-11-27 09:59 截止，扣分已生效。')).toBeInTheDocument();
    expect(screen.getByText('申诉截止：2026-11-27 09:59')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '提交申诉' })).not.toBeInTheDocument();
  });
});

describe('我的记录', () => {
  beforeEach(() => {
    clearSession();
    saveSession(makeSignedIn(makeMe({ roles: ['member'] })));
  });

  it('lists my claims with their status and timeline, and my deductions with the way to appeal', async () => {
    const approved = makeClaim({
      id: 40,
      status: 'approved',
      statusLabel: '已认定',
      points: 2,
      timeline: [
        { action: 'declared', label: '提交申报', actor: '李青', note: null, at: '2026-11-01T02:00:00.000Z' },
        { action: 'approved', label: '认定加分', actor: '王建华', note: '认定 2 分', at: '2026-11-03T02:00:00.000Z' },
      ],
    });
    installFakeApi({
      'GET /api/me/bonuses': () => json(200, { items: [makeClaim(), approved], total: 2, page: 1, pageSize: 20 }),
      'GET /api/me/deductions': () =>
        json(200, {
          items: [makeDeduction(), makeDeduction({ id: 52, phase: 'withdrawn', phaseLabel: '已撤销', appealable: false })],
          total: 2,
          page: 1,
          pageSize: 20,
        }),
    });
    render(<RecordsPage />);

    expect(await screen.findByText('待审核')).toBeInTheDocument();
    expect(screen.getByText('已认定')).toBeInTheDocument();
    expect(screen.getByText(/事迹日期 2026年11月20日 · 认定 2 分/, { selector: '.zj-record-item__meta' })).toBeInTheDocument();
    expect(screen.getByText('认定 2 分', { selector: '.zj-timeline__comment' })).toBeInTheDocument();
    expect(screen.getByText('王建华 · 2026-11-03 10:00')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '添加照片（还可 9 张）' })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('radio', { name: '反向扣分' }));
    expect(await screen.findByText('申诉期内')).toBeInTheDocument();
    expect(screen.getByText('已撤销')).toBeInTheDocument();
    expect(screen.getByText('申诉截止：2026-11-27 10:00，逾期未申诉即生效')).toBeInTheDocument();
    const appeal = screen.getAllByRole('button', { name: '申诉' });
    expect(appeal).toHaveLength(1);
    fireEvent.click(appeal[0]!);
    await waitFor(() => expect(taroControl.navigations).toContainEqual({ kind: 'navigateTo', url: '/packages/record/appeal/index?id=51' }));
  });
});
