import {
  computePioneerIndex,
  deductionPhase,
  formatDate,
  IndexBreakdown,
  POINT_CATEGORIES,
  shanghaiDate,
  shanghaiInstant,
  shanghaiYearRange,
  type DeductionStatus,
  type IndexInputs,
  type PointCategory,
  type RecordSettings,
} from '@zhijian/shared';
import { and, asc, count, eq, gte, inArray, isNotNull, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { selectRows } from '../db/client';
import {
  articleReads,
  bonusClaims,
  commitments,
  branches,
  deductions,
  indexSnapshots,
  indexYears,
  members,
  pointsLedger,
  sanctions,
} from '../db/schema';
import { listUnitsWithGroups, windowClosedBy } from './attendance';
import { rosterPairs } from './activityRosters';
import { rosterLines } from './recordMembers';
import { settingsAt } from './recordSettings';

/**
 * The 先锋指数 of members for a year as of an instant, and the figures it is computed from. Every
 * kind of record is read once for all the members asked about (a unit's list, the association's
 * distribution), never member by member. A record counts when it existed by the instant: a bonus
 * approved by then, a deduction effective by then (`deductionPhase`), ledger rows written by then.
 */

/** One member's year as of the instant: what the index and the card are made of. */
export interface MemberFigures {
  /** Activities expected at (window closed by the instant) less approved leave; attended of those; leave. */
  expected: number;
  attended: number;
  leave: number;
  approvedBonus: number;
  bonusesApproved: number;
  bonusesPending: number;
  /** The year's ledger points per category, and those of the instant's day (for daily caps). */
  points: Record<PointCategory, number>;
  today: Record<PointCategory, number>;
  deductionPoints: number;
  deductionsEffective: number;
  /** Not effective yet: in the appeal window or under appeal. */
  deductionsInAppeal: number;
  sanctioned: boolean;
  /** 明承诺 counted (decided, or due by the instant) and kept (confirmed by then). */
  commitmentsMade: number;
  commitmentsKept: number;
}

const zeroPoints = (): Record<PointCategory, number> =>
  Object.fromEntries(POINT_CATEGORIES.map((c) => [c, 0])) as Record<PointCategory, number>;

function emptyFigures(): MemberFigures {
  return {
    expected: 0,
    attended: 0,
    leave: 0,
    approvedBonus: 0,
    bonusesApproved: 0,
    bonusesPending: 0,
    points: zeroPoints(),
    today: zeroPoints(),
    deductionPoints: 0,
    deductionsEffective: 0,
    deductionsInAppeal: 0,
    sanctioned: false,
    commitmentsMade: 0,
    commitmentsKept: 0,
  };
}

export function indexInputsOf(figures: MemberFigures): IndexInputs {
  return {
    expected: figures.expected,
    attended: figures.attended,
    approvedBonus: figures.approvedBonus,
    studyPoints: figures.points.study,
    publicServicePoints: figures.points.public_service,
    deductions: figures.deductionPoints,
    sanctioned: figures.sanctioned,
    commitmentsMade: figures.commitmentsMade,
    commitmentsKept: figures.commitmentsKept,
  };
}

/**
 * The settings a year's figures are computed under: those in force at the instant, or at the
 * year's end for a year already over — a later version never rewrites a past year.
 */
export async function settingsForYear(db: Queryable, year: number, asOf: Date): Promise<RecordSettings> {
  const { end } = shanghaiYearRange(year);
  return settingsAt(db, asOf < end ? asOf : new Date(end.getTime() - 1));
}

const idList = (ids: number[]): SQL =>
  sql.join(
    ids.map((id) => sql`${id}::int`),
    sql`, `,
  );

/** What the deduction's stored state was at `asOf`: a decision or an appeal made later had not happened yet. */
function statusAt(row: { status: DeductionStatus; appealedAt: Date | null; decidedAt: Date | null }, asOf: Date): DeductionStatus {
  if (row.decidedAt && row.decidedAt <= asOf) return row.status;
  if (row.appealedAt && row.appealedAt <= asOf) return 'appealed';
  return 'recorded';
}

/** Attendance per member over the year's activities whose check-in window closed by `asOf` (the 出勤 figures' rules). */
async function attendanceByMember(db: Queryable, ids: number[], year: number, asOf: Date) {
  const { start, end } = shanghaiYearRange(year);
  const at = asOf.toISOString();
  return selectRows<{ memberId: number; rostered: number; attended: number; leave: number }>(
    db,
    sql`with acts as (
          select a.id, a.unit_id, a.branch_id, a.host_site_id
            from activities a left join checkin_settings s on s.unit_id = a.unit_id
           where a.starts_at >= ${start.toISOString()}::timestamptz and a.starts_at < ${end.toISOString()}::timestamptz
             and ${windowClosedBy(sql`a.starts_at`, sql`s.window_after_minutes`, asOf)}
             and (a.unit_id in (select unit_id from members where id in (${idList(ids)}) and unit_id is not null)
                  or a.host_site_id in (select host_site_id from host_site_members where member_id in (${idList(ids)})))
        ),
        roster as (${rosterPairs(sql`acts`)})
        select r.member_id as "memberId",
               count(*)::int as rostered,
               (count(*) filter (where at.id is not null))::int as attended,
               (count(*) filter (where at.id is null and lr.id is not null))::int as leave
          from roster r
          left join attendance at on at.activity_id = r.activity_id and at.member_id = r.member_id
                and at.checked_in_at <= ${at}::timestamptz
          left join attendance_requests lr on lr.activity_id = r.activity_id and lr.member_id = r.member_id
                and lr.kind = 'leave' and lr.status = 'approved' and lr.decided_at <= ${at}::timestamptz
         where r.member_id in (${idList(ids)})
         group by r.member_id`,
  );
}

/** The figures of these members for the year, as of `asOf`: one query per kind of record. */
export async function loadMemberFigures(db: Queryable, memberIds: number[], year: number, asOf: Date): Promise<Map<number, MemberFigures>> {
  const figures = new Map(memberIds.map((id) => [id, emptyFigures()]));
  if (memberIds.length === 0) return figures;
  const { start, end } = shanghaiYearRange(year);
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const dayStart = shanghaiInstant(shanghaiDate(asOf), '00:00');

  for (const row of await attendanceByMember(db, memberIds, year, asOf)) {
    const f = figures.get(row.memberId)!;
    f.expected = row.rostered - row.leave;
    f.attended = row.attended;
    f.leave = row.leave;
  }

  const claims = await db
    .select({
      memberId: bonusClaims.memberId,
      status: bonusClaims.status,
      points: bonusClaims.points,
      decidedAt: bonusClaims.decidedAt,
    })
    .from(bonusClaims)
    .where(
      and(
        inArray(bonusClaims.memberId, memberIds),
        gte(bonusClaims.occurredOn, first),
        lte(bonusClaims.occurredOn, last),
        lte(bonusClaims.createdAt, asOf),
      ),
    );
  for (const claim of claims) {
    const f = figures.get(claim.memberId)!;
    const decided = claim.decidedAt !== null && claim.decidedAt <= asOf;
    if (!decided) f.bonusesPending += 1;
    else if (claim.status === 'approved') {
      f.bonusesApproved += 1;
      f.approvedBonus += claim.points ?? 0;
    }
  }

  const ledger = await db
    .select({
      memberId: pointsLedger.memberId,
      category: pointsLedger.category,
      points: sql<number>`coalesce(sum(${pointsLedger.points}), 0)::int`,
      today: sql<number>`coalesce(sum(${pointsLedger.points}) filter (where ${pointsLedger.createdAt} >= ${dayStart.toISOString()}::timestamptz), 0)::int`,
    })
    .from(pointsLedger)
    .where(
      and(
        inArray(pointsLedger.memberId, memberIds),
        gte(pointsLedger.createdAt, start),
        lt(pointsLedger.createdAt, end),
        lte(pointsLedger.createdAt, asOf),
      ),
    )
    .groupBy(pointsLedger.memberId, pointsLedger.category);
  for (const row of ledger) {
    const f = figures.get(row.memberId)!;
    f.points[row.category] = Number(row.points);
    f.today[row.category] = Number(row.today);
  }

  const recorded = await db
    .select({
      memberId: deductions.memberId,
      points: deductions.points,
      status: deductions.status,
      appealDeadline: deductions.appealDeadline,
      appealedAt: deductions.appealedAt,
      decidedAt: deductions.decidedAt,
    })
    .from(deductions)
    .where(
      and(
        inArray(deductions.memberId, memberIds),
        gte(deductions.occurredOn, first),
        lte(deductions.occurredOn, last),
        lte(deductions.recordedAt, asOf),
      ),
    );
  for (const row of recorded) {
    const f = figures.get(row.memberId)!;
    const phase = deductionPhase({ status: statusAt(row, asOf), appealDeadline: row.appealDeadline }, asOf);
    if (phase === 'effective') {
      f.deductionsEffective += 1;
      f.deductionPoints += row.points;
    } else if (phase === 'appeal_window' || phase === 'appealed') f.deductionsInAppeal += 1;
  }

  const sanctioned = await db
    .selectDistinct({ memberId: sanctions.memberId })
    .from(sanctions)
    .where(and(inArray(sanctions.memberId, memberIds), eq(sanctions.year, year), lte(sanctions.recordedAt, asOf)));
  for (const row of sanctioned) figures.get(row.memberId)!.sanctioned = true;

  // 承诺践诺: a commitment counts once decided by the instant, or once its day has passed undecided.
  const today = formatDate(shanghaiDate(asOf));
  const made = await db
    .select({ memberId: commitments.memberId, status: commitments.status, dueOn: commitments.dueOn, decidedAt: commitments.decidedAt })
    .from(commitments)
    .where(
      and(
        inArray(commitments.memberId, memberIds),
        eq(commitments.year, year),
        lte(commitments.createdAt, asOf),
        isNull(commitments.heldReason),
      ),
    );
  for (const row of made) {
    const f = figures.get(row.memberId)!;
    const decided = row.decidedAt !== null && row.decidedAt <= asOf;
    if (decided || row.dueOn < today) f.commitmentsMade += 1;
    if (decided && row.status === 'kept') f.commitmentsKept += 1;
  }

  return figures;
}

export type IndexYearRow = typeof indexYears.$inferSelect;

/** The closed year, when the secretariat has closed it. */
export async function findIndexYear(db: Queryable, year: number) {
  const [row] = await db.select().from(indexYears).where(eq(indexYears.year, year));
  return row;
}

/** The frozen breakdowns of a closed year for these members (or for every member of `unitId` at closing). */
export async function loadSnapshots(
  db: Queryable,
  year: number,
  scope: { memberIds: number[] } | { unitId: number } | 'all',
): Promise<{ memberId: number; unitId: number | null; breakdown: IndexBreakdown }[]> {
  const where =
    scope === 'all'
      ? eq(indexSnapshots.year, year)
      : 'unitId' in scope
        ? and(eq(indexSnapshots.year, year), eq(indexSnapshots.unitId, scope.unitId))
        : scope.memberIds.length === 0
          ? undefined
          : and(eq(indexSnapshots.year, year), inArray(indexSnapshots.memberId, scope.memberIds));
  if (!where) return [];
  const rows = await db
    .select({ memberId: indexSnapshots.memberId, unitId: indexSnapshots.unitId, breakdown: indexSnapshots.breakdown })
    .from(indexSnapshots)
    .where(where)
    .orderBy(asc(indexSnapshots.memberId));
  return rows.map((row) => ({ ...row, breakdown: IndexBreakdown.parse(row.breakdown) }));
}

/** Members' indexes of a year: frozen for a closed year, otherwise computed as of `asOf`. */
export interface PioneerIndexes {
  year: number;
  asOf: Date;
  closed: boolean;
  byMember: Map<number, IndexBreakdown>;
}

/**
 * The index of each of these members. A closed year answers its snapshot (members without one
 * were on no roster when it closed, and have none); an open year is computed as of `asOf`.
 */
export async function loadPioneerIndexes(db: Queryable, memberIds: number[], year: number, asOf: Date): Promise<PioneerIndexes> {
  const closedYear = await findIndexYear(db, year);
  if (closedYear) {
    const snapshots = await loadSnapshots(db, year, { memberIds });
    return { year, asOf: closedYear.closedAt, closed: true, byMember: new Map(snapshots.map((s) => [s.memberId, s.breakdown])) };
  }
  const settings = await settingsForYear(db, year, asOf);
  const figures = await loadMemberFigures(db, memberIds, year, asOf);
  const byMember = new Map([...figures].map(([id, f]) => [id, computePioneerIndex(indexInputsOf(f), settings)]));
  return { year, asOf, closed: false, byMember };
}

/** Every member on a unit's roster now, with their unit: whom the association's figures and a year's closing cover. */
export async function rosteredMembers(db: Queryable): Promise<{ id: number; unitId: number }[]> {
  const rows = await db
    .select({ id: members.id, unitId: members.unitId })
    .from(members)
    .where(isNotNull(members.unitId))
    .orderBy(asc(members.id));
  return rows.map((row) => ({ id: row.id, unitId: row.unitId! }));
}

/** Articles a member read (effectively) in the year, by the instant. */
export async function countReads(db: Queryable, memberId: number, year: number, asOf: Date): Promise<number> {
  const { start, end } = shanghaiYearRange(year);
  const [row] = await db
    .select({ n: count() })
    .from(articleReads)
    .where(
      and(
        eq(articleReads.memberId, memberId),
        gte(articleReads.readAt, start),
        lt(articleReads.readAt, end),
        lte(articleReads.readAt, asOf),
      ),
    );
  return Number(row?.n ?? 0);
}

/** The closed years, newest first, with who closed them and how many members' indexes were frozen. */
export async function listIndexYears(db: Queryable) {
  return db
    .select({
      year: indexYears.year,
      closedAt: indexYears.closedAt,
      closedBy: members.name,
      members: sql<number>`(select count(*) from ${indexSnapshots} where ${indexSnapshots.year} = ${indexYears.year})::int`,
    })
    .from(indexYears)
    .leftJoin(members, eq(members.id, indexYears.closedBy))
    .orderBy(sql`${indexYears.year} desc`);
}

/** A member line of an index list. */
export interface IndexLine {
  id: number;
  name: string;
  branchName: string | null;
}

/** A unit's list: its roster now (an open year), or the members it had when the year closed. */
export interface UnitIndexRows extends PioneerIndexes {
  lines: IndexLine[];
}

export async function loadUnitIndexes(db: Queryable, unitId: number, year: number, asOf: Date): Promise<UnitIndexRows> {
  const closedYear = await findIndexYear(db, year);
  if (closedYear) {
    const snapshots = await loadSnapshots(db, year, { unitId });
    const ids = snapshots.map((s) => s.memberId);
    const lines = ids.length
      ? await db
          .select({ id: members.id, name: members.name, branchName: branches.name })
          .from(members)
          .leftJoin(branches, eq(branches.id, members.branchId))
          .where(inArray(members.id, ids))
          .orderBy(asc(branches.id), asc(members.id))
      : [];
    return { year, asOf: closedYear.closedAt, closed: true, lines, byMember: new Map(snapshots.map((s) => [s.memberId, s.breakdown])) };
  }
  const lines = await rosterLines(db, unitId);
  return {
    lines,
    ...(await loadPioneerIndexes(
      db,
      lines.map((line) => line.id),
      year,
      asOf,
    )),
  };
}

/** The association's indexes by unit: every rostered member now (an open year), or the snapshot's units. */
export interface DistributionRows extends PioneerIndexes {
  memberUnits: { id: number; unitId: number | null }[];
  units: { unitId: number; unitName: string; groupId: number; groupName: string }[];
}

export async function loadDistribution(db: Queryable, year: number, asOf: Date): Promise<DistributionRows> {
  const units = await listUnitsWithGroups(db);
  const closedYear = await findIndexYear(db, year);
  if (closedYear) {
    const snapshots = await loadSnapshots(db, year, 'all');
    return {
      year,
      asOf: closedYear.closedAt,
      closed: true,
      byMember: new Map(snapshots.map((s) => [s.memberId, s.breakdown])),
      memberUnits: snapshots.map((s) => ({ id: s.memberId, unitId: s.unitId })),
      units,
    };
  }
  const memberUnits = await rosteredMembers(db);
  const indexes = await loadPioneerIndexes(
    db,
    memberUnits.map((m) => m.id),
    year,
    asOf,
  );
  return { ...indexes, memberUnits, units };
}
