import type { DryRunDocument } from '@zhijian/shared';
import type { ImportOverrides } from '../../../services/bulletinDesk';

/** The header fields the secretariat may fill in when the file does not say them. */
export interface Overrides {
  year: string;
  number: string;
  total: string;
  date: string;
}

export const NO_OVERRIDES: Overrides = { year: '', number: '', total: '', date: '' };

export function overridesFrom(document: DryRunDocument): Overrides {
  const { year, number, totalNumber, date } = document.issue;
  return { year: year?.toString() ?? '', number: number?.toString() ?? '', total: totalNumber?.toString() ?? '', date: date ?? '' };
}

/** The import endpoint's query: only fields that are filled in (the server checks the ranges). */
export function overrideQuery(overrides: Overrides): ImportOverrides {
  const query: ImportOverrides = {};
  for (const key of ['year', 'number', 'total'] as const) {
    const text = overrides[key].trim();
    if (/^\d+$/.test(text)) query[key] = Number(text);
  }
  const date = overrides.date.trim();
  if (date) query.date = date;
  return query;
}

export function sameOverrides(a: Overrides, b: Overrides): boolean {
  return a.year === b.year && a.number === b.number && a.total === b.total && a.date === b.date;
}
