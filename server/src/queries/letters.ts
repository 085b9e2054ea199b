import type { PageQuery } from '@zhijian/shared';
import { and, asc, count, desc, eq, exists, gte, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { letterFollows, letterPhotos, letterReplies, letters, members, units } from '../db/schema';
import { notFound } from '../errors';
import { paginate, type Page } from './paginate';

export type LetterRow = typeof letters.$inferSelect;
export type LetterReplyRow = typeof letterReplies.$inferSelect;
export type LetterPhotoRow = typeof letterPhotos.$inferSelect;

/** A letter with what its presenter needs: the writer's name and unit (the presenter decides who sees them) and its replies. */
export interface LetterRows {
  letter: LetterRow;
  writerName: string;
  unitName: string | null;
  replies: LetterReplyRow[];
  photos: LetterPhotoRow[];
}

export interface BoardLetterRows {
  letter: LetterRow;
  writerName: string;
  replies: LetterReplyRow[];
  followCount: number;
  following: boolean;
}

/** The letter, or a 404. `lock` holds its row until the transaction ends (every state move takes it). */
export async function findLetter(db: Queryable, id: number, options: { lock?: boolean } = {}): Promise<LetterRow> {
  const query = db.select().from(letters).where(eq(letters.id, id));
  const [letter] = options.lock ? await query.for('update') : await query;
  if (!letter) throw notFound('信件');
  return letter;
}

export async function hasHeldReply(db: Queryable, letterId: number): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(letterReplies)
    .where(and(eq(letterReplies.letterId, letterId), eq(letterReplies.held, true)));
  return (row?.n ?? 0) > 0;
}

/** Letters the writer sent on this Asia/Shanghai day. */
export async function countLettersWrittenOn(db: Queryable, writerId: number, day: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(letters)
    .where(and(eq(letters.writerId, writerId), eq(letters.writtenOn, day)));
  return row?.n ?? 0;
}

/** Members of the unit marked 书记 on its roster (with a bound WeChat account or not). */
export async function unitSecretaries(db: Queryable, unitId: number): Promise<Array<{ id: number; openid: string | null }>> {
  return db
    .select({ id: members.id, openid: members.openid })
    .from(members)
    .where(and(eq(members.unitId, unitId), sql`'party_secretary' = any(${members.roles})`));
}

export async function writerOpenid(db: Queryable, writerId: number): Promise<string | null> {
  const [row] = await db.select({ openid: members.openid }).from(members).where(eq(members.id, writerId));
  return row?.openid ?? null;
}

const withNames = { letter: letters, writerName: members.name, unitName: units.name };

async function withReplies<Row extends { letter: LetterRow }>(
  db: Queryable,
  rows: Row[],
): Promise<Array<Row & { replies: LetterReplyRow[]; photos: LetterPhotoRow[] }>> {
  const ids = rows.map((row) => row.letter.id);
  const replies = ids.length
    ? await db.select().from(letterReplies).where(inArray(letterReplies.letterId, ids)).orderBy(asc(letterReplies.id))
    : [];
  const photos = ids.length
    ? await db.select().from(letterPhotos).where(inArray(letterPhotos.letterId, ids)).orderBy(asc(letterPhotos.id))
    : [];
  return rows.map((row) => ({
    ...row,
    replies: replies.filter((reply) => reply.letterId === row.letter.id),
    photos: photos.filter((photo) => photo.letterId === row.letter.id),
  }));
}

/** The photo, or a 404 naming it. */
export async function findLetterPhoto(db: Queryable, id: number): Promise<LetterPhotoRow> {
  const [photo] = await db.select().from(letterPhotos).where(eq(letterPhotos.id, id));
  if (!photo) throw notFound('照片');
  return photo;
}

/** Photos the member uploaded since `since` that no letter has taken yet. */
export async function countUnsentLetterPhotos(db: Queryable, uploaderId: number, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(letterPhotos)
    .where(and(eq(letterPhotos.uploaderId, uploaderId), sql`${letterPhotos.letterId} is null`, gte(letterPhotos.createdAt, since)));
  return row?.n ?? 0;
}

export async function loadLetter(db: Queryable, id: number): Promise<LetterRows> {
  const [row] = await db
    .select(withNames)
    .from(letters)
    .innerJoin(members, eq(members.id, letters.writerId))
    .leftJoin(units, eq(units.id, letters.unitId))
    .where(eq(letters.id, id));
  if (!row) throw notFound('信件');
  return (await withReplies(db, [row]))[0]!;
}

async function listLetters(db: Queryable, where: SQL | undefined, order: SQL[], query: PageQuery): Promise<Page<LetterRows>> {
  const page = await paginate(query, {
    count: db.select({ n: count() }).from(letters).where(where),
    rows: db
      .select(withNames)
      .from(letters)
      .innerJoin(members, eq(members.id, letters.writerId))
      .leftJoin(units, eq(units.id, letters.unitId))
      .where(where)
      .orderBy(...order)
      .$dynamic(),
  });
  return { ...page, items: await withReplies(db, page.items) };
}

export function listWriterLetters(db: Queryable, writerId: number, query: PageQuery): Promise<Page<LetterRows>> {
  return listLetters(db, eq(letters.writerId, writerId), [desc(letters.createdAt), desc(letters.id)], query);
}

/** Whose inbox: a unit's secretaries (letters to them from the unit), or the secretariat. */
export type Inbox = { recipient: 'secretary'; unitId: number } | { recipient: 'secretariat' };

function inboxScope(inbox: Inbox): SQL {
  return inbox.recipient === 'secretary'
    ? and(eq(letters.recipient, 'secretary'), eq(letters.unitId, inbox.unitId))!
    : eq(letters.recipient, 'secretariat');
}

/** The day the reader must act by, as SQL (null when nothing waits on the reader). */
const dueOnSql = sql<string | null>`case when ${letters.status} = 'pending' then ${letters.acceptDueOn}
  when ${letters.status} in ('accepted', 'reopened') then ${letters.replyDueOn} end`;

export function listInbox(
  db: Queryable,
  inbox: Inbox,
  query: PageQuery & { view: 'open' | 'done' | 'overdue' },
  today: string,
): Promise<Page<LetterRows>> {
  const open = inArray(letters.status, ['pending', 'accepted', 'reopened']);
  const byView: Record<typeof query.view, SQL> = {
    open,
    done: inArray(letters.status, ['replied', 'rated']),
    overdue: sql`${dueOnSql} < ${today}`,
  };
  const order = query.view === 'done' ? [desc(letters.updatedAt), desc(letters.id)] : [asc(dueOnSql), asc(letters.id)];
  return listLetters(db, and(inboxScope(inbox), byView[query.view]), order, query);
}

/** Held letters and letters with a held reply, for the reviewer of that inbox. */
export function listHeld(db: Queryable, inbox: Inbox, query: PageQuery): Promise<Page<LetterRows>> {
  const heldReply = exists(
    db
      .select({ one: sql`1` })
      .from(letterReplies)
      .where(and(eq(letterReplies.letterId, letters.id), eq(letterReplies.held, true))),
  );
  return listLetters(db, and(inboxScope(inbox), or(eq(letters.status, 'held'), heldReply)), [asc(letters.id)], query);
}

/** 党群聊吧: the unit's replied letters whose writers agreed, newest first, with 我也关注 counts. */
export async function listBoard(db: Queryable, unitId: number, viewerId: number, query: PageQuery): Promise<Page<BoardLetterRows>> {
  const where = and(eq(letters.unitId, unitId), eq(letters.onBoard, true), inArray(letters.status, ['replied', 'reopened', 'rated']));
  const followCount = sql<number>`(select count(*)::int from ${letterFollows} where ${letterFollows.letterId} = ${letters.id})`;
  const following = sql<boolean>`exists (select 1 from ${letterFollows} where ${letterFollows.letterId} = ${letters.id} and ${letterFollows.memberId} = ${viewerId})`;
  const page = await paginate(query, {
    count: db.select({ n: count() }).from(letters).where(where),
    rows: db
      .select({ letter: letters, writerName: members.name, followCount, following })
      .from(letters)
      .innerJoin(members, eq(members.id, letters.writerId))
      .where(where)
      .orderBy(desc(letters.createdAt), desc(letters.id))
      .$dynamic(),
  });
  return { ...page, items: await withReplies(db, page.items) };
}

export async function followState(db: Queryable, letterId: number, memberId: number): Promise<{ following: boolean; followCount: number }> {
  const rows = await db.select({ memberId: letterFollows.memberId }).from(letterFollows).where(eq(letterFollows.letterId, letterId));
  return { following: rows.some((row) => row.memberId === memberId), followCount: rows.length };
}

/** Per unit: counts of letters to its secretaries by state and timeliness; no content leaves here. */
export async function letterTimeliness(db: Queryable, today: string) {
  const overdueNow = sql`${dueOnSql} < ${today}`;
  return db
    .select({
      unitId: units.id,
      unitName: units.name,
      total: sql<number>`count(${letters.id})::int`,
      waiting: sql<number>`(count(*) filter (where ${letters.status} in ('pending', 'accepted', 'reopened')))::int`,
      overdueNow: sql<number>`(count(*) filter (where ${overdueNow}))::int`,
      everOverdue: sql<number>`(count(*) filter (where ${isNotNull(letters.overdueAt)} or ${overdueNow}))::int`,
      replied: sql<number>`(count(*) filter (where ${letters.status} in ('replied', 'rated')))::int`,
      satisfied: sql<number>`(count(*) filter (where ${letters.rating} = 'satisfied'))::int`,
      fair: sql<number>`(count(*) filter (where ${letters.rating} = 'fair'))::int`,
      unsatisfied: sql<number>`(count(*) filter (where ${letters.rating} = 'unsatisfied'))::int`,
    })
    .from(letters)
    .innerJoin(units, eq(units.id, letters.unitId))
    .where(and(eq(letters.recipient, 'secretary'), inArray(letters.status, ['pending', 'accepted', 'replied', 'reopened', 'rated'])))
    .groupBy(units.id, units.name)
    .orderBy(desc(sql`count(*) filter (where ${overdueNow})`), asc(units.name));
}
