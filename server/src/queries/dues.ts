import { and, asc, eq, inArray, lte, min } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { duesPayments } from '../db/schema';
import { rosterLines, type RosterLine } from './recordMembers';

export type DuesPaymentRow = typeof duesPayments.$inferSelect;

/** When a unit began keeping its dues here: its earliest month recorded, and when its first record was written. */
export interface DuesStart {
  firstMonth: string | null;
  firstRecordedAt: Date | null;
}

export async function duesStartOf(db: Queryable, unitId: number): Promise<DuesStart> {
  const [row] = await db
    .select({ firstMonth: min(duesPayments.month), firstRecordedAt: min(duesPayments.recordedAt) })
    .from(duesPayments)
    .where(eq(duesPayments.unitId, unitId));
  return { firstMonth: row?.firstMonth ?? null, firstRecordedAt: row?.firstRecordedAt ? new Date(row.firstRecordedAt) : null };
}

/** Months paid by these members up to December of `year` (earlier years count for arrears running into it). */
async function paymentsUpTo(db: Queryable, memberIds: number[], year: number): Promise<DuesPaymentRow[]> {
  if (memberIds.length === 0) return [];
  return db
    .select()
    .from(duesPayments)
    .where(and(inArray(duesPayments.memberId, memberIds), lte(duesPayments.month, `${year}-12`)))
    .orderBy(asc(duesPayments.month));
}

/** What a unit's dues sheet of a year is made of. */
export interface DuesSheetRows {
  year: number;
  roster: RosterLine[];
  payments: DuesPaymentRow[];
  start: DuesStart;
}

export async function loadDuesSheet(db: Queryable, unitId: number, year: number, memberId?: number): Promise<DuesSheetRows> {
  const lines = await rosterLines(db, unitId);
  const roster = memberId === undefined ? lines : lines.filter((line) => line.id === memberId);
  return {
    year,
    roster,
    payments: await paymentsUpTo(
      db,
      roster.map((line) => line.id),
      year,
    ),
    start: await duesStartOf(db, unitId),
  };
}

/** A member's own dues: their payments and their unit's start (none without a unit). */
export async function loadMemberDues(
  db: Queryable,
  member: { id: number; unitId: number | null; joinedPartyOn: string | null; createdAt: Date },
  year: number,
): Promise<{ payments: DuesPaymentRow[]; start: DuesStart }> {
  return {
    payments: await paymentsUpTo(db, [member.id], year),
    start: member.unitId === null ? { firstMonth: null, firstRecordedAt: null } : await duesStartOf(db, member.unitId),
  };
}

export async function findDuesPayment(db: Queryable, memberId: number, month: string): Promise<DuesPaymentRow | undefined> {
  const [row] = await db
    .select()
    .from(duesPayments)
    .where(and(eq(duesPayments.memberId, memberId), eq(duesPayments.month, month)));
  return row;
}
