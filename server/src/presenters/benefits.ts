import { BENEFIT_MEASURE_LABELS, type Benefit } from '@zhijian/shared';
import type { BenefitRow } from '../queries/benefits';

export function presentBenefit(row: BenefitRow): Benefit {
  return {
    id: row.id,
    unitId: row.unitId,
    name: row.name,
    description: row.description,
    measure: row.measure,
    measureLabel: BENEFIT_MEASURE_LABELS[row.measure],
    threshold: row.threshold,
  };
}
