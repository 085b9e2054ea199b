import { assessInfoOfficer, assessMember, assessUnit, AwardRules, DEFAULT_AWARD_RULES } from '@zhijian/shared';
import { describe, expect, it } from 'vitest';

const rules = DEFAULT_AWARD_RULES;

describe('优秀信息员', () => {
  it('scores 1 per item reported, 5 per adopted and 10 per lead article, each item at its highest', () => {
    // 8 reported, 6 of them adopted, 2 of those as lead: 8 + 4 × 5 + 2 × 10.
    const result = assessInfoOfficer({ reported: 8, adopted: 6, lead: 2, falseItems: 0 }, rules.infoOfficer);
    expect(result.score).toBe(48);
    expect(result.eligible).toBe(true);
    expect(result.lines.map((line) => [line.label, line.value, line.points])).toEqual([
      ['报送', '8 条', 8],
      ['采用', '4 条', 20],
      ['头条采用', '2 条', 20],
      ['采用合计', '6 条', null],
      ['虚假信息', '0 条', 0],
    ]);
  });

  it('needs at least 6 adopted', () => {
    const result = assessInfoOfficer({ reported: 20, adopted: 5, lead: 5, falseItems: 0 }, rules.infoOfficer);
    expect(result.eligible).toBe(false);
    expect(result.lines.find((line) => line.label === '采用合计')).toMatchObject({ met: false, rule: '至少 6 条' });
  });

  it('takes 30 per false item and rules the officer out', () => {
    const result = assessInfoOfficer({ reported: 10, adopted: 8, lead: 0, falseItems: 1 }, rules.infoOfficer);
    expect(result.score).toBe(10 + 40 - 30);
    expect(result.eligible).toBe(false);
  });

  it('follows edited rules', () => {
    const edited = { ...rules.infoOfficer, minAdopted: 2, perAdopted: 3 };
    const result = assessInfoOfficer({ reported: 2, adopted: 2, lead: 0, falseItems: 0 }, edited);
    expect(result).toMatchObject({ score: 8, eligible: true });
  });
});

describe('优秀会员', () => {
  const good = { index: 92.5, integrity: 85, sanctioned: false, appraisal: 'excellent' as const };
  it('admits a member meeting every line; the score is the index', () => {
    expect(assessMember(good, rules.member)).toMatchObject({ score: 92.5, eligible: true });
  });
  it.each([
    ['先锋指数', { index: 89.9 }],
    ['诚信积分', { integrity: 79 }],
    ['纪律处分', { sanctioned: true }],
    ['民主评议', { appraisal: 'qualified' as const }],
    ['民主评议', { appraisal: null }],
  ])('refuses on %s', (label, change) => {
    const result = assessMember({ ...good, ...change }, rules.member);
    expect(result.eligible).toBe(false);
    expect(result.lines.filter((line) => !line.met).map((line) => line.label)).toEqual([label]);
  });
  it('drops the 民主评议 line when the rules say so', () => {
    expect(assessMember({ ...good, appraisal: null }, { ...rules.member, requireExcellentAppraisal: false }).eligible).toBe(true);
  });
});

describe('先进集体', () => {
  const figures = {
    memberCount: 10,
    attendance: { expected: 20, attended: 18 },
    contest: [
      { call: '小创意', tier: '一等奖', place: 0 },
      { call: '小创意', tier: '三等奖', place: 2 },
    ],
    news: { reported: 10, adopted: 4 },
    volunteer: { activities: 6, wishes: 2 },
    letters: { total: 4, onTime: 3 },
  };
  it('weights the five parts and shows each weight', () => {
    const result = assessUnit(figures, rules.unit);
    // 90% × 30 + 65 × 20% + 40% × 20 + 80% × 15 + 75% × 15
    expect(result.lines.map((line) => line.points)).toEqual([27, 13, 8, 12, 11.3]);
    expect(result.score).toBe(71.3);
    expect(result.lines[0]).toMatchObject({ value: '90%', rule: '出勤率 × 30%' });
    expect(result.eligible).toBe(true);
  });
  it('caps the contest part at 100 and counts a unit without letters as answering all on time', () => {
    const result = assessUnit(
      { ...figures, contest: Array.from({ length: 5 }, () => ({ call: 'x', tier: '一等奖', place: 0 })), letters: { total: 0, onTime: 0 } },
      rules.unit,
    );
    expect(result.lines[1]!.points).toBe(20);
    expect(result.lines[4]).toMatchObject({ value: '无来信', points: 15 });
  });
});

describe('the rules schema', () => {
  it('accepts the defaults and refuses a negative weight', () => {
    expect(AwardRules.safeParse(DEFAULT_AWARD_RULES).success).toBe(true);
    const bad = {
      ...DEFAULT_AWARD_RULES,
      unit: { ...DEFAULT_AWARD_RULES.unit, weights: { ...DEFAULT_AWARD_RULES.unit.weights, news: -1 } },
    };
    expect(AwardRules.safeParse(bad).success).toBe(false);
  });
});
