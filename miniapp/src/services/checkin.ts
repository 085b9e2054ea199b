import Taro from '@tarojs/taro';
import {
  api,
  ApiError,
  type CheckinInput,
  type CheckinRefusal,
  checkinRefusals,
  type CheckinResult,
  type RequestKind,
} from '@zhijian/shared';
import { call } from './api';
import { isWeapp } from './env';
import { UserError } from './errors';
import { isUnreachable } from './network';
import type { z } from 'zod';

/** Where the member stands, sent only when the unit checks it. */
type Position = Required<Omit<z.input<typeof CheckinInput>, 'token'>>;

/** What a scan came to: checked in (on time or late), or refused with the server's reason. */
export type ScanOutcome = { kind: 'success'; result: CheckinResult } | { kind: 'refused'; message: string; reason: CheckinRefusal | null };

const CHECKIN_REASONS: ReadonlySet<string> = new Set(Object.keys(checkinRefusals));

/** Why the server refused a check-in (or a leave / make-up request), when it is one of the check-in refusals. */
export function checkinRefusalOf(error: unknown): CheckinRefusal | null {
  const reason = error instanceof ApiError ? error.reason : undefined;
  return reason !== undefined && CHECKIN_REASONS.has(reason) ? (reason as CheckinRefusal) : null;
}

/** Posts a check-in, with the member's position when given. */
export function checkIn(token: string, position?: Position): Promise<CheckinResult> {
  return call(api.checkins.checkIn, { body: { token, ...position } });
}

function refused(error: unknown): ScanOutcome {
  // No answer is no outcome: the scan panel says the network is gone and offers the make-up request.
  if (isUnreachable(error)) throw error;
  if (!(error instanceof ApiError)) return { kind: 'refused', message: '签到失败，请重试', reason: null };
  return { kind: 'refused', message: error.message, reason: checkinRefusalOf(error) };
}

/**
 * A scan or a typed code, to its outcome. The position is read only when the server says this unit
 * checks it (`location_required`), and only then — the privacy guide promises exactly that.
 */
export async function submitCheckin(token: string): Promise<ScanOutcome> {
  try {
    return { kind: 'success', result: await checkIn(token) };
  } catch (error) {
    if (checkinRefusalOf(error) !== 'location_required') return refused(error);
  }
  let position: Position;
  try {
    const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' });
    position = { latitude, longitude };
  } catch {
    return {
      kind: 'refused',
      message: '未能获取位置：本单位开启了定位签到，请在设置中允许使用位置信息后重试',
      reason: 'location_required',
    };
  }
  try {
    return { kind: 'success', result: await checkIn(token, position) };
  } catch (error) {
    return refused(error);
  }
}

/** The WeChat scanner; null when the member closed it. H5 has no scanner: the code is typed or pasted. */
export async function scanCode(): Promise<string | null> {
  if (!isWeapp()) return null;
  try {
    const scanned = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return scanned.result;
  } catch {
    return null;
  }
}

/**
 * "Remind me when I have not checked in": WeChat's subscription prompt (a tap, one message per
 * allowance), then the server counts the allowance. Answers how many reminders are due.
 */
export async function subscribeToCheckinReminders(templateId: string): Promise<number> {
  let answer: unknown;
  try {
    // entityIds is Alipay's field; Taro's typings require it, WeChat ignores it.
    answer = await Taro.requestSubscribeMessage({ tmplIds: [templateId], entityIds: [] });
  } catch {
    throw new UserError('暂时无法开启提醒，请稍后再试');
  }
  if ((answer as Record<string, unknown>)[templateId] !== 'accept') throw new UserError('未开启提醒，可随时再点这里开启');
  return (await call(api.checkins.subscribeReminders)).remaining;
}

/** The 签到 tab: my activities of the coming months, my latest records, my 活动积分. */
export async function loadMyCheckins() {
  const [mine, history, points] = await Promise.all([
    call(api.activities.mine, {}),
    call(api.attendance.myHistory, { query: { pageSize: 10 } }),
    call(api.attendance.myPoints, { query: { pageSize: 1 } }),
  ]);
  return { activities: mine.items, history: history.items, historyTotal: history.total, totalPoints: points.totalPoints };
}

/** One more page of my records (10 a page, as the tab's first). */
export async function myHistoryPage(page: number) {
  return (await call(api.attendance.myHistory, { query: { page, pageSize: 10 } })).items;
}

/** 请假 before the start or 补签 after the window, with the member's reason. */
export function requestAbsence(activityId: number, kind: z.output<typeof RequestKind>, reason: string) {
  return call(kind === 'leave' ? api.checkins.requestLeave : api.checkins.requestMakeup, { params: { id: activityId }, body: { reason } });
}
