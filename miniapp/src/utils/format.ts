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
