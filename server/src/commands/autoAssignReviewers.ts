import { deskRefusals } from '@zhijian/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { entries, units } from '../db/schema';
import { refuse } from '../errors';
import { assertRoundOpen, pickReviewers } from '../policies/reviews';
import { findCall } from '../queries/calls';
import { activeLoadInCall, askedPerEntry, listReviewers } from '../queries/reviews';
import { addAssignment } from './addAssignment';
import { assertFutureDeadline, startReviewIfPassed } from './assignReviewer';
import type { CommandContext } from './context';

export interface AutoAssignment {
  assigned: Array<{ entryId: number; reviewerId: number }>;
  /** Entries that could not get enough reviewers without a conflict of interest. */
  short: Array<{ entryId: number; missing: number }>;
}

/**
 * Gives every entry that passed the pre-screen as many reviewers as the call asks for: the
 * least-loaded first, never one of the entry's unit or 片组, never one asked before. Under the
 * call's lock, so concurrent assignments see the same load.
 */
export async function autoAssignReviewers(
  ctx: CommandContext,
  { callId, deadline }: { callId: number; deadline: Date },
): Promise<AutoAssignment> {
  assertFutureDeadline(deadline, ctx.now);
  const call = await findCall(ctx.tx, callId, { lock: true });
  assertRoundOpen(call);
  if (call.reviewersPerEntry === 0) throw refuse(deskRefusals.no_review_needed);
  const waiting = await ctx.tx
    .select({ entry: entries, groupId: units.groupId })
    .from(entries)
    .innerJoin(units, eq(units.id, entries.unitId))
    .where(and(eq(entries.callId, call.id), inArray(entries.status, ['passed', 'in_review'])))
    .orderBy(asc(entries.registrationSequence), asc(entries.id))
    .for('update', { of: entries });
  const reviewers = await listReviewers(ctx.tx);
  const load = await activeLoadInCall(ctx.tx, call.id);
  const asked = await askedPerEntry(
    ctx.tx,
    waiting.map((w) => w.entry.id),
  );
  const result: AutoAssignment = { assigned: [], short: [] };
  for (const { entry, groupId } of waiting) {
    const { asked: alreadyAsked, active } = asked.get(entry.id)!;
    const needed = call.reviewersPerEntry - active;
    if (needed <= 0) continue;
    const picked = pickReviewers(reviewers, { unitId: entry.unitId, groupId }, alreadyAsked, load, needed);
    for (const reviewer of picked) {
      await addAssignment(ctx, { entryId: entry.id, reviewerId: reviewer.id, deadline, overrideReason: null, how: 'auto' });
      load.set(reviewer.id, (load.get(reviewer.id) ?? 0) + 1);
      result.assigned.push({ entryId: entry.id, reviewerId: reviewer.id });
    }
    if (picked.length) await startReviewIfPassed(ctx, entry);
    if (picked.length < needed) result.short.push({ entryId: entry.id, missing: needed - picked.length });
  }
  return result;
}
