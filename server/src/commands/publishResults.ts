import { callRefusals, resultRefusals } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { calls, entries } from '../db/schema';
import { refuse } from '../errors';
import { publishBlockers } from '../policies/results';
import { findCall, type CallRow } from '../queries/calls';
import { loadResultRows } from '../queries/results';
import { audit } from './audit';
import type { CommandContext } from './context';
import { transitionEntry } from './transitionEntry';

/** Publishes a call's results once nothing stands in the way: every entry under review is rated with its tier. */
export async function publishResults(ctx: CommandContext, { callId }: { callId: number }): Promise<CallRow> {
  const call = await findCall(ctx.tx, callId, { lock: true });
  if (call.resultsPublishedAt) {
    throw refuse(callRefusals.results_published, { publishedAt: call.resultsPublishedAt.toISOString() }, '结果已经发布');
  }
  const blocking = publishBlockers(await loadResultRows(ctx.tx, call));
  if (blocking.length) throw refuse(resultRefusals.publish_blocked, { blocking });
  const rated = await ctx.tx
    .select()
    .from(entries)
    .where(and(eq(entries.callId, call.id), eq(entries.status, 'in_review')))
    .for('update');
  for (const entry of rated) {
    await transitionEntry(ctx, { entry, action: 'rate', bySecretariat: true, comment: entry.tier });
  }
  const [after] = await ctx.tx
    .update(calls)
    .set({ resultsPublishedAt: ctx.now, updatedAt: ctx.now })
    .where(eq(calls.id, call.id))
    .returning();
  await audit(ctx, { action: 'call.publish', entity: 'call', entityId: call.id, after: { rated: rated.length } });
  return after!;
}
