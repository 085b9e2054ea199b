import { computePioneerIndex, type IndexBreakdown, type RecordSettings } from '@zhijian/shared';
import { asc, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { appraisals, benefits, branches, units } from '../db/schema';
import { memberHonours } from './awards';
import type { BenefitRow } from './benefits';
import { loadMemberDues, type DuesPaymentRow, type DuesStart } from './dues';
import type { MemberRow } from './members';
import {
  countReads,
  findIndexYear,
  indexInputsOf,
  loadMemberFigures,
  loadSnapshots,
  settingsForYear,
  type MemberFigures,
} from './pioneerIndex';

export type AppraisalRow = typeof appraisals.$inferSelect;

/** What a member's card of a year is made of, as of an instant. */
export interface CardRows {
  year: number;
  asOf: Date;
  member: MemberRow;
  unit: { id: number; name: string } | null;
  branch: { id: number; name: string } | null;
  settings: RecordSettings;
  figures: MemberFigures;
  index: IndexBreakdown;
  indexFrozen: boolean;
  reads: number;
  dues: { payments: DuesPaymentRow[]; start: DuesStart };
  appraisals: AppraisalRow[];
  benefits: BenefitRow[];
  honours: Array<{ year: number; title: string }>;
}

/**
 * A member's card of a year as of `asOf`: live (now) for the member, the end of last month for
 * others. The index is the closed year's snapshot when there is one.
 */
export async function loadCard(db: Queryable, member: MemberRow, year: number, asOf: Date): Promise<CardRows> {
  const [unit] =
    member.unitId === null ? [] : await db.select({ id: units.id, name: units.name }).from(units).where(eq(units.id, member.unitId));
  const [branch] =
    member.branchId === null
      ? []
      : await db.select({ id: branches.id, name: branches.name }).from(branches).where(eq(branches.id, member.branchId));
  const settings = await settingsForYear(db, year, asOf);
  const figures = (await loadMemberFigures(db, [member.id], year, asOf)).get(member.id)!;
  const snapshot = (await findIndexYear(db, year)) ? (await loadSnapshots(db, year, { memberIds: [member.id] }))[0] : undefined;
  return {
    year,
    asOf,
    member,
    unit: unit ?? null,
    branch: branch ?? null,
    settings,
    figures,
    index: snapshot?.breakdown ?? computePioneerIndex(indexInputsOf(figures), settings),
    indexFrozen: snapshot !== undefined,
    reads: await countReads(db, member.id, year, asOf),
    dues: await loadMemberDues(db, member, year),
    honours: await memberHonours(db, member.id),
    appraisals: await db.select().from(appraisals).where(eq(appraisals.memberId, member.id)).orderBy(desc(appraisals.year)),
    benefits:
      member.unitId === null ? [] : await db.select().from(benefits).where(eq(benefits.unitId, member.unitId)).orderBy(asc(benefits.id)),
  };
}
