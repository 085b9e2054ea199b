import { restoreZone } from './setLosAngelesZone';
import {
  addMonths,
  formatShanghaiDateTime,
  monthSpan,
  parseDate,
  shanghaiInstant,
  shanghaiParts,
  upcomingOccurrences,
  weekdayOf,
} from '@zhijian/shared';
import { afterAll, describe, expect, it } from 'vitest';

afterAll(restoreZone);

/**
 * The server may run anywhere; activity times are Asia/Shanghai all the same. This file runs
 * with the process in America/Los_Angeles (which has daylight saving) and proves it does.
 */
describe('Shanghai calendar arithmetic with the process in Los Angeles', () => {
  it('really runs in another zone', () => {
    // Local midnight of 2026-01-01 in LA is 08:00 UTC (PST, UTC−8); in July PDT is UTC−7.
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(480);
    expect(new Date(2026, 6, 1).getTimezoneOffset()).toBe(420);
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('America/Los_Angeles');
  });

  it('places 14:00 Shanghai at 06:00 UTC in winter and summer alike', () => {
    expect(shanghaiInstant({ year: 2026, month: 1, day: 15 }, '14:00').toISOString()).toBe('2026-01-15T06:00:00.000Z');
    expect(shanghaiInstant({ year: 2026, month: 7, day: 15 }, '14:00').toISOString()).toBe('2026-07-15T06:00:00.000Z');
  });

  it('generates the same occurrences across LA’s daylight-saving change', () => {
    // LA springs forward on 2027-03-14; Shanghai does not.
    const now = new Date('2027-02-20T12:00:00+08:00');
    const result = upcomingOccurrences(
      { recurrence: { cadence: 'monthly', dayOfMonth: 15 }, startTime: '14:00', durationMinutes: 60 },
      now,
    );
    expect(result.map((o) => o.startsAt.toISOString())).toEqual([
      '2027-03-15T06:00:00.000Z',
      '2027-04-15T06:00:00.000Z',
      '2027-05-15T06:00:00.000Z',
    ]);
    expect(result.map((o) => formatShanghaiDateTime(o.startsAt))).toEqual(['2027-03-15 14:00', '2027-04-15 14:00', '2027-05-15 14:00']);
  });

  it('reads the Shanghai day and weekday, not the local ones', () => {
    // Wednesday 2026-11-25 01:00 in Shanghai is still Tuesday the 24th in Los Angeles.
    const instant = new Date('2026-11-24T17:00:00Z');
    expect(instant.getDate()).toBe(24);
    expect(shanghaiParts(instant)).toMatchObject({ year: 2026, month: 11, day: 25, hour: 1, weekday: 3 });
    expect(weekdayOf({ year: 2026, month: 11, day: 25 })).toBe(3);
  });

  it('bounds Shanghai months and parses dates without the local zone', () => {
    const span = monthSpan('2026-12', '2027-01');
    expect(span.start.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(span.end.toISOString()).toBe('2027-01-31T16:00:00.000Z');
    expect(parseDate('2027-02-29')).toBeUndefined();
    expect(addMonths({ year: 2027, month: 1, day: 31 }, 1)).toEqual({ year: 2027, month: 2, day: 28 });
  });
});
