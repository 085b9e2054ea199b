import type { NewsCounts } from '@zhijian/shared';
import type { NewsCountRows } from '../queries/news';

/** The year's counts per unit and per information officer (drivers may answer counts as text). */
export function presentNewsCounts({ year, units, officers }: NewsCountRows): NewsCounts {
  const asNumbers = <T extends { reported: number; adopted: number }>(row: T): T => ({
    ...row,
    reported: Number(row.reported),
    adopted: Number(row.adopted),
  });
  return { year, units: units.map(asNumbers), officers: officers.map(asNumbers) };
}
