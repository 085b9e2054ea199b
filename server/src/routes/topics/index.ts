import type Router from '@koa/router';
import { api, type Topic } from '@zhijian/shared';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { CurrentUser } from '../../auth/currentUser';
import { recordAudit } from '../../commands/recordAudit';
import type { Queryable } from '../../db/client';
import { groups, researchTopics, topicClaims, units } from '../../db/schema';
import { forbidden, notFound } from '../../errors';
import { conflict, legacyError } from '../../legacyErrors';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';
import { findCall } from '../calls';

async function presentTopics(db: Queryable, topicIds: number[], user: CurrentUser): Promise<Topic[]> {
  if (topicIds.length === 0) return [];
  const topicRows = await db.select().from(researchTopics).where(inArray(researchTopics.id, topicIds)).orderBy(asc(researchTopics.id));
  const claims = await db
    .select({ claim: topicClaims, unitName: units.name, groupName: groups.name })
    .from(topicClaims)
    .innerJoin(units, eq(units.id, topicClaims.unitId))
    .leftJoin(groups, eq(groups.id, topicClaims.groupId))
    .where(inArray(topicClaims.topicId, topicIds))
    .orderBy(asc(topicClaims.createdAt), asc(topicClaims.id));
  return topicRows.map((topic) => {
    const own = claims.filter((c) => c.claim.topicId === topic.id);
    return {
      id: topic.id,
      callId: topic.callId,
      title: topic.title,
      description: topic.description,
      claims: own.map(({ claim, unitName, groupName }) => ({
        id: claim.id,
        unitId: claim.unitId,
        unitName,
        groupName: claim.groupId === null ? null : groupName,
        status: claim.status,
        note: claim.note,
        claimedAt: claim.createdAt.toISOString(),
      })),
      myClaimId: own.find((c) => user.unitId !== null && c.claim.unitId === user.unitId)?.claim.id ?? null,
    };
  });
}

async function presentTopic(db: Queryable, id: number, user: CurrentUser): Promise<Topic> {
  const [topic] = await presentTopics(db, [id], user);
  if (!topic) throw notFound('课题');
  return topic;
}

async function findTopic(db: Queryable, id: number) {
  const [topic] = await db.select().from(researchTopics).where(eq(researchTopics.id, id));
  if (!topic) throw notFound('课题');
  return topic;
}

async function findClaim(db: Queryable, id: number) {
  const [claim] = await db.select().from(topicClaims).where(eq(topicClaims.id, id)).for('update');
  if (!claim) throw notFound('认领');
  return claim;
}

/** One confirmed claim per topic: confirming or reassigning a claim makes it the one. */
async function confirmOnly(tx: Queryable, topicId: number, claimId: number): Promise<void> {
  const [confirmed] = await tx
    .select({ id: topicClaims.id })
    .from(topicClaims)
    .where(and(eq(topicClaims.topicId, topicId), eq(topicClaims.status, 'confirmed'), ne(topicClaims.id, claimId)));
  if (confirmed) throw conflict('该课题已确认由其他单位承担；请先调剂那一项认领');
}

/** Research topics: the secretariat lists them, units (or 片组 through a unit) claim, the secretariat confirms or reassigns. */
export function topicRoutes(services: AppServices, router: Router): Router {
  const { db, clock } = services;

  mount(router, services, api.topics.list, async ({ params, user }) => {
    await findCall(db, params.id);
    const rows = await db.select({ id: researchTopics.id }).from(researchTopics).where(eq(researchTopics.callId, params.id));
    return {
      items: await presentTopics(
        db,
        rows.map((r) => r.id),
        user,
      ),
    };
  });

  mount(router, services, api.topics.create, async ({ params, body, user }) =>
    db.transaction(async (tx) => {
      const call = await findCall(tx, params.id);
      if (call.kind !== 'research') throw conflict('只有课题调研才能列出课题');
      const [created] = await tx
        .insert(researchTopics)
        .values({ callId: call.id, ...body, createdAt: clock.now() })
        .returning();
      await recordAudit(tx, {
        actor: user,
        action: 'topic.create',
        entity: 'research_topic',
        entityId: created!.id,
        after: created,
        at: clock.now(),
      });
      return presentTopic(tx, created!.id, user);
    }),
  );

  mount(router, services, api.topics.update, async ({ params, body, user }) =>
    db.transaction(async (tx) => {
      const before = await findTopic(tx, params.id);
      const [after] = await tx.update(researchTopics).set(body).where(eq(researchTopics.id, before.id)).returning();
      await recordAudit(tx, {
        actor: user,
        action: 'topic.update',
        entity: 'research_topic',
        entityId: before.id,
        before,
        after,
        at: clock.now(),
      });
      return presentTopic(tx, before.id, user);
    }),
  );

  mount(router, services, api.topics.claim, async ({ params, body, user }) =>
    db.transaction(async (tx) => {
      const topic = await findTopic(tx, params.id);
      if (user.unitId === null) throw forbidden('只有会员单位可以认领课题');
      const call = await findCall(tx, topic.callId);
      if (call.closesAt.getTime() <= clock.now().getTime()) throw legacyError('deadline_passed', '课题调研已截止');
      const [unit] = await tx.select({ groupId: units.groupId }).from(units).where(eq(units.id, user.unitId));
      const [created] = await tx
        .insert(topicClaims)
        .values({
          topicId: topic.id,
          unitId: user.unitId,
          groupId: body.forGroup ? unit!.groupId : null,
          note: body.note ?? null,
          claimedBy: user.id,
          createdAt: clock.now(),
        })
        .onConflictDoNothing()
        .returning();
      if (!created) throw conflict('本单位已认领过这个课题');
      await recordAudit(tx, {
        actor: user,
        action: 'topic.claim',
        entity: 'topic_claim',
        entityId: created.id,
        after: created,
        at: clock.now(),
      });
      return presentTopic(tx, topic.id, user);
    }),
  );

  mount(router, services, api.topics.confirmClaim, async ({ params, user }) =>
    db.transaction(async (tx) => {
      const claim = await findClaim(tx, params.id);
      if (claim.status === 'confirmed') throw conflict('该认领已确认');
      await confirmOnly(tx, claim.topicId, claim.id);
      const now = clock.now();
      await tx.update(topicClaims).set({ status: 'confirmed', decidedBy: user.id, decidedAt: now }).where(eq(topicClaims.id, claim.id));
      await recordAudit(tx, {
        actor: user,
        action: 'topic.confirm',
        entity: 'topic_claim',
        entityId: claim.id,
        before: { status: claim.status },
        after: { status: 'confirmed' },
        at: now,
      });
      return presentTopic(tx, claim.topicId, user);
    }),
  );

  mount(router, services, api.topics.reassignClaim, async ({ params, body, user }) =>
    db.transaction(async (tx) => {
      const claim = await findClaim(tx, params.id);
      const [unit] = await tx.select({ id: units.id }).from(units).where(eq(units.id, body.unitId));
      if (!unit) throw notFound('单位');
      await confirmOnly(tx, claim.topicId, claim.id);
      const [taken] = await tx
        .select({ id: topicClaims.id })
        .from(topicClaims)
        .where(and(eq(topicClaims.topicId, claim.topicId), eq(topicClaims.unitId, body.unitId), ne(topicClaims.id, claim.id)));
      if (taken) throw conflict('该单位已认领这个课题，请直接确认那一项认领');
      const now = clock.now();
      await tx
        .update(topicClaims)
        .set({ unitId: body.unitId, groupId: null, status: 'confirmed', note: body.reason, decidedBy: user.id, decidedAt: now })
        .where(eq(topicClaims.id, claim.id));
      await recordAudit(tx, {
        actor: user,
        action: 'topic.reassign',
        entity: 'topic_claim',
        entityId: claim.id,
        before: { unitId: claim.unitId, status: claim.status },
        after: { unitId: body.unitId, status: 'confirmed', reason: body.reason },
        at: now,
      });
      return presentTopic(tx, claim.topicId, user);
    }),
  );

  return router;
}
