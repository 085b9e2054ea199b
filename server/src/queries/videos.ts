import { videoResults } from '@zhijian/shared';
import { and, asc, count, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { groups, members, units, videoComments, videoLikes, videoRounds, videos } from '../db/schema';
import { notFound } from '../errors';

export type VideoRoundRow = typeof videoRounds.$inferSelect;
export type VideoRow = typeof videos.$inferSelect;
export type VideoCommentRow = typeof videoComments.$inferSelect;
export interface VideoUnit {
  id: number;
  name: string;
  groupId: number;
}

/** A video with its unit, and the counts its presenter needs for one reader. */
export interface VideoRows {
  video: VideoRow;
  unit: VideoUnit;
  publishedLikes: number;
  likedToday: boolean;
  commentCount: number;
}

export async function findRound(db: Queryable, id: number, options: { lock?: boolean } = {}): Promise<VideoRoundRow> {
  const query = db.select().from(videoRounds).where(eq(videoRounds.id, id));
  const [round] = options.lock ? await query.for('update') : await query;
  if (!round) throw notFound('击鼓传花');
  return round;
}

export function listRounds(db: Queryable): Promise<VideoRoundRow[]> {
  return db.select().from(videoRounds).orderBy(desc(videoRounds.startsOn), desc(videoRounds.id)).limit(100);
}

export async function findVideo(
  db: Queryable,
  id: number,
  options: { lock?: boolean } = {},
): Promise<{ video: VideoRow; unit: VideoUnit }> {
  const query = db
    .select({ video: videos, unit: { id: units.id, name: units.name, groupId: units.groupId } })
    .from(videos)
    .innerJoin(units, eq(units.id, videos.unitId))
    .where(eq(videos.id, id));
  const [row] = options.lock ? await query.for('update', { of: videos }) : await query;
  if (!row) throw notFound('视频');
  return row;
}

export async function findUnitVideo(
  db: Queryable,
  roundId: number,
  unitId: number,
  options: { lock?: boolean } = {},
): Promise<VideoRow | undefined> {
  const query = db
    .select()
    .from(videos)
    .where(and(eq(videos.roundId, roundId), eq(videos.unitId, unitId)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export function listRoundVideos(db: Queryable, roundId: number): Promise<Array<{ video: VideoRow; unit: VideoUnit }>> {
  return db
    .select({ video: videos, unit: { id: units.id, name: units.name, groupId: units.groupId } })
    .from(videos)
    .innerJoin(units, eq(units.id, videos.unitId))
    .where(eq(videos.roundId, roundId))
    .orderBy(asc(videos.id));
}

/** Likes given before the publication `before`: the counts members see (not live). */
export async function publishedLikeCounts(db: Queryable, videoIds: number[], before: Date): Promise<Map<number, number>> {
  if (videoIds.length === 0) return new Map();
  const rows = await db
    .select({ videoId: videoLikes.videoId, n: count() })
    .from(videoLikes)
    .where(and(inArray(videoLikes.videoId, videoIds), lt(videoLikes.createdAt, before)))
    .groupBy(videoLikes.videoId);
  return new Map(rows.map((row) => [row.videoId, Number(row.n)]));
}

export async function videosLikedOn(db: Queryable, memberId: number, day: string): Promise<Set<number>> {
  const rows = await db
    .select({ videoId: videoLikes.videoId })
    .from(videoLikes)
    .where(and(eq(videoLikes.memberId, memberId), eq(videoLikes.likedOn, day)));
  return new Set(rows.map((row) => row.videoId));
}

export async function countLikesOn(db: Queryable, memberId: number, day: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(videoLikes)
    .where(and(eq(videoLikes.memberId, memberId), eq(videoLikes.likedOn, day)));
  return Number(row?.n ?? 0);
}

export async function shownCommentCounts(db: Queryable, videoIds: number[]): Promise<Map<number, number>> {
  if (videoIds.length === 0) return new Map();
  const rows = await db
    .select({ videoId: videoComments.videoId, n: count() })
    .from(videoComments)
    .where(and(inArray(videoComments.videoId, videoIds), eq(videoComments.status, 'shown')))
    .groupBy(videoComments.videoId);
  return new Map(rows.map((row) => [row.videoId, Number(row.n)]));
}

/** The counts for these videos as one reader sees them at `now`. */
export async function loadVideoRows(
  db: Queryable,
  found: Array<{ video: VideoRow; unit: VideoUnit }>,
  readerId: number,
  { publishedBefore, today }: { publishedBefore: Date; today: string },
): Promise<VideoRows[]> {
  const ids = found.map((row) => row.video.id);
  const [likes, liked, comments] = await Promise.all([
    publishedLikeCounts(db, ids, publishedBefore),
    videosLikedOn(db, readerId, today),
    shownCommentCounts(db, ids),
  ]);
  return found.map((row) => ({
    ...row,
    publishedLikes: likes.get(row.video.id) ?? 0,
    likedToday: liked.has(row.video.id),
    commentCount: comments.get(row.video.id) ?? 0,
  }));
}

export interface VideoCommentRows {
  comment: VideoCommentRow;
  authorName: string;
  unitName: string | null;
}

export function listVideoComments(db: Queryable, videoId: number): Promise<VideoCommentRows[]> {
  return db
    .select({ comment: videoComments, authorName: members.name, unitName: units.name })
    .from(videoComments)
    .innerJoin(members, eq(members.id, videoComments.authorId))
    .leftJoin(units, eq(units.id, members.unitId))
    .where(eq(videoComments.videoId, videoId))
    .orderBy(desc(videoComments.createdAt), desc(videoComments.id))
    .limit(500);
}

export async function findVideoComment(db: Queryable, id: number, options: { lock?: boolean } = {}): Promise<VideoCommentRow> {
  const query = db.select().from(videoComments).where(eq(videoComments.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw notFound('评论');
  return row;
}

export async function loadVideoComment(db: Queryable, id: number): Promise<VideoCommentRows> {
  const [row] = await db
    .select({ comment: videoComments, authorName: members.name, unitName: units.name })
    .from(videoComments)
    .innerJoin(members, eq(members.id, videoComments.authorId))
    .leftJoin(units, eq(units.id, members.unitId))
    .where(eq(videoComments.id, id));
  if (!row) throw notFound('评论');
  return row;
}

/** The groups a round features, in its order (a group removed since is left out). */
export async function roundGroups(db: Queryable, round: VideoRoundRow): Promise<Array<{ id: number; name: string }>> {
  if (round.featuredGroupIds.length === 0) return [];
  const rows = await db.select({ id: groups.id, name: groups.name }).from(groups).where(inArray(groups.id, round.featuredGroupIds));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return round.featuredGroupIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

export async function groupIdsInOrder(db: Queryable): Promise<number[]> {
  const rows = await db.select({ id: groups.id }).from(groups).orderBy(asc(groups.sortOrder), asc(groups.id));
  return rows.map((row) => row.id);
}

export async function existingGroupIds(db: Queryable, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: groups.id }).from(groups).where(inArray(groups.id, ids));
  return new Set(rows.map((row) => row.id));
}

/** Likes of approved videos of the round before the publication: the basis of results. */
export async function roundLikesBefore(db: Queryable, roundId: number, before: Date): Promise<Map<number, number>> {
  const rows = await db
    .select({ videoId: videoLikes.videoId, n: count() })
    .from(videoLikes)
    .innerJoin(videos, eq(videos.id, videoLikes.videoId))
    .where(and(eq(videos.roundId, roundId), lt(videoLikes.createdAt, before), gte(videoLikes.createdAt, new Date(0))))
    .groupBy(videoLikes.videoId);
  return new Map(rows.map((row) => [row.videoId, Number(row.n)]));
}

export interface RoundResultRow {
  rank: number;
  videoId: number;
  title: string;
  unitName: string;
  publishedLikes: number;
  juryScore: number | null;
  total: number;
}

/** The round's approved videos ranked as they stand at the publication `countedAt` (likes not live). */
export async function loadRoundResults(db: Queryable, round: VideoRoundRow, countedAt: Date): Promise<RoundResultRow[]> {
  const approved = (await listRoundVideos(db, round.id)).filter((row) => row.video.status === 'approved');
  const likes = await publishedLikeCounts(
    db,
    approved.map((row) => row.video.id),
    countedAt,
  );
  const byId = new Map(approved.map((row) => [row.video.id, row]));
  const ranked = videoResults(
    approved.map((row) => ({ id: row.video.id, juryScore: row.video.juryScore, likes: likes.get(row.video.id) ?? 0 })),
    round.juryWeight,
  );
  return ranked.map((result) => {
    const row = byId.get(result.id)!;
    return {
      rank: result.rank,
      videoId: result.id,
      title: row.video.title,
      unitName: row.unit.name,
      publishedLikes: likes.get(result.id) ?? 0,
      juryScore: row.video.juryScore,
      total: result.total,
    };
  });
}
