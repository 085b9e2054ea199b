import { describe, expect, it } from 'vitest';
import { parseShanghaiInput } from '../../../miniapp/src/utils/format';

describe('parseShanghaiInput', () => {
  it('reads a Shanghai date and time, with or without leading zeros, as an instant at +08:00', () => {
    expect(parseShanghaiInput('2026-12-31 18:00')).toBe('2026-12-31T18:00:00+08:00');
    expect(parseShanghaiInput(' 2026-1-5 9:05 ')).toBe('2026-01-05T09:05:00+08:00');
  });

  it('takes a bare date as midnight', () => {
    expect(parseShanghaiInput('2026-03-01')).toBe('2026-03-01T00:00:00+08:00');
  });

  it('refuses days and times that do not exist, and anything else', () => {
    for (const text of ['2026-02-30', '2026-13-01 10:00', '2026-01-01 24:00', '2026-01-01 10:60', '2026/01/01', '明天', '']) {
      expect(parseShanghaiInput(text), text).toBeNull();
    }
  });
});
