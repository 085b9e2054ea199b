/**
 * Calendar arithmetic in Asia/Shanghai, independent of the process time zone. China has kept
 * UTC+8 without daylight saving since 1991, so a fixed offset is exact: an instant is shifted by
 * eight hours and read with the UTC accessors only (never `getHours()` and friends, which follow
 * the zone the process happens to run in).
 */
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A day on the calendar, month 1–12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface ShanghaiParts extends CalendarDate {
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export function shanghaiParts(instant: Date): ShanghaiParts {
  const shifted = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    weekday: shifted.getUTCDay() === 0 ? 7 : shifted.getUTCDay(),
  };
}

export function shanghaiDate(instant: Date): CalendarDate {
  const { year, month, day } = shanghaiParts(instant);
  return { year, month, day };
}

/** `HH:MM` (24-hour) → minutes after midnight; undefined when it is not a valid time. */
export function parseClockTime(value: string): number | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!match) return undefined;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The instant of a wall-clock time on a Shanghai calendar day. */
export function shanghaiInstant(date: CalendarDate, clockTime: string): Date {
  const minutes = parseClockTime(clockTime);
  if (minutes === undefined) throw new RangeError(`不是有效的时间：${clockTime}`);
  return new Date(Date.UTC(date.year, date.month - 1, date.day) + minutes * 60_000 - SHANGHAI_OFFSET_MS);
}

export function formatDate(date: CalendarDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** Today in Asia/Shanghai as `YYYY-MM-DD`: the default, and the latest, day of a record. */
export function shanghaiToday(now: Date = new Date()): string {
  return formatDate(shanghaiDate(now));
}

/** `YYYY-MM-DD` → a calendar date; undefined when the day does not exist (e.g. 2026-02-30). */
export function parseDate(value: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysInMonth(date.year, date.month)) return undefined;
  return date;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toDayNumber(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;
}

function fromDayNumber(dayNumber: number): CalendarDate {
  const utc = new Date(dayNumber * DAY_MS);
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Same day `months` later, clamped to the month's last day (Nov 30 + 3 → Feb 28). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: CalendarDate): number {
  const day = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** `YYYY-MM` of a month. */
export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

export function parseMonth(value: string): { year: number; month: number } | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  return { year: Number(match[1]), month };
}

/** The instants a Shanghai month (or a run of months) starts and ends; the end is exclusive. */
export function monthSpan(from: string, to: string = from): { start: Date; end: Date } {
  const first = parseMonth(from);
  const last = parseMonth(to);
  if (!first || !last) throw new RangeError(`不是有效的月份：${from} – ${to}`);
  const start = shanghaiInstant({ ...first, day: 1 }, '00:00');
  const end = shanghaiInstant(addMonths({ ...last, day: 1 }, 1), '00:00');
  return { start, end };
}

/** Every `YYYY-MM` from `from` through `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const first = parseMonth(from);
  const last = parseMonth(to);
  if (!first || !last) return [];
  const months: string[] = [];
  for (let index = first.year * 12 + first.month - 1; index <= last.year * 12 + last.month - 1; index += 1) {
    months.push(formatMonth(Math.floor(index / 12), (index % 12) + 1));
  }
  return months;
}

/** `HH:MM` of an instant in Shanghai. */
export function formatShanghaiTime(instant: Date): string {
  const { hour, minute } = shanghaiParts(instant);
  return `${pad(hour)}:${pad(minute)}`;
}

/** `YYYY-MM-DD HH:MM` of an instant in Shanghai. */
export function formatShanghaiDateTime(instant: Date): string {
  return `${formatDate(shanghaiDate(instant))} ${formatShanghaiTime(instant)}`;
}

/** `YYYY-MM-DD HH:MM:SS` of an instant in Shanghai, for ledgers. */
export function formatShanghaiSeconds(instant: Date): string {
  return `${formatShanghaiDateTime(instant)}:${pad(shanghaiParts(instant).second)}`;
}

/** The calendar year in Asia/Shanghai of an instant. */
export function shanghaiYear(at: Date): number {
  return shanghaiParts(at).year;
}

/** The first instant of a Shanghai calendar year, and of the next one: `[start, end)`. */
export function shanghaiYearRange(year: number): { start: Date; end: Date } {
  return {
    start: shanghaiInstant({ year, month: 1, day: 1 }, '00:00'),
    end: shanghaiInstant({ year: year + 1, month: 1, day: 1 }, '00:00'),
  };
}
