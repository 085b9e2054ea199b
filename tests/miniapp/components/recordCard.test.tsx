import { render, screen, waitFor, within } from '@testing-library/react';
import { DEFAULT_RECORD_SETTINGS, shanghaiYear } from '@zhijian/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import CardPage from '../../../miniapp/src/packages/record/card';
import { IndexBreakdownView } from '../../../miniapp/src/packages/record/components/IndexBreakdownView';
import MeTab from '../../../miniapp/src/pages/me';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { apiError, installFakeApi, json } from '../../support/taro/fakeApi';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { makeCard, makeIndex, makeSettingsView } from '../../support/taro/recordFactories';
import { taroControl } from '../../support/taro/taro';

const rules = DEFAULT_RECORD_SETTINGS.index;

function shown(selector: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(selector);
  if (!element) throw new Error(`nothing matches ${selector}`);
  return element;
}

/** The value shown on the line of a part of the breakdown. */
function lineValue(label: string): string {
  const line = screen.getByText(label, { exact: true }).closest('.zj-breakdown__line') as HTMLElement;
  return line.querySelector('.zj-breakdown__value')!.textContent!;
}

describe('the index breakdown', () => {
  it('shows every part: 组织生活 × rate + 承诺践诺, the bonus parts within their caps, deductions, the advisory tier', () => {
    // 9 of 10 activities: 50 × 0.9 = 45, + 30 = 75; bonus 2 + 4 × 0.5 = 4; minus 1 → 78.
    render(<IndexBreakdownView index={makeIndex({ deductions: 1 })} rules={rules} frozen={false} live />);

    expect(shown('.zj-breakdown__figure')).toHaveTextContent('78');
    expect(lineValue('基本指数')).toBe('75');
    expect(lineValue('组织生活')).toBe('45');
    expect(screen.getByText('50 × 出勤率 90%')).toBeInTheDocument();
    expect(lineValue('承诺践诺')).toBe('30');
    expect(lineValue('正向加分')).toBe('+4');
    expect(lineValue('认定的加分项目')).toBe('+2');
    expect(lineValue('学习积分折算')).toBe('+2');
    expect(screen.getByText('学习积分 × 0.5，至多 5 分')).toBeInTheDocument();
    expect(lineValue('公益积分')).toBe('0');
    expect(lineValue('反向扣分')).toBe('−1');
    expect(screen.getByText('参考等次：合格')).toBeInTheDocument();
    expect(screen.getByText(/等次仅供参考，由支部在民主评议中确定/)).toBeInTheDocument();
    expect(screen.getByText('实时计算，仅本人可见')).toBeInTheDocument();
    expect(document.querySelector('.zj-breakdown__zeroed')).not.toBeInTheDocument();
  });

  it('says when the bonus parts pass the cap, and gives a member expected at nothing the whole 组织生活', () => {
    // 12 + 5 (study capped) + 10 (public service capped) = 27, counted as 20.
    const index = makeIndex({ expected: 0, attended: 0, approvedBonus: 12, studyPoints: 30, publicServicePoints: 14 });
    render(<IndexBreakdownView index={index} rules={rules} frozen={false} />);

    expect(lineValue('组织生活')).toBe('50');
    expect(screen.getByText('本年度尚无应参加的活动，按满分计')).toBeInTheDocument();
    expect(lineValue('学习积分折算')).toBe('+5');
    expect(lineValue('公益积分')).toBe('+10');
    expect(lineValue('正向加分')).toBe('+20');
    expect(screen.getByText('合计至多 20 分（各项共 27，按上限计）')).toBeInTheDocument();
    expect(shown('.zj-breakdown__figure')).toHaveTextContent('100');
    expect(screen.getByText('参考等次：优秀候选')).toBeInTheDocument();
  });

  it('shows 清零 over the parts when a sanction zeroes the year, and a closed year as its snapshot', () => {
    render(<IndexBreakdownView index={makeIndex({ sanctioned: true })} rules={rules} frozen />);

    expect(shown('.zj-breakdown__figure')).toHaveTextContent('0');
    expect(shown('.zj-breakdown__zeroed')).toHaveTextContent('先锋指数清零');
    expect(lineValue('基本指数')).toBe('75');
    expect(screen.getByText('参考等次：需谈心谈话')).toBeInTheDocument();
    expect(screen.getByText('本年度已结账，以下为结账时的数据')).toBeInTheDocument();
    // A snapshot's factors may differ from today's rules: the rate alone, no "50 ×".
    expect(screen.getByText('出勤率 90%')).toBeInTheDocument();
  });
});

describe('the 党员卡 page', () => {
  beforeEach(() => {
    clearSession();
    saveSession(makeSignedIn(makeMe({ roles: ['member'] })));
  });

  it('shows identity, points against caps, dues, appraisals and benefits, with a QR that is replaced when due', async () => {
    let codes = 0;
    const api = installFakeApi({
      'GET /api/me/card': () => json(200, makeCard()),
      'GET /api/record-settings': () => json(200, makeSettingsView()),
      'POST /api/me/card/code': () => {
        codes += 1;
        return json(200, {
          code: `ID1.${codes}`,
          qrDataUrl: `data:image/png;base64,QR${codes}`,
          expiresAt: '2026-11-25T06:01:00.000Z',
          refreshInMs: 1000,
        });
      },
    });
    render(<CardPage />);

    expect(await screen.findByText('李青')).toBeInTheDocument();
    expect(screen.getByText('固定党员')).toBeInTheDocument();
    expect(screen.getByText('建华文创园')).toBeInTheDocument();
    expect(screen.getByText('第一党支部')).toBeInTheDocument();
    expect(screen.getByText('入党日期：2015年7月1日')).toBeInTheDocument();
    expect(shown('.zj-points__row--study .zj-points__value')).toHaveTextContent('4 / 20');
    expect(screen.getByText('今日 1/2 · 全年上限 20')).toBeInTheDocument();
    expect(shown('.zj-points__row--integrity .zj-points__value')).toHaveTextContent('100');
    expect(shown('.zj-facts__figure--reads')).toHaveTextContent('6');
    expect(screen.getByText('¥50.50')).toBeInTheDocument();
    expect(screen.getByText('截至上月没有欠交的月份。')).toBeInTheDocument();
    expect(screen.getByText('2025 年度民主评议')).toBeInTheDocument();
    const unlocked = screen.getByText(/优先推荐评优/).closest('.zj-benefit') as HTMLElement;
    expect(within(unlocked).getByText('已解锁')).toBeInTheDocument();
    const locked = screen.getByText(/学习之星/).closest('.zj-benefit') as HTMLElement;
    expect(within(locked).getByText('还差 11')).toBeInTheDocument();

    const qr = () => document.querySelector('img.zj-identity-qr__image');
    await waitFor(() => expect(qr()).toHaveAttribute('src', 'data:image/png;base64,QR1'));
    // refreshInMs says when the next one is due: it replaces the first without a reload of the card.
    await waitFor(() => expect(qr()).toHaveAttribute('src', 'data:image/png;base64,QR2'), { timeout: 3000 });
    expect(api.callsTo('GET', '/api/me/card')).toHaveLength(1);
    expect(api.callsTo('GET', '/api/me/card')[0]!.query.get('year')).toBe(String(shanghaiYear(new Date())));
  });

  it('flags months behind and low integrity, retries a card that failed, and shows it without the rules when they fail', async () => {
    const card = makeCard({
      integrityFlagged: true,
      dues: { months: [], monthsBehind: 3 },
    });
    let fail = true;
    installFakeApi({
      'GET /api/me/card': () => (fail ? apiError('internal', '服务暂时不可用') : json(200, card)),
      'GET /api/record-settings': () => apiError('internal', '服务暂时不可用'),
      'POST /api/me/card/code': () => apiError('forbidden'),
    });
    render(<CardPage />);
    expect(await screen.findByText('服务暂时不可用')).toBeInTheDocument();

    fail = false;
    screen.getByRole('button', { name: '重试' }).click();
    expect(await screen.findByText('已连续 3 个月未记录交纳（截至上月）')).toHaveClass('zj-dues__behind--alert');
    expect(screen.getByText('诚信积分低于协会提示线，请与支部沟通')).toBeInTheDocument();
    expect(await screen.findByText('身份码暂不可用')).toBeInTheDocument();
    // The factors need the rules; the parts themselves come with the card.
    expect(screen.getByText('出勤率 90%')).toBeInTheDocument();
    expect(screen.queryByText('50 × 出勤率 90%')).not.toBeInTheDocument();
  });

  it('is reached from 我的 by a member', () => {
    saveSession(makeSignedIn(makeMe({ roles: ['member'] })));
    installFakeApi({ 'GET /api/me': () => json(200, makeMe({ roles: ['member'] })) });
    render(<MeTab />);
    screen.getByText('党员卡', { selector: '.zj-cell__title' }).click();
    expect(taroControl.navigations).toContainEqual({ kind: 'navigateTo', url: '/packages/record/card/index' });
  });
});
