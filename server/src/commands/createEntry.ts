import { callPhase, callRefusals, type EntryDraftInput } from '@zhijian/shared';
import { entries } from '../db/schema';
import { refuse } from '../errors';
import { assertEntryReferences } from '../policies/entries';
import type { CallRow } from '../queries/calls';
import type { EntryRow } from '../queries/entries';
import { findTopicInCall } from '../queries/topics';
import { audit } from './audit';
import type { CommandContext } from './context';
import { recordEntryEvent } from './transitionEntry';

/** Refuses anything but an open call: not yet open, or past its close time by the command's clock. */
export function assertCallOpen(call: CallRow, now: Date, closedMessage?: string): void {
  const phase = callPhase(call, now);
  if (phase === 'upcoming') throw refuse(callRefusals.call_not_open, { opensAt: call.opensAt.toISOString() });
  if (phase === 'closed') throw refuse(callRefusals.call_closed, { closesAt: call.closesAt.toISOString() }, closedMessage);
}

/** Category and topic must belong to the call, on every save. */
export async function checkEntryReferences(ctx: CommandContext, call: CallRow, input: Pick<EntryDraftInput, 'category' | 'topicId'>) {
  const topicInCall = input.topicId ? Boolean(await findTopicInCall(ctx.tx, input.topicId, call.id)) : false;
  assertEntryReferences(call, input, { topicInCall });
}

/** A unit starts an entry in an open call: a draft only the unit sees until it is handed in. */
export async function createEntry(
  ctx: CommandContext,
  { call, unitId, contactName, input }: { call: CallRow; unitId: number; contactName: string; input: EntryDraftInput },
): Promise<EntryRow> {
  assertCallOpen(call, ctx.now, '征集已截止，不能再新建报送');
  await checkEntryReferences(ctx, call, input);
  const [created] = await ctx.tx
    .insert(entries)
    .values({
      callId: call.id,
      unitId,
      authorId: ctx.actor?.id ?? null,
      status: 'draft',
      title: input.title ?? '',
      category: input.category ?? null,
      summary: input.summary ?? '',
      body: input.body ?? '',
      contactName: input.contactName ?? contactName,
      contactPhone: input.contactPhone ?? '',
      topicId: input.topicId ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  await recordEntryEvent(ctx, { entryId: created!.id, action: 'create', from: null, to: 'draft' });
  await audit(ctx, { action: 'entry.create', entity: 'entry', entityId: created!.id, after: { callId: call.id, unitId } });
  return created!;
}
