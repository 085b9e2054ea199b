import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { CheckinResult, MyActivity } from '@zhijian/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import CheckinTab from '../../../miniapp/src/pages/checkin';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { makeActivityListItem } from '../../support/taro/activityFactories';
import { installFakeApi, json } from '../../support/taro/fakeApi';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { taroControl } from '../../support/taro/taro';

// The decoder (jsQR over the video's frame) is replaced: the test says what each frame holds.
const frames = vi.hoisted(() => ({ queue: [] as (string | null)[], read: 0 }));
vi.mock('../../../miniapp/src/pages/checkin/camera/decodeQr', () => ({
  decodeQr: () => {
    frames.read += 1;
    return frames.queue.shift() ?? null;
  },
}));

const activity: MyActivity = {
  ...makeActivityListItem({ phase: 'checkin_open' }),
  relation: 'roster',
  myStatus: 'waiting',
  checkedInAt: null,
  requests: [],
  canRequestLeave: false,
  canRequestMakeup: false,
};

const success: CheckinResult = {
  attendance: { id: 1, activityId: 9, memberId: 1, status: 'present', method: 'scan', checkedInAt: '2026-11-25T05:50:00.000Z', points: 2 },
  activity: { id: 9, title: '主题党日：创客沙龙', startsAt: activity.startsAt, placeName: '党群服务中心', unitName: '荣盛集团' },
  message: '签到成功',
};

function tabApi() {
  return installFakeApi({
    'GET /api/me/activities': () => json(200, { items: [activity] }),
    'GET /api/me/attendance': () => json(200, { items: [], total: 0, page: 1, pageSize: 10 }),
    'GET /api/me/points': () => json(200, { items: [], total: 0, page: 1, pageSize: 1, totalPoints: 0 }),
    'POST /api/checkins': () => json(200, success),
  });
}

/** A camera that opens (or refuses with `error`), and its one track, to see it stopped. */
function fakeCamera(error?: { name: string }) {
  const track = { stop: vi.fn() };
  const getUserMedia = vi.fn(async () => {
    if (error) throw Object.assign(new Error(error.name), error);
    // happy-dom's MediaStream, so the video element takes it; its one track is ours.
    const stream = new MediaStream();
    Object.defineProperty(stream, 'getTracks', { value: () => [track] });
    return stream;
  });
  Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: { getUserMedia } });
  return { track, getUserMedia };
}

describe('签到 in a phone browser: the camera', () => {
  beforeEach(() => {
    clearSession();
    taroControl.reset();
    saveSession(makeSignedIn(makeMe()));
    frames.queue = [];
    frames.read = 0;
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    Reflect.deleteProperty(navigator, 'mediaDevices');
  });

  it('opens the back camera, reads frames until a QR code is found, closes the camera and checks in with it', async () => {
    const camera = fakeCamera();
    frames.queue = [null, null, 'QD1.9.123.signed'];
    const server = tabApi();
    render(<CheckinTab />);
    fireEvent.click(await screen.findByRole('button', { name: '扫码签到' }));
    expect(await screen.findByText('将组织者屏幕上的二维码放入框内，识别后自动签到')).toBeInTheDocument();
    await waitFor(() => expect(server.callsTo('POST', '/api/checkins')).toHaveLength(1), { timeout: 3000 });
    expect(server.callsTo('POST', '/api/checkins')[0]!.body).toEqual({ token: 'QD1.9.123.signed' });
    expect(frames.read).toBe(3);
    expect(camera.getUserMedia).toHaveBeenCalledWith({ video: { facingMode: { ideal: 'environment' } }, audio: false });
    expect(camera.track.stop).toHaveBeenCalled();
    expect(await screen.findByText('签到成功')).toBeInTheDocument();
    expect(screen.queryByText('关闭相机')).not.toBeInTheDocument();
  });

  it('stops the camera when the member closes it, without checking in', async () => {
    const camera = fakeCamera();
    const server = tabApi();
    render(<CheckinTab />);
    fireEvent.click(await screen.findByRole('button', { name: '扫码签到' }));
    await waitFor(() => expect(frames.read).toBeGreaterThan(0));
    fireEvent.click(screen.getByRole('button', { name: '关闭相机' }));
    expect(camera.track.stop).toHaveBeenCalled();
    const read = frames.read;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(frames.read).toBe(read);
    expect(server.callsTo('POST', '/api/checkins')).toHaveLength(0);
    expect(screen.getByRole('button', { name: '扫码签到' })).toBeInTheDocument();
  });

  it('says the camera was not allowed, and the typed code still checks in', async () => {
    fakeCamera({ name: 'NotAllowedError' });
    const server = tabApi();
    render(<CheckinTab />);
    fireEvent.click(await screen.findByRole('button', { name: '扫码签到' }));
    expect(await screen.findByText('未获得相机权限：请在浏览器设置中允许本网页使用相机，或在下方输入签到码')).toBeInTheDocument();
    fireEvent.change(screen.getByPlaceholderText('输入或粘贴签到码'), { target: { value: 'QD1.9.123.typed' } });
    fireEvent.click(screen.getByRole('button', { name: '签到' }));
    await waitFor(() => expect(server.callsTo('POST', '/api/checkins')).toHaveLength(1));
    expect(server.callsTo('POST', '/api/checkins')[0]!.body).toEqual({ token: 'QD1.9.123.typed' });
  });

  it('says there is no camera when the browser has none to give', async () => {
    tabApi();
    render(<CheckinTab />);
    fireEvent.click(await screen.findByRole('button', { name: '扫码签到' }));
    expect(await screen.findByText('没有找到可用的相机，请在下方输入签到码')).toBeInTheDocument();
    expect(screen.getByPlaceholderText('输入或粘贴签到码')).toBeInTheDocument();
  });
});

describe('签到 tab: the reminder a member allows', () => {
  beforeEach(() => {
    clearSession();
    taroControl.reset();
    saveSession(makeSignedIn(makeMe()));
  });
  afterEach(() => {
    delete process.env.TARO_APP_CHECKIN_TEMPLATE_ID;
  });

  it('asks WeChat for the template and counts the allowance; a refusal in the prompt sends nothing', async () => {
    process.env.TARO_APP_CHECKIN_TEMPLATE_ID = 'tmpl-checkin';
    const server = installFakeApi({
      'GET /api/me/activities': () => json(200, { items: [activity] }),
      'GET /api/me/attendance': () => json(200, { items: [], total: 0, page: 1, pageSize: 10 }),
      'GET /api/me/points': () => json(200, { items: [], total: 0, page: 1, pageSize: 1, totalPoints: 0 }),
      'POST /api/checkin-reminders/subscription': () => json(200, { remaining: 1 }),
    });
    render(<CheckinTab />);
    taroControl.subscribeAnswer = 'reject';
    fireEvent.click(await screen.findByRole('button', { name: '未签到时提醒我' }));
    await waitFor(() => expect(taroControl.toasts).toContain('未开启提醒，可随时再点这里开启'));
    expect(server.callsTo('POST', '/api/checkin-reminders/subscription')).toHaveLength(0);

    taroControl.subscribeAnswer = 'accept';
    fireEvent.click(screen.getByRole('button', { name: '未签到时提醒我' }));
    await waitFor(() => expect(server.callsTo('POST', '/api/checkin-reminders/subscription')).toHaveLength(1));
    expect(taroControl.subscribeRequests).toEqual([['tmpl-checkin'], ['tmpl-checkin']]);
    await waitFor(() => expect(taroControl.toasts.some((t) => t.startsWith('已开启'))).toBe(true));
  });

  it('has no button when the build has no template', async () => {
    tabApi();
    render(<CheckinTab />);
    await screen.findByRole('button', { name: '扫码签到' });
    expect(screen.queryByRole('button', { name: '未签到时提醒我' })).not.toBeInTheDocument();
  });
});
