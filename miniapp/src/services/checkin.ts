import Taro from '@tarojs/taro';
import { ApiError, type CheckinResult } from '@zhijian/shared';
import { api, call } from './api';
import { isWeapp } from './env';

/** What a scan came to: checked in (on time or late), or refused with the server's reason. */
export type ScanOutcome = { kind: 'success'; result: CheckinResult } | { kind: 'refused'; message: string; reason: string | null };

function reasonOf(error: ApiError): string | null {
  const details = error.details as { reason?: unknown } | undefined;
  return typeof details?.reason === 'string' ? details.reason : null;
}

/**
 * Posts a check-in. The position is read only when the server says this unit checks it
 * (`location_required`), and only then — the privacy guide promises exactly that.
 */
export async function submitCheckin(token: string): Promise<ScanOutcome> {
  try {
    return { kind: 'success', result: await call(api.checkins.checkIn, { body: { token } }) };
  } catch (error) {
    if (!(error instanceof ApiError)) return { kind: 'refused', message: '签到失败，请重试', reason: null };
    if (reasonOf(error) !== 'location_required') return { kind: 'refused', message: error.message, reason: reasonOf(error) };
  }
  let position: { latitude: number; longitude: number };
  try {
    position = await Taro.getLocation({ type: 'gcj02' });
  } catch {
    return {
      kind: 'refused',
      message: '未能获取位置：本单位开启了定位签到，请在设置中允许使用位置信息后重试',
      reason: 'location_required',
    };
  }
  try {
    return {
      kind: 'success',
      result: await call(api.checkins.checkIn, { body: { token, latitude: position.latitude, longitude: position.longitude } }),
    };
  } catch (error) {
    if (error instanceof ApiError) return { kind: 'refused', message: error.message, reason: reasonOf(error) };
    return { kind: 'refused', message: '签到失败，请重试', reason: null };
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
