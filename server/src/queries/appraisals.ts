import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { appraisals } from '../db/schema';
import { rosterLines, type RosterLine } from './recordMembers';

export type AppraisalRow = typeof appraisals.$inferSelect;

/** A unit's 民主评议 of a year: its roster now, and the tiers recorded for the year by member. */
export interface AppraisalSheetRows {
  year: number;
  roster: RosterLine[];
  byMember: Map<number, AppraisalRow>;
}

export async function loadAppraisalSheet(db: Queryable, unitId: number, year: number): Promise<AppraisalSheetRows> {
  const roster = await rosterLines(db, unitId);
  const ids = roster.map((line) => line.id);
  const rows = ids.length
    ? await db
        .select()
        .from(appraisals)
        .where(and(eq(appraisals.year, year), inArray(appraisals.memberId, ids)))
    : [];
  return { year, roster, byMember: new Map(rows.map((row) => [row.memberId, row])) };
}

/** The tiers already recorded for these members and year (what a correction replaces). */
export async function appraisalsOf(db: Queryable, year: number, memberIds: number[]): Promise<AppraisalRow[]> {
  if (memberIds.length === 0) return [];
  return db
    .select()
    .from(appraisals)
    .where(and(eq(appraisals.year, year), inArray(appraisals.memberId, memberIds)));
}
