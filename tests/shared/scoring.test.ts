import {
  agreement,
  callPhase,
  DEFAULT_RUBRIC,
  DEFAULT_TIERS,
  rankByMean,
  registrationNumber,
  scoreProblems,
  shanghaiYear,
  suggestTier,
  weightedScore,
} from '@zhijian/shared';
import { describe, expect, it } from 'vitest';

describe('weighted scores', () => {
  it('put the default rubric on a 100-point scale', () => {
    expect(weightedScore(DEFAULT_RUBRIC, { innovation: 25, effectiveness: 25, durability: 25, replicability: 25 })).toBe(100);
    expect(weightedScore(DEFAULT_RUBRIC, { innovation: 20, effectiveness: 15, durability: 10, replicability: 5 })).toBe(50);
  });

  it('weigh each criterion by its share of its maximum', () => {
    const rubric = [
      { key: 'a', name: '甲', weight: 3, max: 10 },
      { key: 'b', name: '乙', weight: 1, max: 50 },
    ];
    // (3 × 10/10 + 1 × 0/50) / 4 = 75 %
    expect(weightedScore(rubric, { a: 10, b: 0 })).toBe(75);
  });

  it("find scores outside a criterion's range, unknown criteria and missing ones", () => {
    expect(scoreProblems(DEFAULT_RUBRIC, { innovation: 25.5 }, false).map((p) => p.key)).toEqual(['innovation']);
    expect(scoreProblems(DEFAULT_RUBRIC, { innovation: -0.1 }, false)).toHaveLength(1);
    expect(scoreProblems(DEFAULT_RUBRIC, { other: 1 }, false)[0]).toMatchObject({ key: 'other' });
    expect(scoreProblems(DEFAULT_RUBRIC, { innovation: 25 }, true).map((p) => p.key)).toEqual([
      'effectiveness',
      'durability',
      'replicability',
    ]);
    expect(scoreProblems(DEFAULT_RUBRIC, { innovation: 0, effectiveness: 12.5, durability: 25, replicability: 1 }, true)).toEqual([]);
  });
});

describe('agreement and ranking', () => {
  it('flag a spread above 20 points', () => {
    expect(agreement([90, 70])).toEqual({ mean: 80, spread: 20, disagreement: false });
    expect(agreement([90, 69.9])).toMatchObject({ spread: 20.1, disagreement: true });
    expect(agreement([])).toEqual({ mean: null, spread: null, disagreement: false });
  });

  it('rank ties together and unreviewed entries last', () => {
    const ranked = rankByMean([
      { id: 1, mean: 70 },
      { id: 2, mean: null },
      { id: 3, mean: 90 },
      { id: 4, mean: 70 },
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      [3, 1],
      [1, 2],
      [4, 2],
      [2, null],
    ]);
  });

  it('suggest tiers by cumulative share of the ranking', () => {
    const tiersFor = (n: number) => Array.from({ length: n }, (_, i) => suggestTier(DEFAULT_TIERS, i + 1, n));
    expect(tiersFor(10)).toEqual(['一等奖', '二等奖', '二等奖', '三等奖', '三等奖', '三等奖', '优秀奖', '优秀奖', '未获奖', '未获奖']);
    expect(suggestTier(DEFAULT_TIERS, null, 10)).toBeNull();
  });
});

describe('numbers and time', () => {
  it('formats registration numbers like 2026-AL-017', () => {
    expect(registrationNumber(2026, 'AL', 17)).toBe('2026-AL-017');
    expect(registrationNumber(2026, 'KT', 1234)).toBe('2026-KT-1234');
  });

  it('takes the year in Asia/Shanghai', () => {
    expect(shanghaiYear(new Date('2025-12-31T16:30:00Z'))).toBe(2026);
    expect(shanghaiYear(new Date('2025-12-31T15:59:59Z'))).toBe(2025);
  });

  it('tells where a call is in time', () => {
    const call = { opensAt: '2026-03-01T00:00:00+08:00', closesAt: '2026-04-01T00:00:00+08:00' };
    expect(callPhase(call, new Date('2026-02-28T23:59:59+08:00'))).toBe('upcoming');
    expect(callPhase(call, new Date('2026-03-15T12:00:00+08:00'))).toBe('open');
    expect(callPhase(call, new Date('2026-04-01T00:00:00+08:00'))).toBe('closed');
  });
});
