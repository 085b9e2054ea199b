import {
  categoryCaps,
  APPRAISAL_TIER_LABELS,
  BENEFIT_MEASURE_LABELS,
  MEMBER_KIND_LABELS,
  POINT_CATEGORIES,
  POINT_CATEGORY_LABELS,
  type BenefitMeasure,
  type MemberCard,
} from '@zhijian/shared';
import type { CardRows } from '../queries/cards';
import { presentMyDues } from './dues';

/**
 * 党员卡: the year's points per category against their caps (诚信 = base + the year's integrity
 * rows), the index, attendance, reads, dues, bonuses and deductions, 民主评议 by year, and the
 * unit's benefits with whether the member has unlocked each. Dues are the dues sheet's, by `now`.
 */
export function presentCard(rows: CardRows, now: Date): MemberCard {
  const { member, figures, settings, index } = rows;
  const integrity = settings.points.integrity.base + figures.points.integrity;
  const points = POINT_CATEGORIES.map((category) => ({
    category,
    label: POINT_CATEGORY_LABELS[category],
    points: category === 'integrity' ? integrity : figures.points[category],
    today: figures.today[category],
    ...categoryCaps(settings, category),
  }));
  const current = (measure: BenefitMeasure) =>
    measure === 'index' ? index.value : (points.find((line) => line.category === measure)?.points ?? 0);
  const dues = presentMyDues(member, rows.dues, rows.year, now);
  return {
    year: rows.year,
    member: {
      id: member.id,
      name: member.name,
      kind: member.kind,
      kindLabel: MEMBER_KIND_LABELS[member.kind],
      joinedPartyOn: member.joinedPartyOn,
      unit: rows.unit,
      branch: rows.branch,
    },
    points,
    integrityFlagged: integrity < settings.points.integrity.flagBelow,
    index,
    indexFrozen: rows.indexFrozen,
    attendance: { expected: figures.expected, attended: figures.attended, leave: figures.leave },
    reads: { articles: rows.reads, studyPoints: figures.points.study },
    dues: { months: dues.months, monthsBehind: dues.monthsBehind },
    bonuses: { approved: figures.bonusesApproved, pending: figures.bonusesPending, points: figures.approvedBonus },
    deductions: { effective: figures.deductionsEffective, inAppeal: figures.deductionsInAppeal, points: figures.deductionPoints },
    // Written by publishing a year's awards (年度评优).
    honours: rows.honours.map(({ year, title }) => ({ year, title })),
    appraisals: rows.appraisals.map((row) => ({
      year: row.year,
      tier: row.tier,
      tierLabel: APPRAISAL_TIER_LABELS[row.tier],
      meetingOn: row.meetingOn,
    })),
    benefits: rows.benefits.map((benefit) => {
      const value = current(benefit.measure);
      return {
        id: benefit.id,
        unitId: benefit.unitId,
        name: benefit.name,
        description: benefit.description,
        measure: benefit.measure,
        measureLabel: BENEFIT_MEASURE_LABELS[benefit.measure],
        threshold: benefit.threshold,
        unlocked: value >= benefit.threshold,
        current: value,
      };
    }),
  };
}
