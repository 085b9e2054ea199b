import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../commands/recordAudit';
import { transitionEntry } from '../../commands/transitionEntry';
import { calls, entries } from '../../db/schema';
import { conflict, legacyError } from '../../legacyErrors';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';
import { computeResults } from '../../submissions/results';
import { findCall } from '../calls';
import { resultExportRoutes } from './exports';

/** Ranking, tiers, closing the round and publishing: the secretariat's end of a contest. */
export function resultRoutes(services: AppServices, router: Router): Router {
  const { db, clock } = services;

  mount(router, services, api.results.get, async ({ params }) => computeResults(db, await findCall(db, params.id)));

  mount(router, services, api.results.setTiers, async ({ params, body, user }) =>
    db.transaction(async (tx) => {
      const call = await findCall(tx, params.id, true);
      if (call.resultsPublishedAt) throw conflict('结果已发布，不能再修改等次');
      const names = call.tiers.map((t) => t.name);
      const unknown = body.tiers.filter((t) => t.tier !== null && !names.includes(t.tier));
      if (unknown.length) {
        throw legacyError(
          'invalid_input',
          `等次应为：${names.join('、')}`,
          unknown.map((t) => ({ path: `body.tiers.${t.entryId}`, message: `没有“${t.tier}”这一等次` })),
        );
      }
      const ids = body.tiers.map((t) => t.entryId);
      const found = await tx
        .select({ id: entries.id, tier: entries.tier })
        .from(entries)
        .where(and(eq(entries.callId, call.id), inArray(entries.id, ids), eq(entries.status, 'in_review')));
      if (found.length !== new Set(ids).size) throw conflict('只能为本征集中正在评审的报送确定等次');
      for (const { entryId, tier } of body.tiers) {
        await tx.update(entries).set({ tier, updatedAt: clock.now() }).where(eq(entries.id, entryId));
      }
      await recordAudit(tx, {
        actor: user,
        action: 'call.set_tiers',
        entity: 'call',
        entityId: call.id,
        before: found,
        after: body.tiers,
        at: clock.now(),
      });
      return computeResults(tx, call);
    }),
  );

  mount(router, services, api.results.closeRound, async ({ params, body, user }) =>
    db.transaction(async (tx) => {
      const call = await findCall(tx, params.id, true);
      if (call.resultsPublishedAt) throw conflict('结果已经发布');
      if (call.reviewRoundClosedAt) throw conflict('评审轮次已经结束');
      const now = clock.now();
      const [after] = await tx
        .update(calls)
        .set({ reviewRoundClosedAt: now, reviewRoundClosedReason: body.reason, updatedAt: now })
        .where(eq(calls.id, call.id))
        .returning();
      await recordAudit(tx, {
        actor: user,
        action: 'call.close_round',
        entity: 'call',
        entityId: call.id,
        after: { reason: body.reason },
        at: now,
      });
      return computeResults(tx, after!);
    }),
  );

  mount(router, services, api.results.publish, async ({ params, user }) =>
    db.transaction(async (tx) => {
      const call = await findCall(tx, params.id, true);
      const before = await computeResults(tx, call);
      if (before.blocking.length) throw conflict(`还不能发布结果：${before.blocking.join('；')}`, { blocking: before.blocking });
      const now = clock.now();
      const rated = await tx
        .select()
        .from(entries)
        .where(and(eq(entries.callId, call.id), eq(entries.status, 'in_review')))
        .for('update');
      for (const entry of rated) {
        await transitionEntry(tx, entry, 'rate', { actor: user, at: now, bySecretariat: true, comment: entry.tier });
      }
      const [after] = await tx.update(calls).set({ resultsPublishedAt: now, updatedAt: now }).where(eq(calls.id, call.id)).returning();
      await recordAudit(tx, {
        actor: user,
        action: 'call.publish',
        entity: 'call',
        entityId: call.id,
        after: { rated: rated.length },
        at: now,
      });
      return computeResults(tx, after!);
    }),
  );

  resultExportRoutes(services, router);
  return router;
}
