import { WISH_CONTACT_MS, type PageQuery, type WishStatus } from '@zhijian/shared';
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CurrentUser } from '../auth/currentUser';
import type { Queryable } from '../db/client';
import { members, pointsLedger, units, wishClaims, wishEvents, wishes, wishPhotos } from '../db/schema';
import { notFound } from '../errors';
import { paginate, type Page } from './paginate';

export type WishRow = typeof wishes.$inferSelect;
export type WishClaimRow = typeof wishClaims.$inferSelect;
export type WishPhotoRow = typeof wishPhotos.$inferSelect;

export interface WishEventRow {
  wishId: number;
  actorId: number | null;
  action: string;
  actorName: string | null;
  note: string | null;
  at: Date;
}

/** A wish with its wisher's and unit's names and its live (or completed) claim. */
export interface WishWithClaim {
  wish: WishRow;
  wisherName: string;
  unitName: string;
  claim: WishClaimRow | null;
  claimerName: string | null;
}

/** Everything a wish is presented with. */
export interface WishRows extends WishWithClaim {
  photos: WishPhotoRow[];
  timeline: WishEventRow[];
  points: number | null;
}

/** A claim is live while `active` and stays the wish's claim once `completed`; the index holds one of these per wish. */
const LIVE_CLAIM = sql`${wishClaims.status} in ('active', 'completed')`;

const wisher = alias(members, 'wisher');
const claimer = alias(members, 'claimer');

const columns = {
  wish: wishes,
  wisherName: wisher.name,
  unitName: units.name,
  claim: wishClaims,
  claimerName: claimer.name,
};

function joined(db: Queryable) {
  return db
    .select(columns)
    .from(wishes)
    .innerJoin(wisher, eq(wisher.id, wishes.wisherId))
    .innerJoin(units, eq(units.id, wishes.unitId))
    .leftJoin(wishClaims, and(eq(wishClaims.wishId, wishes.id), LIVE_CLAIM))
    .leftJoin(claimer, eq(claimer.id, wishClaims.memberId));
}

/** The wish, or a 404. `lock` holds its row until the transaction ends, so steps on one wish queue. */
export async function findWish(db: Queryable, id: number, options: { lock?: boolean } = {}): Promise<WishRow> {
  const query = db.select().from(wishes).where(eq(wishes.id, id));
  const [wish] = options.lock ? await query.for('update') : await query;
  if (!wish) throw notFound('心愿');
  return wish;
}

/** The wish's live claim (`active`), if any. */
export async function findActiveClaim(db: Queryable, wishId: number): Promise<WishClaimRow | undefined> {
  const [claim] = await db
    .select()
    .from(wishClaims)
    .where(and(eq(wishClaims.wishId, wishId), eq(wishClaims.status, 'active')));
  return claim;
}

/** The member's live claims. */
export async function countActiveClaims(db: Queryable, memberId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(wishClaims)
    .where(and(eq(wishClaims.memberId, memberId), eq(wishClaims.status, 'active')));
  return row?.n ?? 0;
}

export async function countClaimPhotos(db: Queryable, claimId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(wishPhotos).where(eq(wishPhotos.claimId, claimId));
  return row?.n ?? 0;
}

/** The wish with its claim, for the rules, or a 404. */
export async function findWishWithClaim(db: Queryable, id: number): Promise<WishWithClaim> {
  const [row] = await joined(db).where(eq(wishes.id, id));
  if (!row) throw notFound('心愿');
  return row;
}

export async function findWishPhoto(db: Queryable, id: number): Promise<{ photo: WishPhotoRow; wish: WishWithClaim }> {
  const [row] = await db
    .select({ photo: wishPhotos, wishId: wishClaims.wishId })
    .from(wishPhotos)
    .innerJoin(wishClaims, eq(wishClaims.id, wishPhotos.claimId))
    .where(eq(wishPhotos.id, id));
  if (!row) throw notFound('照片');
  return { photo: row.photo, wish: await findWishWithClaim(db, row.wishId) };
}

async function withDetails(db: Queryable, rows: WishWithClaim[]): Promise<WishRows[]> {
  const ids = rows.map((row) => row.wish.id);
  const claimIds = rows.flatMap((row) => (row.claim ? [row.claim.id] : []));
  const photos = claimIds.length
    ? await db.select().from(wishPhotos).where(inArray(wishPhotos.claimId, claimIds)).orderBy(asc(wishPhotos.id))
    : [];
  const events = ids.length
    ? await db
        .select({
          wishId: wishEvents.wishId,
          actorId: wishEvents.actorId,
          action: wishEvents.action,
          actorName: members.name,
          note: wishEvents.note,
          at: wishEvents.at,
        })
        .from(wishEvents)
        .leftJoin(members, eq(members.id, wishEvents.actorId))
        .where(inArray(wishEvents.wishId, ids))
        .orderBy(asc(wishEvents.at), asc(wishEvents.id))
    : [];
  const awards = ids.length
    ? await db
        .select({ sourceId: pointsLedger.sourceId, points: pointsLedger.points })
        .from(pointsLedger)
        .where(and(eq(pointsLedger.sourceType, 'wish'), inArray(pointsLedger.sourceId, ids)))
    : [];
  return rows.map((row) => ({
    ...row,
    photos: photos.filter((photo) => photo.claimId === row.claim?.id),
    timeline: events.filter((event) => event.wishId === row.wish.id),
    points: awards.find((award) => award.sourceId === row.wish.id)?.points ?? null,
  }));
}

export async function loadWish(db: Queryable, id: number): Promise<WishRows> {
  return (await withDetails(db, [await findWishWithClaim(db, id)]))[0]!;
}

/** A claim left unanswered past its 7 days: treated as released on read, whether or not the timer has run. */
export function overdueClaim(now: Date): SQL {
  return sql`(${wishes.status} = 'claimed' and ${wishClaims.claimedAt} <= ${new Date(now.getTime() - WISH_CONTACT_MS).toISOString()}::timestamptz)`;
}

/** The wishes a reader may see (the SQL twin of `canSeeWish`). */
function visibleTo(user: CurrentUser): SQL | undefined {
  if (user.roles.includes('secretariat')) return undefined;
  const involved = or(eq(wishes.wisherId, user.id), eq(wishes.createdBy, user.id));
  const admin = user.roles.includes('unit_admin') && user.unitId !== null ? eq(wishes.unitId, user.unitId) : sql`false`;
  const inScope =
    user.unitId === null ? eq(wishes.scope, 'association') : or(eq(wishes.scope, 'association'), eq(wishes.unitId, user.unitId));
  const shown = sql`${wishes.status} not in ('pending_review', 'withdrawn')`;
  return or(involved, admin, and(inScope, shown));
}

/** Waiting for this reader's review: held wishes and thank-you notes of the wishes they manage. */
function reviewableBy(user: CurrentUser): SQL {
  const held = or(eq(wishes.status, 'pending_review'), eq(wishes.thankYouHeld, true))!;
  const managed: SQL[] = [];
  if (user.roles.includes('secretariat')) managed.push(eq(wishes.scope, 'association'));
  if (user.roles.includes('unit_admin') && user.unitId !== null)
    managed.push(and(eq(wishes.scope, 'unit'), eq(wishes.unitId, user.unitId))!);
  return and(held, managed.length ? or(...managed) : sql`false`)!;
}

export interface WishListFilter extends PageQuery {
  status?: WishStatus;
  view: 'all' | 'claimed' | 'wished' | 'review';
}

/**
 * The wishes a reader sees. Open ones first — those returned to the pool (a claim released or
 * revoked, or run out unanswered) before the rest, the latest returned first — then the others,
 * newest first.
 */
export async function listWishes(db: Queryable, user: CurrentUser, filter: WishListFilter, now: Date): Promise<Page<WishRows>> {
  const filters: (SQL | undefined)[] = [visibleTo(user)];
  const overdue = overdueClaim(now);
  if (filter.view === 'claimed') filters.push(and(eq(wishClaims.memberId, user.id), sql`not ${overdue}`));
  if (filter.view === 'wished') filters.push(eq(wishes.wisherId, user.id));
  if (filter.view === 'review') filters.push(reviewableBy(user));
  if (filter.status === 'open') filters.push(or(eq(wishes.status, 'open'), overdue));
  else if (filter.status === 'claimed') filters.push(and(eq(wishes.status, 'claimed'), sql`not ${overdue}`));
  else if (filter.status) filters.push(eq(wishes.status, filter.status));
  const where = and(...filters);
  const returnedAt = sql`coalesce(${wishes.returnedAt}, case when ${overdue} then ${wishClaims.claimedAt} + interval '${sql.raw(String(WISH_CONTACT_MS / 1000))} seconds' end)`;
  const page = await paginate(filter, {
    count: db
      .select({ n: count() })
      .from(wishes)
      .leftJoin(wishClaims, and(eq(wishClaims.wishId, wishes.id), LIVE_CLAIM))
      .where(where),
    rows: joined(db)
      .where(where)
      .orderBy(
        sql`case when ${wishes.status} = 'open' or ${overdue} then 0 else 1 end`,
        sql`${returnedAt} desc nulls last`,
        desc(wishes.createdAt),
        desc(wishes.id),
      )
      .$dynamic(),
  });
  return { ...page, items: await withDetails(db, page.items) };
}

/**
 * 圆梦榜: members by wishes realised (已实现 or 已完成), never by claims, which can be given up.
 * Within the reader's unit and association-wide wishes; the secretariat sees everyone.
 */
export async function rankWishClaimers(db: Queryable, user: CurrentUser, limit = 10) {
  const scope = user.roles.includes('secretariat')
    ? undefined
    : user.unitId === null
      ? eq(wishes.scope, 'association')
      : or(eq(wishes.scope, 'association'), eq(wishes.unitId, user.unitId));
  const rankedUnit = alias(units, 'claimer_unit');
  return db
    .select({ memberId: members.id, name: members.name, unitName: sql<string>`coalesce(${rankedUnit.name}, '')`, realised: count() })
    .from(wishClaims)
    .innerJoin(wishes, eq(wishes.id, wishClaims.wishId))
    .innerJoin(members, eq(members.id, wishClaims.memberId))
    .leftJoin(rankedUnit, eq(rankedUnit.id, members.unitId))
    .where(and(or(eq(wishClaims.status, 'completed'), and(eq(wishClaims.status, 'active'), eq(wishes.status, 'realised'))), scope))
    .groupBy(members.id, members.name, rankedUnit.name)
    .orderBy(desc(count()), asc(members.id))
    .limit(limit);
}
