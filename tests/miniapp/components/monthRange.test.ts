import { describe, expect, it } from 'vitest';
import { rangeOfDataMonths, rangeProblems, thisMonth } from '../../../miniapp/src/utils/monthRange';

const now = new Date('2026-12-01T18:00:00Z'); // 2026-12-02 02:00 in Shanghai

describe('rangeOfDataMonths', () => {
  it('opens on the last three months up to the newest one with figures', () => {
    expect(rangeOfDataMonths(['2026-10', '2026-09', '2026-08', '2026-05'], now)).toEqual({ from: '2026-08', to: '2026-10' });
    expect(rangeOfDataMonths(['2026-02', '2025-12', '2025-06'], now)).toEqual({ from: '2025-12', to: '2026-02' });
  });

  it('starts no earlier than the oldest month with figures', () => {
    expect(rangeOfDataMonths(['2026-10'], now)).toEqual({ from: '2026-10', to: '2026-10' });
    expect(rangeOfDataMonths(['2026-10', '2026-09'], now)).toEqual({ from: '2026-09', to: '2026-10' });
  });

  it('opens on this month in Shanghai when nothing has figures', () => {
    expect(thisMonth(now)).toBe('2026-12');
    expect(rangeOfDataMonths([], now)).toEqual({ from: '2026-12', to: '2026-12' });
  });
});

describe('rangeProblems', () => {
  it('names the field at fault in Chinese', () => {
    expect(rangeProblems({ from: '2026-10', to: '2026-09' })).toEqual({ to: '结束月份不能早于开始月份' });
    expect(rangeProblems({ from: '', to: '2026-09' })).toEqual({ from: '请选择开始月份' });
    expect(rangeProblems({ from: '2024-01', to: '2026-09' })).toEqual({ to: '一次最多查询 24 个月' });
    expect(rangeProblems({ from: '2026-01', to: '2026-09' })).toEqual({});
  });
});
