import { act, fireEvent, render, screen } from '@testing-library/react';
import type { CheckinCode } from '@zhijian/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RotatingCode } from '../../../miniapp/src/packages/checkin-admin/code';
import { RuleEditor, type RuleDraft } from '../../../miniapp/src/packages/checkin-admin/rules/RuleEditor';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { makeRule } from '../../support/taro/activityFactories';
import { installFakeApi, json } from '../../support/taro/fakeApi';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { taroControl } from '../../support/taro/taro';

function code(slot: number, refreshInMs: number): CheckinCode {
  return {
    activityId: 9,
    token: `QD1.9.${slot}.signature-of-slot-${slot}`,
    slot,
    expiresAt: new Date((slot + 1) * 15_000).toISOString(),
    refreshInMs,
    qrDataUrl: `data:image/png;base64,slot${slot}`,
    window: { opensAt: '2026-11-25T05:30:00.000Z', closesAt: '2026-11-25T06:30:00.000Z', lateAfter: '2026-11-25T06:10:00.000Z' },
  };
}

describe('the rotating code screen', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    clearSession();
    taroControl.reset();
    saveSession(makeSignedIn(makeMe({ roles: ['member', 'unit_admin'] })));
  });
  afterEach(() => vi.useRealTimers());

  it('shows the QR code and its text, replaces both exactly when the slot ends, and keeps the screen on', async () => {
    process.env.TARO_ENV = 'weapp';
    const answers = [code(100, 8000), code(101, 15_000), code(102, 15_000)];
    const server = installFakeApi({ 'POST /api/activities/9/code': () => json(200, answers.shift()) });
    const view = render(<RotatingCode activityId={9} />);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(screen.getByText('QD1.9.100.signature-of-slot-100')).toBeInTheDocument();
    expect(document.querySelector('img')!.getAttribute('src')).toBe('data:image/png;base64,slot100');
    expect(taroControl.keepScreenOn).toEqual([true]);

    await act(async () => {
      await vi.advanceTimersByTimeAsync(7999);
    });
    expect(server.callsTo('POST', '/api/activities/9/code')).toHaveLength(1);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1);
    });
    expect(server.callsTo('POST', '/api/activities/9/code')).toHaveLength(2);
    expect(screen.getByText('QD1.9.101.signature-of-slot-101')).toBeInTheDocument();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(15_000);
    });
    expect(screen.getByText('QD1.9.102.signature-of-slot-102')).toBeInTheDocument();

    view.unmount();
    expect(taroControl.keepScreenOn).toEqual([true, false]);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60_000);
    });
    expect(server.callsTo('POST', '/api/activities/9/code')).toHaveLength(3);
  });

  it('never calls setKeepScreenOn in a browser, which has no such API; it asks for a wake lock instead', async () => {
    const released = vi.fn(async () => undefined);
    const request = vi.fn(async () => ({ release: released }));
    Object.defineProperty(navigator, 'wakeLock', { value: { request }, configurable: true });
    installFakeApi({ 'POST /api/activities/9/code': () => json(200, code(100, 15_000)) });
    const view = render(<RotatingCode activityId={9} />);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(taroControl.keepScreenOn).toEqual([]);
    expect(request).toHaveBeenCalledWith('screen');
    view.unmount();
    expect(released).toHaveBeenCalled();
    Reflect.deleteProperty(navigator, 'wakeLock');
  });
});

describe('the rule editor', () => {
  const rule = makeRule({ durationMinutes: 150, agenda: [{ kind: 'segment', title: '创客公开课' }] });

  it('offers only the 5th, 15th and 25th as the day', () => {
    render(<RuleEditor rule={rule} saving={false} onSave={() => undefined} />);
    const dayButtons = screen.getAllByRole('button').filter((button) => /^\d+ 日$/.test(button.textContent ?? ''));
    expect(dayButtons.map((button) => button.textContent)).toEqual(['5 日', '15 日', '25 日']);
    expect(screen.queryByDisplayValue('15')).toBeNull();
  });

  it('saves the chosen day, time, place and agenda', () => {
    const saved: RuleDraft[] = [];
    render(<RuleEditor rule={rule} saving={false} onSave={(draft) => saved.push(draft)} />);
    fireEvent.click(screen.getByRole('button', { name: '25 日' }));
    fireEvent.click(screen.getByRole('button', { name: '添加议程环节' }));
    fireEvent.change(screen.getAllByRole('textbox').at(-1)!, { target: { value: '党员大讨论' } });
    // The first segment's kind cycles to the next one: 支部党员大会.
    fireEvent.click(screen.getAllByRole('button', { name: '活动环节' })[0]!);
    fireEvent.click(screen.getByRole('button', { name: '保存规则并生成未来三个月的活动' }));
    expect(saved).toEqual([
      {
        dayOfMonth: 25,
        startTime: '14:00',
        durationMinutes: 150,
        title: '党员固定活动日',
        placeName: '党群服务中心',
        placeAddress: '',
        agenda: [
          { kind: 'branch_general_meeting', title: '创客公开课' },
          { kind: 'segment', title: '党员大讨论' },
        ],
        latitude: null,
        longitude: null,
        radiusMeters: null,
      },
    ]);
  });
});

describe('the check-in area of a rule', () => {
  const located = makeRule({ latitude: 30.2741, longitude: 120.1551, radiusMeters: 300 });

  it('keeps the rule’s position and radius when something else is changed', () => {
    const saved: RuleDraft[] = [];
    render(<RuleEditor rule={located} saving={false} onSave={(draft) => saved.push(draft)} />);
    expect(screen.getByText('纬度 30.2741，经度 120.1551')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '5 日' }));
    fireEvent.click(screen.getByRole('button', { name: '保存规则并生成未来三个月的活动' }));
    expect(saved[0]).toMatchObject({ dayOfMonth: 5, latitude: 30.2741, longitude: 120.1551, radiusMeters: 300 });
  });

  it('takes the organiser’s position in gcj02 with a 300 m radius, which can be widened', async () => {
    taroControl.location = { latitude: 30.27412345, longitude: 120.15509876 };
    const saved: RuleDraft[] = [];
    render(<RuleEditor rule={makeRule()} saving={false} onSave={(draft) => saved.push(draft)} />);
    expect(screen.getByText(/^未设定/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '以当前位置为活动地点' }));
    expect(await screen.findByText('纬度 30.274123，经度 120.155099')).toBeInTheDocument();
    fireEvent.change(screen.getByDisplayValue('300'), { target: { value: '500' } });
    fireEvent.click(screen.getByRole('button', { name: '保存规则并生成未来三个月的活动' }));
    expect(saved[0]).toMatchObject({ latitude: 30.274123, longitude: 120.155099, radiusMeters: 500 });
    expect(taroControl.locationCalls).toBe(1);
  });

  it('clears the position, and says so when the phone will not give one', async () => {
    taroControl.location = null;
    const saved: RuleDraft[] = [];
    render(<RuleEditor rule={located} saving={false} onSave={(draft) => saved.push(draft)} />);
    fireEvent.click(screen.getByRole('button', { name: '改为当前位置' }));
    expect(await screen.findByText('未能获取位置：请在设置中允许使用位置信息，并在活动地点重试')).toBeInTheDocument();
    expect(screen.getByText('纬度 30.2741，经度 120.1551')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '清除位置' }));
    fireEvent.click(screen.getByRole('button', { name: '保存规则并生成未来三个月的活动' }));
    expect(saved[0]).toMatchObject({ latitude: null, longitude: null, radiusMeters: null });
  });
});
