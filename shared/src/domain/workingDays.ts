// The default export: Node's ESM loader sees the package's CommonJS build, whose names it cannot list.
import chineseDays from 'chinese-days';
import { addDays, formatDate, parseDate } from './shanghaiTime';

/**
 * Working days (工作日) as the State Council's yearly notice sets them: weekends off unless they
 * are 调休 working days, and the statutory holidays off. The dates come from the `chinese-days`
 * package, which carries each published notice; a year it does not carry yet counts weekdays only
 * (see README, "Working days", for updating it each year).
 */
export function isWorkingDay(day: string): boolean {
  if (!parseDate(day)) throw new Error(`not a day: ${day}`);
  return chineseDays.isWorkday(day);
}

/** The `count`-th working day after `day` (`YYYY-MM-DD`, Asia/Shanghai); `day` itself does not count. */
export function addWorkingDays(day: string, count: number): string {
  let date = parseDate(day);
  if (!date) throw new Error(`not a day: ${day}`);
  let left = count;
  while (left > 0) {
    date = addDays(date, 1);
    if (chineseDays.isWorkday(formatDate(date))) left -= 1;
  }
  return formatDate(date);
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string): number {
  let date = parseDate(from);
  if (!date) throw new Error(`not a day: ${from}`);
  let count = 0;
  for (;;) {
    date = addDays(date, 1);
    const day = formatDate(date);
    if (day > to) return count;
    if (chineseDays.isWorkday(day)) count += 1;
  }
}
