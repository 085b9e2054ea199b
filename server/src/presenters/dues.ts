import { formatMonth, monthsBehind, shanghaiDate, type DuesSheet } from '@zhijian/shared';
import type { DuesPaymentRow, DuesSheetRows, DuesStart } from '../queries/dues';

type DuesRow = DuesSheet['rows'][number];
type DuesMonth = DuesRow['months'][number];

const monthOf = (instant: Date) => {
  const { year, month } = shanghaiDate(instant);
  return formatMonth(year, month);
};

/**
 * The month from which a member owes dues as far as this record knows — the latest of:
 * - the unit's earliest recorded month (before it, the unit kept no dues record here);
 * - the member's 入党日期, when the roster gives it;
 * - the month the member was added to the roster, if that was after the month the unit's first
 *   dues record was written (a roster entered before record-keeping began owes from the unit's
 *   first month; a member who joined later owes from joining).
 * Null when the unit has recorded no dues at all: nobody is behind on a record never kept.
 */
export function firstDueMonth(member: { joinedPartyOn: string | null; createdAt: Date }, start: DuesStart): string | null {
  if (start.firstMonth === null || start.firstRecordedAt === null) return null;
  const candidates = [start.firstMonth];
  if (member.joinedPartyOn) candidates.push(member.joinedPartyOn.slice(0, 7));
  const added = monthOf(member.createdAt);
  if (added > monthOf(start.firstRecordedAt)) candidates.push(added);
  return candidates.reduce((a, b) => (a > b ? a : b));
}

/** The last month due by `now`: the one before the current month (a month may be paid until it ends), at most December of `year`. */
export function lastDueMonth(year: number, now: Date): string {
  const { year: y, month: m } = shanghaiDate(now);
  const previous = m === 1 ? formatMonth(y - 1, 12) : formatMonth(y, m - 1);
  const december = formatMonth(year, 12);
  return previous < december ? previous : december;
}

/** Unpaid months in a row up to the last month due (`monthsBehind`), 0 where nothing is due yet. */
export function behindOf(
  member: { joinedPartyOn: string | null; createdAt: Date },
  payments: DuesPaymentRow[],
  start: DuesStart,
  year: number,
  now: Date,
): number {
  const first = firstDueMonth(member, start);
  if (first === null) return 0;
  return monthsBehind(new Set(payments.map((p) => p.month)), lastDueMonth(year, now), first);
}

export function presentDuesMonths(payments: DuesPaymentRow[], year: number): DuesMonth[] {
  const prefix = `${year}-`;
  return payments
    .filter((p) => p.month.startsWith(prefix))
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((p) => ({ month: p.month, amountCents: p.amountCents, paidOn: p.paidOn }));
}

/** The unit's dues of a year: each roster member's paid months and how many months they are behind at `now`. */
export function presentDuesSheet({ year, roster, payments, start }: DuesSheetRows, now: Date): DuesSheet {
  return {
    year,
    rows: roster.map((line) => {
      const own = payments.filter((p) => p.memberId === line.id);
      return {
        member: { id: line.id, name: line.name, branchName: line.branchName },
        months: presentDuesMonths(own, year),
        monthsBehind: behindOf(line, own, start, year, now),
      };
    }),
  };
}

export function presentMyDues(
  member: { joinedPartyOn: string | null; createdAt: Date },
  { payments, start }: { payments: DuesPaymentRow[]; start: DuesStart },
  year: number,
  now: Date,
) {
  return { year, months: presentDuesMonths(payments, year), monthsBehind: behindOf(member, payments, start, year, now) };
}
