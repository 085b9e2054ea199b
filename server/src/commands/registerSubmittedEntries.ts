import { and, asc, eq } from 'drizzle-orm';
import { entries } from '../db/schema';
import { findCall } from '../queries/calls';
import type { CommandContext } from './context';
import { registerLocked } from './registerEntry';

/** Registers every submitted entry of a call in the order they came in; the numbers follow that order. */
export async function registerSubmittedEntries(
  ctx: CommandContext,
  { callId }: { callId: number },
): Promise<Array<{ entryId: number; registrationNumber: string }>> {
  const call = await findCall(ctx.tx, callId, { lock: true });
  const waiting = await ctx.tx
    .select()
    .from(entries)
    .where(and(eq(entries.callId, call.id), eq(entries.status, 'submitted')))
    .orderBy(asc(entries.submittedAt), asc(entries.id))
    .for('update');
  const registered = [];
  for (const entry of waiting) {
    const after = await registerLocked(ctx, call, entry);
    registered.push({ entryId: after.id, registrationNumber: after.registrationNumber! });
  }
  return registered;
}
