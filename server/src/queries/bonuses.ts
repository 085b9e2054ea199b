import type { BonusStatus, PageQuery } from '@zhijian/shared';
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { bonusClaimPhotos, bonusClaims, members } from '../db/schema';
import { notFound } from '../errors';
import { paginate, type Page } from './paginate';
import { timelinesOf, type RecordEventRow } from './recordEvents';

export type BonusClaimRow = typeof bonusClaims.$inferSelect;
export type BonusPhotoRow = typeof bonusClaimPhotos.$inferSelect;

/** A claim with the declaring member's name. */
export interface BonusClaimWithName {
  claim: BonusClaimRow;
  memberName: string;
}

/** What a claim is presented with: its photos and its timeline. */
export interface BonusClaimRows extends BonusClaimWithName {
  photos: BonusPhotoRow[];
  timeline: RecordEventRow[];
}

/** The claim, or a 404. `lock` holds its row until the transaction ends (photos are counted under it). */
export async function findBonusClaim(db: Queryable, id: number, options: { lock?: boolean } = {}): Promise<BonusClaimRow> {
  const query = db.select().from(bonusClaims).where(eq(bonusClaims.id, id));
  const [claim] = options.lock ? await query.for('update') : await query;
  if (!claim) throw notFound('加分申报');
  return claim;
}

export async function countBonusPhotos(db: Queryable, claimId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(bonusClaimPhotos).where(eq(bonusClaimPhotos.claimId, claimId));
  return row?.n ?? 0;
}

export async function findBonusPhoto(db: Queryable, id: number): Promise<{ photo: BonusPhotoRow; claim: BonusClaimRow }> {
  const [row] = await db
    .select({ photo: bonusClaimPhotos, claim: bonusClaims })
    .from(bonusClaimPhotos)
    .innerJoin(bonusClaims, eq(bonusClaims.id, bonusClaimPhotos.claimId))
    .where(eq(bonusClaimPhotos.id, id));
  if (!row) throw notFound('照片');
  return row;
}

/** Photos and timelines of these claims, gathered for presenting them. */
async function withDetails(db: Queryable, rows: BonusClaimWithName[]): Promise<BonusClaimRows[]> {
  const ids = rows.map((row) => row.claim.id);
  const photos = ids.length
    ? await db.select().from(bonusClaimPhotos).where(inArray(bonusClaimPhotos.claimId, ids)).orderBy(asc(bonusClaimPhotos.id))
    : [];
  const timelines = await timelinesOf(db, 'bonus', ids);
  return rows.map((row) => ({
    ...row,
    photos: photos.filter((photo) => photo.claimId === row.claim.id),
    timeline: timelines.get(row.claim.id) ?? [],
  }));
}

const withName = { claim: bonusClaims, memberName: members.name };

export async function loadBonusClaim(db: Queryable, id: number): Promise<BonusClaimRows> {
  const [row] = await db
    .select(withName)
    .from(bonusClaims)
    .innerJoin(members, eq(members.id, bonusClaims.memberId))
    .where(eq(bonusClaims.id, id));
  if (!row) throw notFound('加分申报');
  return (await withDetails(db, [row]))[0]!;
}

async function listClaims(db: Queryable, where: SQL | undefined, order: SQL[], query: PageQuery): Promise<Page<BonusClaimRows>> {
  const page = await paginate(query, {
    count: db.select({ n: count() }).from(bonusClaims).where(where),
    rows: db
      .select(withName)
      .from(bonusClaims)
      .innerJoin(members, eq(members.id, bonusClaims.memberId))
      .where(where)
      .orderBy(...order)
      .$dynamic(),
  });
  return { ...page, items: await withDetails(db, page.items) };
}

/** A member's own claims, newest first. */
export function listMemberBonusClaims(db: Queryable, memberId: number, query: PageQuery): Promise<Page<BonusClaimRows>> {
  return listClaims(db, eq(bonusClaims.memberId, memberId), [desc(bonusClaims.createdAt), desc(bonusClaims.id)], query);
}

/** A unit's claims: pending first (oldest first, as they queue), then decided ones, newest decision first. */
export function listUnitBonusClaims(
  db: Queryable,
  unitId: number,
  query: PageQuery & { status?: BonusStatus; memberId?: number },
): Promise<Page<BonusClaimRows>> {
  const filters: SQL[] = [eq(bonusClaims.unitId, unitId)];
  if (query.status) filters.push(eq(bonusClaims.status, query.status));
  if (query.memberId) filters.push(eq(bonusClaims.memberId, query.memberId));
  return listClaims(
    db,
    and(...filters),
    [
      sql`case when ${bonusClaims.status} = 'pending' then 0 else 1 end`,
      sql`case when ${bonusClaims.status} = 'pending' then ${bonusClaims.createdAt} end asc`,
      desc(bonusClaims.decidedAt),
      desc(bonusClaims.id),
    ],
    query,
  );
}
