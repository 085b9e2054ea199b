import { formatDate, parseClockTime, parseDate } from '@zhijian/shared';

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** "2025-11-22 14:05" in Asia/Shanghai, without Intl (not every WeChat JS engine has time zones). */
export function formatDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "2026-12-31 18:00" typed in Asia/Shanghai → an ISO instant with its offset; null when not a valid time. */
export function parseShanghaiInput(text: string): string | null {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '00'] = match;
  const date = parseDate(`${y}-${pad(Number(mo))}-${pad(Number(d))}`);
  const clock = `${pad(Number(h))}:${mi}`;
  if (!date || parseClockTime(clock) === undefined) return null;
  return `${formatDate(date)}T${clock}:00+08:00`;
}

/** "2016-02-18" → "2016年2月18日", as the newsletter prints it; anything else is shown as is. */
export function formatChineseDate(date: string | null): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  if (!match) return date ?? '';
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}
