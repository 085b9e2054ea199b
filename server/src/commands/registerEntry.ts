import { registrationNumber } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { calls } from '../db/schema';
import { findCall, type CallRow } from '../queries/calls';
import { findEntry, type EntryRow } from '../queries/entries';
import type { CommandContext } from './context';
import { transitionEntry } from './transitionEntry';

/**
 * Registers one entry under its call's row lock (the caller holds it): the next number of the
 * call, in order. A resubmitted entry keeps the number it was first given.
 */
export async function registerLocked(ctx: CommandContext, call: CallRow, entry: EntryRow): Promise<EntryRow> {
  if (entry.registrationNumber) {
    return transitionEntry(ctx, { entry, action: 'register', bySecretariat: true, comment: '修改后重新登记，编号不变' });
  }
  const sequence = call.nextSequence;
  await ctx.tx
    .update(calls)
    .set({ nextSequence: sequence + 1 })
    .where(eq(calls.id, call.id));
  call.nextSequence = sequence + 1;
  return transitionEntry(ctx, {
    entry,
    action: 'register',
    bySecretariat: true,
    set: { registrationNumber: registrationNumber(call.year, call.code, sequence), registrationSequence: sequence, registeredAt: ctx.now },
  });
}

/** The secretariat registers an entry it received; locks the call, then the entry. */
export async function registerEntry(ctx: CommandContext, { entryId }: { entryId: number }): Promise<EntryRow> {
  const call = await findCall(ctx.tx, (await findEntry(ctx.tx, entryId)).callId, { lock: true });
  return registerLocked(ctx, call, await findEntry(ctx.tx, entryId, { lock: true }));
}
