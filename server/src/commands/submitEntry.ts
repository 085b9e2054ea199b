import { countsTowardLimit, ENTRY_FIELD_LABELS, ENTRY_STATUSES, entryCompletenessProblems, entryRefusals } from '@zhijian/shared';
import { refuse } from '../errors';
import { findCall } from '../queries/calls';
import { countPlacesUsed, findEntry, type EntryRow } from '../queries/entries';
import { unitHoldsTopic } from '../queries/topics';
import type { CommandContext } from './context';
import { assertCallOpen } from './createEntry';
import { assertTransition, transitionEntry } from './transitionEntry';

const COUNTED = ENTRY_STATUSES.filter(countsTowardLimit);

/**
 * Hands an entry in (a returned one again). Locks in one order everywhere — the call, then the
 * entry: the call's row lock serialises the submissions of a call, so two phones cannot both take
 * the unit's last place. The close time is the server's; the entry must be complete
 * (shared/src/domain/entryCompleteness.ts), and a first submission must fit in the unit's places.
 */
export async function submitEntry(ctx: CommandContext, { entryId }: { entryId: number }): Promise<EntryRow> {
  const call = await findCall(ctx.tx, (await findEntry(ctx.tx, entryId)).callId, { lock: true });
  const entry = await findEntry(ctx.tx, entryId, { lock: true });
  const action = entry.status === 'returned' ? 'resubmit' : 'submit';
  assertTransition(entry.status, action);
  const first = action === 'submit';
  if (first) assertCallOpen(call, ctx.now, '征集已截止，不能再提交');

  const topicHeld =
    call.kind === 'research' && entry.topicId !== null ? await unitHoldsTopic(ctx.tx, entry.topicId, entry.unitId) : undefined;
  const problems = entryCompletenessProblems(entry, call, { topicHeld });
  if (problems.length) {
    throw refuse(entryRefusals.entry_incomplete, {
      issues: problems.map(({ field, message }) => ({ path: field, label: ENTRY_FIELD_LABELS[field], message })),
    });
  }

  if (first) {
    const used = await countPlacesUsed(ctx.tx, { callId: call.id, unitId: entry.unitId, except: entry.id, statuses: COUNTED });
    if (used >= call.entryLimit) throw refuse(entryRefusals.entry_limit_reached, { limit: call.entryLimit });
  }
  return transitionEntry(ctx, { entry, action, set: first ? { submittedAt: ctx.now } : {} });
}
