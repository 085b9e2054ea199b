import { z } from 'zod';
import { parseClockTime, parseDate, parseMonth } from '../domain/shanghaiTime';

/** `YYYY-MM-DD`, a Shanghai calendar day. */
export const CalendarDay = z.string().refine((value) => parseDate(value) !== undefined, '日期格式应为 YYYY-MM-DD');

/** `YYYY-MM`, a month. */
export const CalendarMonth = z.string().refine((value) => parseMonth(value) !== undefined, '月份格式应为 YYYY-MM');

/** `HH:MM`, 24-hour, Shanghai wall clock. */
export const ClockTime = z.string().refine((value) => parseClockTime(value) !== undefined, '时间格式应为 HH:MM（24 小时制）');

/** An instant with its offset, e.g. `2026-12-31T18:00:00+08:00`. */
export const Instant = z.iso.datetime({ offset: true, message: '时间格式应为 ISO 8601（含时区），如 2026-12-31T18:00:00+08:00' });

/**
 * A required field a person fills from a picker: left empty, it says which one is missing
 * (「请选择发生日期」) instead of describing a format nobody typed; a value in the wrong form still
 * gets the format's words. `pipe` stops at the first part, so an empty value gets the one message.
 */
function picked(label: string, format: z.ZodType<string, string>) {
  return z.string().min(1, `请选择${label}`).pipe(format).meta({ label });
}

export const pickedDay = (label: string) => picked(label, CalendarDay);
export const pickedMonth = (label: string) => picked(label, CalendarMonth);
export const pickedTime = (label: string) => picked(label, ClockTime);
export const pickedInstant = (label: string) => picked(label, Instant);
