import {
  ACTIVITY_DAYS,
  activityDayProblem,
  isActivityDay,
  recurrenceDates,
  upcomingOccurrences,
  type OccurrenceRule,
} from '@zhijian/shared';
import { describe, expect, it } from 'vitest';

const monthly = (dayOfMonth: 5 | 15 | 25, startTime = '14:00'): OccurrenceRule => ({
  recurrence: { cadence: 'monthly', dayOfMonth },
  startTime,
  durationMinutes: 120,
});

describe('the 5/15/25 rule', () => {
  it('accepts exactly the 5th, 15th and 25th', () => {
    expect(ACTIVITY_DAYS).toEqual([5, 15, 25]);
    for (let day = 1; day <= 31; day += 1) {
      expect(isActivityDay(day)).toBe([5, 15, 25].includes(day));
    }
  });

  it('refuses other days with a Chinese reason naming the day', () => {
    expect(activityDayProblem(15)).toBeNull();
    expect(activityDayProblem(20)).toBe('固定活动日只能定在每月 5 日、15 日或 25 日，不能定在 20 日');
    expect(activityDayProblem(31)).toContain('31 日');
  });
});

describe('generating occurrences', () => {
  it('yields three monthly occurrences from today, in Shanghai time', () => {
    const now = new Date('2026-11-20T09:00:00+08:00');
    const result = upcomingOccurrences(monthly(25), now);
    expect(result.map((o) => o.date)).toEqual(['2026-11-25', '2026-12-25', '2027-01-25']);
    expect(result[0]!.startsAt.toISOString()).toBe('2026-11-25T06:00:00.000Z');
    expect(result[0]!.endsAt.toISOString()).toBe('2026-11-25T08:00:00.000Z');
  });

  it('crosses the year end and skips the day already passed', () => {
    const now = new Date('2026-12-16T10:00:00+08:00');
    expect(upcomingOccurrences(monthly(15), now).map((o) => o.date)).toEqual(['2027-01-15', '2027-02-15', '2027-03-15']);
  });

  it('keeps today’s occurrence until it starts, then drops it', () => {
    const rule = monthly(5, '09:30');
    expect(upcomingOccurrences(rule, new Date('2027-03-05T09:29:59+08:00')).map((o) => o.date)[0]).toBe('2027-03-05');
    expect(upcomingOccurrences(rule, new Date('2027-03-05T09:30:00+08:00')).map((o) => o.date)[0]).toBe('2027-04-05');
  });

  it('uses the Shanghai day, not the UTC day, near midnight', () => {
    // 2026-01-04 17:00 UTC is already 2026-01-05 01:00 in Shanghai: the 5th is today there.
    const now = new Date('2026-01-04T17:00:00Z');
    expect(upcomingOccurrences(monthly(5, '19:00'), now)[0]!.date).toBe('2026-01-05');
  });

  it('ends the horizon at the same day three months later, clamped at month ends', () => {
    // Nov 30 + 3 months = Feb 28 (exclusive): Feb 25 is in, Mar 5 is not.
    const now = new Date('2026-11-30T08:00:00+08:00');
    expect(upcomingOccurrences(monthly(5), now).map((o) => o.date)).toEqual(['2026-12-05', '2027-01-05', '2027-02-05']);
    expect(upcomingOccurrences(monthly(25), now).map((o) => o.date)).toEqual(['2026-12-25', '2027-01-25', '2027-02-25']);
  });

  it('generates weekly Wednesday meetings across the month and year end', () => {
    const dates = recurrenceDates({ cadence: 'weekly', weekday: 3 }, { year: 2026, month: 12, day: 24 }, { year: 2027, month: 1, day: 15 });
    expect(dates.map((d) => `${d.month}-${d.day}`)).toEqual(['12-30', '1-6', '1-13']);
  });

  it('counts about thirteen weekly meetings in three months', () => {
    const now = new Date('2026-11-20T09:00:00+08:00'); // a Friday
    const result = upcomingOccurrences({ recurrence: { cadence: 'weekly', weekday: 3 }, startTime: '19:00', durationMinutes: 90 }, now);
    expect(result[0]!.date).toBe('2026-11-25');
    expect(result.at(-1)!.date).toBe('2027-02-17');
    expect(result).toHaveLength(13);
  });

  it('refuses a malformed start time', () => {
    expect(() => upcomingOccurrences(monthly(5, '25:00'), new Date())).toThrow('不是有效的时间');
  });
});
