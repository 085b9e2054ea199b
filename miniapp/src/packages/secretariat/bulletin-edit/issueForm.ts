import type { IssueDetail, IssueInput, IssueSummary } from '@zhijian/shared';
import { FieldProblems } from '../../../services/errors';

/** The metadata form as typed: every field is text until it is sent. */
export interface IssueFormValues {
  year: string;
  number: string;
  totalNumber: string;
  date: string;
  publisher: string;
  /** 报 / 发: one name per line (names themselves may contain 、, so lines, not commas). */
  report: string;
  send: string;
}

export type IssueFormErrors = Partial<Record<keyof IssueFormValues, string>>;

export const DEFAULT_PUBLISHER = '杭州市“两新”党务工作者协会';

export function emptyIssueForm(today: string): IssueFormValues {
  return { year: today.slice(0, 4), number: '', totalNumber: '', date: today, publisher: DEFAULT_PUBLISHER, report: '', send: '协会会员' };
}

/**
 * A new issue's form, filled with what comes next after the latest issues (published or drafts):
 * 期号 one after the newest of this year (1 in a new year), 总期号 one after the highest, and today.
 * Only suggestions: the secretariat may change any of them.
 */
export function nextIssueForm(latest: readonly Pick<IssueSummary, 'year' | 'number' | 'totalNumber'>[], today: string): IssueFormValues {
  const form = emptyIssueForm(today);
  const year = Number(today.slice(0, 4));
  const numbers = latest.filter((issue) => issue.year === year && issue.number !== null).map((issue) => issue.number!);
  const totals = latest.map((issue) => issue.totalNumber).filter((total): total is number => total !== null);
  return {
    ...form,
    number: String(numbers.length ? Math.max(...numbers) + 1 : 1),
    totalNumber: totals.length ? String(Math.max(...totals) + 1) : '',
  };
}

export function issueFormOf(issue: IssueDetail): IssueFormValues {
  return {
    year: issue.year === null ? '' : String(issue.year),
    number: issue.number === null ? '' : String(issue.number),
    totalNumber: issue.totalNumber === null ? '' : String(issue.totalNumber),
    date: issue.date ?? '',
    publisher: issue.publisher ?? '',
    report: issue.distribution.report.join('\n'),
    send: issue.distribution.send.join('\n'),
  };
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function whole(text: string, min: number, max: number, label: string, errors: IssueFormErrors, key: keyof IssueFormValues): number | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const value = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || value < min || value > max) {
    errors[key] = `${label}应为 ${min}–${max} 的整数`;
    return null;
  }
  return value;
}

/** Title-page lines are not edited here: an imported issue keeps its own. */
export type IssueMetadata = Omit<IssueInput, 'titleLines'>;

/** The request body for create / update, or the errors to show next to the fields. */
export function issueInputOf(values: IssueFormValues): { input: IssueMetadata | null; errors: IssueFormErrors } {
  const errors: IssueFormErrors = {};
  const year = whole(values.year, 1990, 2100, '年份', errors, 'year');
  const number = whole(values.number, 1, 100, '期号', errors, 'number');
  const totalNumber = whole(values.totalNumber, 1, 100_000, '总期号', errors, 'totalNumber');
  const date = values.date.trim();
  if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) errors.date = '日期格式为 2026-01-15';
  if (year === null && number === null && totalNumber === null && !errors.year && !errors.number && !errors.totalNumber) {
    errors.number = '请填写期号（年份 + 期），或总期号';
  } else if ((year === null) !== (number === null) && totalNumber === null && !errors.year && !errors.number) {
    errors[year === null ? 'year' : 'number'] = '年份和期号要一起填写（或填写总期号）';
  }
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: {
      year,
      number,
      totalNumber,
      date: date || null,
      publisher: values.publisher.trim() || null,
      distribution: { report: lines(values.report), send: lines(values.send) },
    },
    errors,
  };
}

/** The request body for create / update; `FieldProblems` with what to show next to the fields. */
export function checkedIssue(values: IssueFormValues): IssueMetadata {
  const { input, errors } = issueInputOf(values);
  if (!input) throw new FieldProblems(errors);
  return input;
}
