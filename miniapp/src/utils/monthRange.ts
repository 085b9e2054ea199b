import { formatMonth, monthsBetween, parseMonth, shanghaiDate } from '@zhijian/shared';

export interface MonthRange {
  from: string;
  to: string;
}

/** This month in Shanghai, `YYYY-MM`. */
export function thisMonth(now: Date = new Date()): string {
  const today = shanghaiDate(now);
  return formatMonth(today.year, today.month);
}

/**
 * Where a month range opens: the last `span` months up to the newest month that has figures
 * (`months`, newest first, as the server lists them), so nobody lands on an all-zero current
 * month; this month alone when nothing has figures yet.
 */
export function rangeOfDataMonths(months: readonly string[], now: Date = new Date(), span = 3): MonthRange {
  const newest = months[0];
  if (!newest) return { from: thisMonth(now), to: thisMonth(now) };
  const { year, month } = parseMonth(newest)!;
  const back = year * 12 + (month - 1) - (span - 1);
  const from = formatMonth(Math.floor(back / 12), (back % 12) + 1);
  // Start no earlier than the oldest month with figures: the months before it would read as zeros.
  const oldest = months[months.length - 1]!;
  return { from: from < oldest ? oldest : from, to: newest };
}

/** What is wrong with a range before it is asked for, by field, in the server's words; none when it is fine. */
export function rangeProblems(range: MonthRange): Partial<Record<keyof MonthRange, string>> {
  if (!range.from) return { from: '请选择开始月份' };
  if (!range.to) return { to: '请选择结束月份' };
  if (range.from > range.to) return { to: '结束月份不能早于开始月份' };
  if (monthsBetween(range.from, range.to).length > 24) return { to: '一次最多查询 24 个月' };
  return {};
}
