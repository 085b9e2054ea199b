import { addWorkingDays, isLetterOverdue, isWorkingDay, letterDueOn, workingDaysBetween } from '@zhijian/shared';
import { describe, expect, it } from 'vitest';

describe('working days (State Council calendar via chinese-days)', () => {
  it('knows 2026’s 国庆 holidays and its 调休 working weekend days', () => {
    expect(isWorkingDay('2026-10-01')).toBe(false);
    expect(isWorkingDay('2026-10-07')).toBe(false);
    expect(isWorkingDay('2026-10-08')).toBe(true);
    // 调休: Saturday 10 October and Sunday 20 September are working days.
    expect(isWorkingDay('2026-10-10')).toBe(true);
    expect(isWorkingDay('2026-09-20')).toBe(true);
    expect(isWorkingDay('2026-10-11')).toBe(false);
  });

  it('adds working days over the holiday, not counting the start day', () => {
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 2)).toBe('2026-10-09');
    expect(addWorkingDays('2026-10-09', 1)).toBe('2026-10-10');
    expect(addWorkingDays('2026-10-09', 10)).toBe('2026-10-22');
    expect(workingDaysBetween('2026-09-30', '2026-10-12')).toBe(4);
    expect(workingDaysBetween('2026-10-12', '2026-10-12')).toBe(0);
  });

  it('refuses what is not a day', () => {
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow();
  });
});

describe('letter deadlines', () => {
  it('waits on acceptance, then on the reply, and nothing once replied', () => {
    const base = { acceptDueOn: '2026-10-09', replyDueOn: '2026-10-22' };
    expect(letterDueOn({ ...base, status: 'pending' })).toBe('2026-10-09');
    expect(letterDueOn({ ...base, status: 'reopened' })).toBe('2026-10-22');
    expect(letterDueOn({ ...base, status: 'replied' })).toBeNull();
    expect(isLetterOverdue({ ...base, status: 'pending' }, '2026-10-09')).toBe(false);
    expect(isLetterOverdue({ ...base, status: 'pending' }, '2026-10-10')).toBe(true);
    expect(isLetterOverdue({ ...base, status: 'rated' }, '2027-01-01')).toBe(false);
  });
});
