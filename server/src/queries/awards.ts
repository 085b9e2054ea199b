import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { awardCandidates, awardObjections, awardReviews, honours, members, units } from '../db/schema';
import { notFound } from '../errors';

export type AwardReviewRow = typeof awardReviews.$inferSelect;
export type AwardCandidateRow = typeof awardCandidates.$inferSelect;
export type AwardObjectionRow = typeof awardObjections.$inferSelect;
export type HonourRow = typeof honours.$inferSelect;

export async function findReview(db: Queryable, id: number, options: { lock?: boolean } = {}): Promise<AwardReviewRow> {
  const query = db.select().from(awardReviews).where(eq(awardReviews.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw notFound('评优');
  return row;
}

export async function findReviewOfYear(db: Queryable, year: number): Promise<AwardReviewRow | undefined> {
  const [row] = await db.select().from(awardReviews).where(eq(awardReviews.year, year));
  return row;
}

export async function findCandidate(db: Queryable, id: number, options: { lock?: boolean } = {}): Promise<AwardCandidateRow> {
  const query = db.select().from(awardCandidates).where(eq(awardCandidates.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw notFound('候选');
  return row;
}

export async function findObjection(db: Queryable, id: number, options: { lock?: boolean } = {}): Promise<AwardObjectionRow> {
  const query = db.select().from(awardObjections).where(eq(awardObjections.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw notFound('异议');
  return row;
}

/** A candidate as shown: its row and the name of whoever recommended it. */
export interface CandidateRows {
  candidate: AwardCandidateRow;
  recommender: string | null;
}

const recommender = sql<string | null>`(select m.name from members m where m.id = ${awardCandidates.recommendedBy})`;

export async function loadCandidate(db: Queryable, id: number): Promise<CandidateRows> {
  const [row] = await db.select({ candidate: awardCandidates, recommender }).from(awardCandidates).where(eq(awardCandidates.id, id));
  if (!row) throw notFound('候选');
  return row;
}

/** All candidates of an award (rules are applied by the presenter, so eligibility and order are decided there). */
export async function listCandidates(
  db: Queryable,
  reviewId: number,
  award: AwardCandidateRow['award'],
  groupId: number | null,
): Promise<CandidateRows[]> {
  return db
    .select({ candidate: awardCandidates, recommender })
    .from(awardCandidates)
    .where(
      and(
        eq(awardCandidates.reviewId, reviewId),
        eq(awardCandidates.award, award),
        groupId === null ? undefined : eq(awardCandidates.groupId, groupId),
      ),
    )
    .orderBy(asc(awardCandidates.id));
}

export async function listReviewCandidates(db: Queryable, reviewId: number): Promise<CandidateRows[]> {
  return db
    .select({ candidate: awardCandidates, recommender })
    .from(awardCandidates)
    .where(eq(awardCandidates.reviewId, reviewId))
    .orderBy(asc(awardCandidates.id));
}

/** The awards in the order the association lists them (先进集体, 优秀会员, 优秀信息员). */
const awardOrder = sql`array_position(array['unit', 'member', 'info_officer']::text[], ${awardCandidates.award})`;

export async function listWinners(db: Queryable, reviewId: number): Promise<AwardCandidateRow[]> {
  return db
    .select()
    .from(awardCandidates)
    .where(and(eq(awardCandidates.reviewId, reviewId), eq(awardCandidates.selected, true)))
    .orderBy(awardOrder, asc(awardCandidates.groupId), asc(awardCandidates.id));
}

/** A review with its counts of recommended and selected per award and its objections. */
export interface ReviewRows {
  review: AwardReviewRow;
  candidates: CandidateRows[];
  objections: { total: number; unanswered: number };
}

export async function loadReview(db: Queryable, id: number): Promise<ReviewRows> {
  const review = await findReview(db, id);
  return { review, candidates: await listReviewCandidates(db, id), objections: await countObjections(db, id) };
}

export async function listReviews(db: Queryable): Promise<ReviewRows[]> {
  const reviews = await db.select({ id: awardReviews.id }).from(awardReviews).orderBy(desc(awardReviews.year));
  const loaded: ReviewRows[] = [];
  // One after another: `db` may be a transaction, whose one connection takes one query at a time.
  for (const row of reviews) loaded.push(await loadReview(db, row.id));
  return loaded;
}

export async function countObjections(db: Queryable, reviewId: number): Promise<{ total: number; unanswered: number }> {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      unanswered: sql<number>`(count(*) filter (where ${awardObjections.answeredAt} is null))::int`,
    })
    .from(awardObjections)
    .innerJoin(awardCandidates, eq(awardCandidates.id, awardObjections.candidateId))
    .where(eq(awardCandidates.reviewId, reviewId));
  return row ?? { total: 0, unanswered: 0 };
}

export interface ObjectionRows {
  objection: AwardObjectionRow;
  candidate: AwardCandidateRow;
  objector: string | null;
}

export async function listObjections(db: Queryable, reviewId: number): Promise<ObjectionRows[]> {
  return db
    .select({ objection: awardObjections, candidate: awardCandidates, objector: members.name })
    .from(awardObjections)
    .innerJoin(awardCandidates, eq(awardCandidates.id, awardObjections.candidateId))
    .leftJoin(members, eq(members.id, awardObjections.objectorId))
    .where(eq(awardCandidates.reviewId, reviewId))
    .orderBy(asc(awardObjections.id));
}

export async function loadObjection(db: Queryable, id: number): Promise<ObjectionRows> {
  const [row] = await db
    .select({ objection: awardObjections, candidate: awardCandidates, objector: members.name })
    .from(awardObjections)
    .innerJoin(awardCandidates, eq(awardCandidates.id, awardObjections.candidateId))
    .leftJoin(members, eq(members.id, awardObjections.objectorId))
    .where(eq(awardObjections.id, id));
  if (!row) throw notFound('异议');
  return row;
}

/** Reviews members see: in 公示 or published, with their winners. */
export async function loadPublicity(db: Queryable): Promise<Array<{ review: AwardReviewRow; winners: AwardCandidateRow[] }>> {
  const reviews = await db
    .select()
    .from(awardReviews)
    .where(inArray(awardReviews.status, ['publicity', 'published']))
    .orderBy(desc(awardReviews.year));
  const loaded = [];
  for (const review of reviews) loaded.push({ review, winners: await listWinners(db, review.id) });
  return loaded;
}

/** A member's honours (党员卡). */
export function memberHonours(db: Queryable, memberId: number) {
  return db
    .select({ year: honours.year, award: honours.award, title: honours.title })
    .from(honours)
    .where(eq(honours.memberId, memberId))
    .orderBy(desc(honours.year), asc(honours.id));
}

/** A unit's record of honours: the unit's own and its members'. */
export function unitHonours(db: Queryable, unitId: number) {
  return db
    .select({ year: honours.year, award: honours.award, title: honours.title, memberId: honours.memberId, memberName: members.name })
    .from(honours)
    .leftJoin(members, eq(members.id, honours.memberId))
    .where(eq(honours.unitId, unitId))
    .orderBy(desc(honours.year), desc(isNull(honours.memberId)), asc(honours.id));
}

/** The 片组 of a member's unit: the one a 片组长 leads. */
export async function groupOfMember(db: Queryable, unitId: number | null): Promise<number | null> {
  if (unitId === null) return null;
  const [row] = await db.select({ groupId: units.groupId }).from(units).where(eq(units.id, unitId));
  return row?.groupId ?? null;
}
