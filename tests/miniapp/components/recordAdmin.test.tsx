import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import {
  bonusRefusals,
  DEFAULT_RECORD_SETTINGS,
  type BonusClaim,
  type Deduction,
  type DuesSheet,
  type RecordSettingsView,
} from '@zhijian/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import BonusesPage from '../../../miniapp/src/packages/record-admin/bonuses';
import DeductionsPage from '../../../miniapp/src/packages/record-admin/deductions';
import DuesPage from '../../../miniapp/src/packages/record-admin/dues';
import MeTab from '../../../miniapp/src/pages/me';
import SettingsPage from '../../../miniapp/src/packages/record-admin/settings';
import { thisYear } from '../../../miniapp/src/packages/record-admin/components/unit';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { apiRefusal, installFakeApi, json } from '../../support/taro/fakeApi';
import { makeMe, makeMembers, makeSignedIn } from '../../support/taro/factories';
import { taroControl } from '../../support/taro/taro';

const settingsView: RecordSettingsView = { settings: DEFAULT_RECORD_SETTINGS, effectiveFrom: null, history: [] };

function claim(overrides: Partial<BonusClaim> = {}): BonusClaim {
  return {
    id: 11,
    member: { id: 2, name: '李青' },
    unitId: 7,
    kindKey: 'honour',
    kindName: '获得表彰',
    occurredOn: '2026-11-20',
    description: '获评区级优秀志愿者',
    status: 'pending',
    statusLabel: '待审核',
    points: null,
    decisionNote: null,
    photos: [],
    timeline: [],
    createdAt: '2026-11-21T02:00:00.000Z',
    decidedAt: null,
    ...overrides,
  };
}

function deduction(overrides: Partial<Deduction> = {}): Deduction {
  return {
    id: 21,
    member: { id: 3, name: '王芳' },
    unitId: 7,
    kindKey: 'absence',
    kindName: '无故缺席组织生活',
    points: 2,
    reason: '11 月主题党日无故缺席',
    occurredOn: '2026-11-15',
    phase: 'appealed',
    phaseLabel: '申诉中',
    recordedAt: '2026-11-25T02:00:00.000Z',
    appealDeadline: '2026-12-02T02:00:00.000Z',
    appeal: { text: '当天已向支部书记请假', at: '2026-11-26T02:00:00.000Z' },
    decisionNote: null,
    appealable: false,
    timeline: [],
    ...overrides,
  };
}

const page = (items: unknown[]) => json(200, { items, total: items.length, page: 1, pageSize: 20 });

function signInAs(roles: ('member' | 'unit_admin' | 'secretariat')[]) {
  saveSession(makeSignedIn(makeMe({ roles })));
}

beforeEach(() => {
  clearSession();
  taroControl.reset();
});

describe('我的 → 工作', () => {
  it('lists the records desk to the unit admin and the rules, distribution and year close to the secretariat', () => {
    signInAs(['member', 'unit_admin']);
    installFakeApi({});
    const first = render(<MeTab />);
    fireEvent.click(screen.getByText('党员档案与先锋指数'));
    expect(taroControl.navigations).toContainEqual({ kind: 'navigateTo', url: '/packages/record-admin/desk/index' });
    expect(screen.queryByText('积分与指数规则')).toBeNull();
    first.unmount();

    signInAs(['member', 'secretariat']);
    render(<MeTab />);
    expect(screen.queryByText('党员档案与先锋指数')).toBeNull();
    fireEvent.click(screen.getByText('积分与指数规则'));
    fireEvent.click(screen.getByText('先锋指数分布'));
    fireEvent.click(screen.getByText('年度结账'));
    expect(taroControl.navigations.map((step) => step.url)).toEqual(
      expect.arrayContaining([
        '/packages/record-admin/settings/index',
        '/packages/record-admin/distribution/index',
        '/packages/record-admin/years/index',
      ]),
    );
  });
});

describe('加分审核: approving within the kind’s range', () => {
  it('offers only the kind’s points (获得表彰 2–5) and sends the chosen one', async () => {
    signInAs(['member', 'unit_admin']);
    const server = installFakeApi({
      'GET /api/record-settings': () => json(200, settingsView),
      'GET /api/units/7/bonuses': () => page([claim()]),
      'POST /api/bonuses/11/decision': () => json(200, claim({ status: 'approved', statusLabel: '已认定', points: 4 })),
    });
    render(<BonusesPage />);
    const card = (await screen.findByText('李青 · 获得表彰')).closest('.zj-card') as HTMLElement;
    await within(card).findByText('认定分值（2–5 分）');
    const chips = within(card)
      .getAllByRole('radio')
      .map((chip) => chip.textContent)
      .filter((label) => label?.endsWith(' 分'));
    expect(chips).toEqual(['2 分', '3 分', '4 分', '5 分']);

    // No points picked: the form says so and sends nothing.
    fireEvent.click(within(card).getByRole('button', { name: '确认认定' }));
    expect(await within(card).findByText('认定时请填写分值')).toBeInTheDocument();
    expect(server.callsTo('POST', '/api/bonuses/11/decision')).toHaveLength(0);

    fireEvent.click(within(card).getByRole('radio', { name: '4 分' }));
    fireEvent.click(within(card).getByRole('button', { name: '确认认定' }));
    await waitFor(() => expect(server.callsTo('POST', '/api/bonuses/11/decision')).toHaveLength(1));
    expect(server.callsTo('POST', '/api/bonuses/11/decision')[0]!.body).toEqual({ approve: true, points: 4 });
    expect(taroControl.toasts).toContain('已认定加分');
    await waitFor(() => expect(server.callsTo('GET', '/api/units/7/bonuses')).toHaveLength(2));
  });

  it('refuses only with a reason, and shows the server’s range refusal under the form', async () => {
    signInAs(['member', 'unit_admin']);
    const server = installFakeApi({
      'GET /api/record-settings': () => json(200, settingsView),
      'GET /api/units/7/bonuses': () => page([claim({ id: 12, kindKey: 'retired', kindName: '已删除的项目' })]),
      'POST /api/bonuses/12/decision': (request) =>
        (request.body as { approve: boolean }).approve
          ? apiRefusal(bonusRefusals.bonus_points_out_of_range, { min: 1, max: 3 })
          : json(200, claim({ id: 12, status: 'refused', statusLabel: '未认定', decisionNote: '事迹不属实' })),
    });
    render(<BonusesPage />);
    const card = (await screen.findByText('李青 · 已删除的项目')).closest('.zj-card') as HTMLElement;
    // A kind no longer listed: points are typed, and the server holds its range from the declaration.
    expect(within(card).queryByRole('radio', { name: '5 分' })).toBeNull();
    fireEvent.change(within(card).getByPlaceholderText('分值'), { target: { value: '5' } });
    fireEvent.click(within(card).getByRole('button', { name: '确认认定' }));
    expect(await within(card).findByText('该项目的分值应在 1–3 分之间')).toBeInTheDocument();

    fireEvent.click(within(card).getByRole('radio', { name: '不予认定' }));
    fireEvent.click(within(card).getByRole('button', { name: '确认不予认定' }));
    expect(await within(card).findByText('不予认定时请写明理由')).toBeInTheDocument();
    expect(server.callsTo('POST', '/api/bonuses/12/decision')).toHaveLength(1);
    fireEvent.change(within(card).getByRole('textbox'), { target: { value: '事迹不属实' } });
    fireEvent.click(within(card).getByRole('button', { name: '确认不予认定' }));
    await waitFor(() => expect(server.callsTo('POST', '/api/bonuses/12/decision')).toHaveLength(2));
    expect(server.callsTo('POST', '/api/bonuses/12/decision')[1]!.body).toEqual({ approve: false, note: '事迹不属实' });
  });

  it('shows the secretariat the unit’s claims without the decision form', async () => {
    signInAs(['member', 'secretariat']);
    taroControl.routerParams = { unitId: '7', unitName: encodeURIComponent('荣盛集团') };
    installFakeApi({
      'GET /api/record-settings': () => json(200, settingsView),
      'GET /api/units/7/bonuses': () => page([claim()]),
    });
    render(<BonusesPage />);
    await screen.findByText('李青 · 获得表彰');
    expect(screen.queryByRole('button', { name: '确认认定' })).toBeNull();
  });
});

describe('反向扣分: recording 1–5 points and deciding an appeal', () => {
  function deductionsApi() {
    return installFakeApi({
      'GET /api/record-settings': () => json(200, settingsView),
      'GET /api/units/7/deductions': () => page([deduction()]),
      'GET /api/units/7/members': () => page(makeMembers(3)),
      'POST /api/units/7/deductions': () => json(201, deduction({ id: 22, phase: 'appeal_window', phaseLabel: '申诉期内', appeal: null })),
      'POST /api/deductions/21/appeal-decision': () => json(200, deduction({ phase: 'withdrawn', phaseLabel: '已撤销' })),
    });
  }

  it('offers 1–5 points only, checks the form, then records', async () => {
    signInAs(['member', 'unit_admin']);
    const server = deductionsApi();
    render(<DeductionsPage />);
    fireEvent.click(await screen.findByRole('button', { name: '记录扣分' }));
    const form = (await screen.findByText('扣分（1–5 分）')).closest('.zj-deduction-form') as HTMLElement;
    const points = within(form)
      .getAllByRole('radio')
      .map((chip) => chip.textContent)
      .filter((label) => /^\d+ 分$/.test(label ?? ''));
    expect(points).toEqual(['1 分', '2 分', '3 分', '4 分', '5 分']);

    fireEvent.click(within(form).getByRole('button', { name: '记录扣分' }));
    expect(await within(form).findByText('请选择党员')).toBeInTheDocument();
    expect(within(form).getByText('请选择扣分分值（1–5 分）')).toBeInTheDocument();
    expect(within(form).getByText('请选择扣分项目')).toBeInTheDocument();
    expect(within(form).getByText('请写明扣分理由（至少 5 个字）')).toBeInTheDocument();
    expect(server.callsTo('POST', '/api/units/7/deductions')).toHaveLength(0);

    fireEvent.click(await within(form).findByRole('radio', { name: '党员2' }));
    fireEvent.click(within(form).getByRole('radio', { name: '言行不当' }));
    fireEvent.click(within(form).getByRole('radio', { name: '3 分' }));
    fireEvent.change(within(form).getByPlaceholderText('写明事实，党员可在 7 天内申诉'), { target: { value: '在工作群发表不当言论' } });
    fireEvent.change(within(form).getByLabelText('发生日期'), { target: { value: '2026-11-28' } });
    fireEvent.click(within(form).getByRole('button', { name: '记录扣分' }));
    await waitFor(() => expect(server.callsTo('POST', '/api/units/7/deductions')).toHaveLength(1));
    expect(server.callsTo('POST', '/api/units/7/deductions')[0]!.body).toEqual({
      memberId: 2,
      kindKey: 'conduct',
      points: 3,
      reason: '在工作群发表不当言论',
      occurredOn: '2026-11-28',
    });
    expect(taroControl.toasts).toContain('已记录扣分，党员可在 7 天内申诉');
  });

  it('withdraws an appealed deduction with a reason', async () => {
    signInAs(['member', 'unit_admin']);
    const server = deductionsApi();
    render(<DeductionsPage />);
    const card = (await screen.findByText('王芳 · 无故缺席组织生活 · −2 分')).closest('.zj-card') as HTMLElement;
    expect(within(card).getByText('申诉（2026-11-26 10:00）：当天已向支部书记请假')).toBeInTheDocument();
    fireEvent.click(within(card).getByRole('button', { name: '撤销扣分' }));
    expect(await within(card).findByText('请写明处理理由')).toBeInTheDocument();
    fireEvent.change(within(card).getByPlaceholderText('党员将看到这段理由'), { target: { value: '经核实已请假' } });
    fireEvent.click(within(card).getByRole('button', { name: '撤销扣分' }));
    await waitFor(() => expect(server.callsTo('POST', '/api/deductions/21/appeal-decision')).toHaveLength(1));
    expect(server.callsTo('POST', '/api/deductions/21/appeal-decision')[0]!.body).toEqual({ uphold: false, note: '经核实已请假' });
    expect(taroControl.toasts).toContain('已撤销扣分');
  });
});

/** A labelled field's input: the label is the field's first child. */
function fieldInput(container: HTMLElement, label: string): HTMLInputElement {
  return within(container).getByText(label).closest('.zj-field')!.querySelector('input')!;
}

describe('积分与指数规则', () => {
  it('says what is wrong before saving, then saves after the question', async () => {
    signInAs(['member', 'secretariat']);
    const saved: RecordSettingsView = {
      settings: {
        ...DEFAULT_RECORD_SETTINGS,
        index: { ...DEFAULT_RECORD_SETTINGS.index, tiers: { excellent: 92, qualified: 70, basic: 60 } },
      },
      effectiveFrom: '2026-12-01T06:00:00.000Z',
      history: [{ effectiveFrom: '2026-11-01T00:00:00.000Z', createdBy: '秘书处' }],
    };
    const server = installFakeApi({
      'GET /api/record-settings': () => json(200, settingsView),
      'PUT /api/record-settings': () => json(200, saved),
    });
    const { container } = render(<SettingsPage />);
    expect(await screen.findByText('尚未修改过，使用系统默认规则。')).toBeInTheDocument();
    expect(screen.getByText(/自保存时起生效，不改写已有记录/)).toBeInTheDocument();

    // Tiers out of order: the schema's own message, beside the tiers.
    fireEvent.change(fieldInput(container, '合格 ≥'), { target: { value: '95' } });
    fireEvent.click(screen.getByRole('button', { name: '保存规则' }));
    expect(await screen.findByText('等次分数线应从高到低排列')).toBeInTheDocument();
    expect(screen.getByText('有 1 处需要修改，请看标红的项目')).toBeInTheDocument();
    expect(server.callsTo('PUT', '/api/record-settings')).toHaveLength(0);

    fireEvent.change(fieldInput(container, '合格 ≥'), { target: { value: '70' } });
    fireEvent.change(fieldInput(container, '优秀候选 ≥'), { target: { value: '92' } });
    // A cap left empty is no cap: 学习's daily cap (2 by default).
    const study = screen.getByText('学习积分').closest('.zj-card') as HTMLElement;
    fireEvent.change(fieldInput(study, '每日上限'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: '保存规则' }));
    await waitFor(() => expect(server.callsTo('PUT', '/api/record-settings')).toHaveLength(1));
    expect(taroControl.modals.at(-1)?.content).toContain('不会改写');
    const body = server.callsTo('PUT', '/api/record-settings')[0]!.body as typeof DEFAULT_RECORD_SETTINGS;
    expect(body.index.tiers).toEqual({ excellent: 92, qualified: 70, basic: 60 });
    expect(body.points.study).toEqual({ perRead: 1, dailyCap: null, yearlyCap: 20 });
    expect(body.bonusKinds).toEqual(DEFAULT_RECORD_SETTINGS.bonusKinds);
    expect(taroControl.toasts).toContain('已保存，自现在起生效');
    expect(await screen.findByText('自 2026-12-01 14:00 起生效。')).toBeInTheDocument();
    expect(screen.getByText('自 2026-11-01 08:00 起')).toBeInTheDocument();
  });

  it('does not save a bonus kind whose lowest points exceed its highest', async () => {
    signInAs(['member', 'secretariat']);
    const server = installFakeApi({ 'GET /api/record-settings': () => json(200, settingsView) });
    const { container } = render(<SettingsPage />);
    const kind = (await screen.findByText('名称（volunteer）')).closest('.zj-settings__kind') as HTMLElement;
    fireEvent.change(fieldInput(kind, '最低分'), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: '保存规则' }));
    expect(await screen.findByText('最低分不能高于最高分')).toBeInTheDocument();
    expect(container.querySelector('.zj-ra__error')).not.toBeNull();
    expect(server.callsTo('PUT', '/api/record-settings')).toHaveLength(0);
  });
});

describe('党费: the year sheet', () => {
  const year = thisYear();
  const sheet: DuesSheet = {
    year,
    rows: [
      {
        member: { id: 2, name: '李青', branchName: '第一党支部' },
        months: [{ month: `${year}-01`, amountCents: 5000, paidOn: `${year}-01-20` }],
        monthsBehind: 0,
      },
      { member: { id: 3, name: '王芳', branchName: '第一党支部' }, months: [], monthsBehind: 4 },
      { member: { id: 4, name: '赵强', branchName: null }, months: [], monthsBehind: 2 },
    ],
  };

  it('highlights members 3 or more months behind and records a month', async () => {
    signInAs(['member', 'unit_admin']);
    const server = installFakeApi({
      [`GET /api/units/7/dues`]: () => json(200, sheet),
      'PUT /api/units/7/dues': () =>
        json(200, { ...sheet.rows[1], months: [{ month: `${year}-01`, amountCents: 5050, paidOn: `${year}-01-31` }], monthsBehind: 0 }),
    });
    const { container } = render(<DuesPage />);
    expect(await screen.findByText('欠交 4 个月')).toBeInTheDocument();
    expect(screen.getByText('1 人连续欠交 3 个月及以上')).toBeInTheDocument();
    const flagged = [...container.querySelectorAll('.zj-table__row--flag')].map(
      (row) => row.querySelector('.zj-table__cell--name')?.textContent,
    );
    expect(flagged).toEqual(['王芳欠交 4 个月']);
    expect(screen.getByText('¥50')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: `王芳 ${year}-01` }));
    const editor = (await screen.findByText(`王芳 · ${year}-01（未登记）`)).closest('.zj-card') as HTMLElement;
    fireEvent.click(within(editor).getByRole('button', { name: '登记已交' }));
    expect(await within(editor).findByText('请填写金额（元，最多两位小数）')).toBeInTheDocument();
    fireEvent.change(within(editor).getByPlaceholderText('如 50'), { target: { value: '50.5' } });
    fireEvent.change(within(editor).getByLabelText('交纳日期'), { target: { value: `${year}-01-31` } });
    fireEvent.click(within(editor).getByRole('button', { name: '登记已交' }));
    await waitFor(() => expect(server.callsTo('PUT', '/api/units/7/dues')).toHaveLength(1));
    expect(server.callsTo('PUT', '/api/units/7/dues')[0]!.body).toEqual({
      memberId: 3,
      month: `${year}-01`,
      amountCents: 5050,
      paidOn: `${year}-01-31`,
    });
    await waitFor(() => expect(container.querySelectorAll('.zj-table__row--flag')).toHaveLength(0));
    expect(screen.getByText('没有连续欠交 3 个月及以上的党员')).toBeInTheDocument();
  });
});
