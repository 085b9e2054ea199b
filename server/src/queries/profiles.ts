import { shanghaiYear, type PageQuery } from '@zhijian/shared';
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { CurrentUser } from '../auth/currentUser';
import type { Queryable } from '../db/client';
import { commitmentPhotos, commitments, members, profiles, units } from '../db/schema';
import { notFound } from '../errors';
import { paginate, type Page } from './paginate';

export type ProfileRow = typeof profiles.$inferSelect;
export type CommitmentRow = typeof commitments.$inferSelect;
export type CommitmentPhotoRow = typeof commitmentPhotos.$inferSelect;

export interface ProfileRows {
  member: { id: number; name: string; unitId: number | null };
  unitName: string | null;
  profile: ProfileRow | null;
  commitments: CommitmentRow[];
}

export interface CommitmentRows {
  commitment: CommitmentRow;
  memberName: string;
  public: boolean;
  photos: CommitmentPhotoRow[];
}

const profileColumns = {
  member: { id: members.id, name: members.name, unitId: members.unitId },
  unitName: units.name,
  profile: profiles,
};

/** This year's commitments of these members, newest first. */
async function commitmentsOf(db: Queryable, memberIds: number[], year: number): Promise<CommitmentRow[]> {
  if (memberIds.length === 0) return [];
  return db
    .select()
    .from(commitments)
    .where(and(inArray(commitments.memberId, memberIds), eq(commitments.year, year)))
    .orderBy(asc(commitments.createdAt), asc(commitments.id));
}

/** The member and their profile (none yet: null), with this year's commitments; a 404 for no such member. */
export async function loadProfile(db: Queryable, memberId: number, now: Date): Promise<ProfileRows> {
  const [row] = await db
    .select(profileColumns)
    .from(members)
    .leftJoin(units, eq(units.id, members.unitId))
    .leftJoin(profiles, eq(profiles.memberId, members.id))
    .where(eq(members.id, memberId));
  if (!row) throw notFound('党员资料');
  return { ...row, commitments: await commitmentsOf(db, [memberId], shanghaiYear(now)) };
}

/** The SQL twin of `canSeeProfile` for lists: shown, not held, in the reader's unit or opened to all. */
function shownTo(user: CurrentUser): SQL | undefined {
  if (user.roles.includes('secretariat')) return undefined;
  const ownUnit = user.unitId === null ? sql`false` : eq(members.unitId, user.unitId);
  const admin = user.roles.includes('unit_admin') ? ownUnit : sql`false`;
  return or(eq(members.id, user.id), admin, and(isNull(profiles.heldReason), or(ownUnit, eq(profiles.public, true))));
}

/** People with a profile the reader may see, or (`review`) held profiles of the unit admin's unit. */
export async function listProfiles(
  db: Queryable,
  user: CurrentUser,
  filter: PageQuery & { view: 'all' | 'review'; skill?: string },
  now: Date,
): Promise<Page<ProfileRows>> {
  const filters: (SQL | undefined)[] = [shownTo(user)];
  if (filter.view === 'review') {
    filters.push(isNotNull(profiles.heldReason), user.unitId === null ? sql`false` : eq(members.unitId, user.unitId));
  }
  if (filter.skill) filters.push(sql`${filter.skill} = any(${profiles.skills})`);
  const where = and(...filters);
  const page = await paginate(filter, {
    count: db.select({ n: count() }).from(profiles).innerJoin(members, eq(members.id, profiles.memberId)).where(where),
    rows: db
      .select(profileColumns)
      .from(profiles)
      .innerJoin(members, eq(members.id, profiles.memberId))
      .leftJoin(units, eq(units.id, members.unitId))
      .where(where)
      .orderBy(desc(profiles.updatedAt), asc(members.id))
      .$dynamic(),
  });
  const all = await commitmentsOf(
    db,
    page.items.map((row) => row.member.id),
    shanghaiYear(now),
  );
  return { ...page, items: page.items.map((row) => ({ ...row, commitments: all.filter((c) => c.memberId === row.member.id) })) };
}

/** The commitment, or a 404. `lock` holds its row (photos are counted under it). */
export async function findCommitment(db: Queryable, id: number, options: { lock?: boolean } = {}): Promise<CommitmentRow> {
  const query = db.select().from(commitments).where(eq(commitments.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw notFound('承诺');
  return row;
}

/** Whether the member opened their profile to the association (commitments follow it). */
export async function profileIsPublic(db: Queryable, memberId: number): Promise<boolean> {
  const [row] = await db.select({ public: profiles.public }).from(profiles).where(eq(profiles.memberId, memberId));
  return row?.public ?? false;
}

export async function countCommitmentPhotos(db: Queryable, commitmentId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(commitmentPhotos).where(eq(commitmentPhotos.commitmentId, commitmentId));
  return row?.n ?? 0;
}

/** The member's commitments of a year (made, whatever became of them). */
export async function countCommitments(db: Queryable, memberId: number, year: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(commitments)
    .where(and(eq(commitments.memberId, memberId), eq(commitments.year, year)));
  return row?.n ?? 0;
}

export async function findCommitmentPhoto(db: Queryable, id: number): Promise<{ photo: CommitmentPhotoRow; commitment: CommitmentRow }> {
  const [row] = await db
    .select({ photo: commitmentPhotos, commitment: commitments })
    .from(commitmentPhotos)
    .innerJoin(commitments, eq(commitments.id, commitmentPhotos.commitmentId))
    .where(eq(commitmentPhotos.id, id));
  if (!row) throw notFound('照片');
  return row;
}

const commitmentColumns = { commitment: commitments, memberName: members.name, public: sql<boolean>`coalesce(${profiles.public}, false)` };

async function withPhotos(db: Queryable, rows: Omit<CommitmentRows, 'photos'>[]): Promise<CommitmentRows[]> {
  const ids = rows.map((row) => row.commitment.id);
  const photos = ids.length
    ? await db.select().from(commitmentPhotos).where(inArray(commitmentPhotos.commitmentId, ids)).orderBy(asc(commitmentPhotos.id))
    : [];
  return rows.map((row) => ({ ...row, photos: photos.filter((photo) => photo.commitmentId === row.commitment.id) }));
}

function commitmentSelect(db: Queryable) {
  return db
    .select(commitmentColumns)
    .from(commitments)
    .innerJoin(members, eq(members.id, commitments.memberId))
    .leftJoin(profiles, eq(profiles.memberId, commitments.memberId));
}

export async function loadCommitment(db: Queryable, id: number): Promise<CommitmentRows> {
  const [row] = await commitmentSelect(db).where(eq(commitments.id, id));
  if (!row) throw notFound('承诺');
  return (await withPhotos(db, [row]))[0]!;
}

async function listCommitments(db: Queryable, where: SQL | undefined, order: SQL[], query: PageQuery): Promise<Page<CommitmentRows>> {
  const page = await paginate(query, {
    count: db.select({ n: count() }).from(commitments).where(where),
    rows: commitmentSelect(db)
      .where(where)
      .orderBy(...order)
      .$dynamic(),
  });
  return { ...page, items: await withPhotos(db, page.items) };
}

export function listMemberCommitments(db: Queryable, memberId: number, query: PageQuery): Promise<Page<CommitmentRows>> {
  return listCommitments(
    db,
    eq(commitments.memberId, memberId),
    [desc(commitments.year), asc(commitments.createdAt), asc(commitments.id)],
    query,
  );
}

/** A unit's commitments: waiting for the admin (held text, reports to confirm) first. */
export function listUnitCommitments(
  db: Queryable,
  unitId: number,
  query: PageQuery & { status?: CommitmentRow['status']; view: 'all' | 'review' },
): Promise<Page<CommitmentRows>> {
  const waiting = sql`(${commitments.heldReason} is not null or ${commitments.status} = 'reported')`;
  const filters: (SQL | undefined)[] = [eq(commitments.unitId, unitId)];
  if (query.status) filters.push(eq(commitments.status, query.status));
  if (query.view === 'review') filters.push(waiting);
  return listCommitments(
    db,
    and(...filters),
    [sql`case when ${waiting} then 0 else 1 end`, desc(commitments.createdAt), desc(commitments.id)],
    query,
  );
}
