import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { groups, researchTopics, topicClaims, units } from '../db/schema';
import { notFound } from '../errors';

export type TopicRow = typeof researchTopics.$inferSelect;
export type TopicClaimRow = typeof topicClaims.$inferSelect;

export async function findTopic(db: Queryable, id: number): Promise<TopicRow> {
  const [topic] = await db.select().from(researchTopics).where(eq(researchTopics.id, id));
  if (!topic) throw notFound('课题');
  return topic;
}

/** The topic if it is one of the call's, else undefined. */
export async function findTopicInCall(db: Queryable, topicId: number, callId: number): Promise<TopicRow | undefined> {
  const [topic] = await db
    .select()
    .from(researchTopics)
    .where(and(eq(researchTopics.id, topicId), eq(researchTopics.callId, callId)));
  return topic;
}

/** The claim, or a 404; `lock` holds its row until the transaction ends. */
export async function findTopicClaim(db: Queryable, id: number, options: { lock?: boolean } = {}): Promise<TopicClaimRow> {
  const query = db.select().from(topicClaims).where(eq(topicClaims.id, id));
  const [claim] = options.lock ? await query.for('update') : await query;
  if (!claim) throw notFound('认领');
  return claim;
}

/** The confirmed claim on a topic other than `except`, if any: one unit carries each topic. */
export async function findOtherConfirmedClaim(db: Queryable, topicId: number, except: number): Promise<TopicClaimRow | undefined> {
  const [claim] = await db
    .select()
    .from(topicClaims)
    .where(and(eq(topicClaims.topicId, topicId), eq(topicClaims.status, 'confirmed'), ne(topicClaims.id, except)));
  return claim;
}

/** A unit's claim on a topic other than `except`, if any. */
export async function findOtherClaimOfUnit(
  db: Queryable,
  topicId: number,
  unitId: number,
  except: number,
): Promise<TopicClaimRow | undefined> {
  const [claim] = await db
    .select()
    .from(topicClaims)
    .where(and(eq(topicClaims.topicId, topicId), eq(topicClaims.unitId, unitId), ne(topicClaims.id, except)));
  return claim;
}

/** Whether the unit carries the topic: its claim on it is confirmed. */
export async function unitHoldsTopic(db: Queryable, topicId: number, unitId: number): Promise<boolean> {
  const [claim] = await db
    .select({ id: topicClaims.id })
    .from(topicClaims)
    .where(and(eq(topicClaims.topicId, topicId), eq(topicClaims.unitId, unitId), eq(topicClaims.status, 'confirmed')));
  return Boolean(claim);
}

export interface TopicClaimWithNames {
  claim: TopicClaimRow;
  unitName: string;
  groupName: string | null;
}

/** Topics with their claims (each with the unit's and the 片组's names): what `presentTopic` needs. */
export interface TopicRows {
  topic: TopicRow;
  claims: TopicClaimWithNames[];
}

async function loadTopicsWhere(db: Queryable, topicRows: TopicRow[]): Promise<TopicRows[]> {
  if (topicRows.length === 0) return [];
  const claims = await db
    .select({ claim: topicClaims, unitName: units.name, groupName: groups.name })
    .from(topicClaims)
    .innerJoin(units, eq(units.id, topicClaims.unitId))
    .leftJoin(groups, eq(groups.id, topicClaims.groupId))
    .where(
      inArray(
        topicClaims.topicId,
        topicRows.map((t) => t.id),
      ),
    )
    .orderBy(asc(topicClaims.createdAt), asc(topicClaims.id));
  return topicRows.map((topic) => ({ topic, claims: claims.filter((c) => c.claim.topicId === topic.id) }));
}

/** The call's topics in the order they were listed, with their claims. */
export async function loadTopicsOfCall(db: Queryable, callId: number): Promise<TopicRows[]> {
  const topicRows = await db.select().from(researchTopics).where(eq(researchTopics.callId, callId)).orderBy(asc(researchTopics.id));
  return loadTopicsWhere(db, topicRows);
}

export async function loadTopic(db: Queryable, id: number): Promise<TopicRows> {
  const [rows] = await loadTopicsWhere(db, [await findTopic(db, id)]);
  return rows!;
}
