import { callRefusals, commonRefusals, resultRefusals, type TiersInput } from '@zhijian/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { entries } from '../db/schema';
import { refuse } from '../errors';
import { findCall, type CallRow } from '../queries/calls';
import { audit } from './audit';
import type { CommandContext } from './context';

/** The secretariat decides the tiers of entries under review, from the call's own tiers, until results are out. */
export async function setTiers(ctx: CommandContext, { callId, tiers }: { callId: number; tiers: TiersInput['tiers'] }): Promise<CallRow> {
  const call = await findCall(ctx.tx, callId, { lock: true });
  if (call.resultsPublishedAt) {
    throw refuse(callRefusals.results_published, { publishedAt: call.resultsPublishedAt.toISOString() }, '结果已发布，不能再修改等次');
  }
  const names = call.tiers.map((t) => t.name);
  const unknown = tiers.flatMap((t, index) => (t.tier !== null && !names.includes(t.tier) ? [{ ...t, index }] : []));
  if (unknown.length) {
    throw refuse(
      commonRefusals.invalid_fields,
      { issues: unknown.map((t) => ({ path: `body.tiers.${t.index}.tier`, label: '等次', message: `没有“${t.tier}”这一等次` })) },
      `等次应为：${names.join('、')}`,
    );
  }
  const ids = [...new Set(tiers.map((t) => t.entryId))];
  const found = await ctx.tx
    .select({ id: entries.id, tier: entries.tier })
    .from(entries)
    .where(and(eq(entries.callId, call.id), inArray(entries.id, ids), eq(entries.status, 'in_review')));
  if (found.length !== ids.length) {
    const inReview = new Set(found.map((f) => f.id));
    throw refuse(resultRefusals.entries_not_in_review, { entryIds: ids.filter((id) => !inReview.has(id)) });
  }
  for (const { entryId, tier } of tiers) {
    await ctx.tx.update(entries).set({ tier, updatedAt: ctx.now }).where(eq(entries.id, entryId));
  }
  await audit(ctx, { action: 'call.set_tiers', entity: 'call', entityId: call.id, before: found, after: tiers });
  return call;
}
