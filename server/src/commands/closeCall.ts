import { callRefusals } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { calls } from '../db/schema';
import { refuse } from '../errors';
import { findCall, type CallRow } from '../queries/calls';
import { audit } from './audit';
import type { CommandContext } from './context';

/** Ends an open call now: nothing more can be handed in. */
export async function closeCall(ctx: CommandContext, { callId }: { callId: number }): Promise<CallRow> {
  const before = await findCall(ctx.tx, callId, { lock: true });
  if (before.closesAt.getTime() <= ctx.now.getTime()) {
    throw refuse(callRefusals.call_already_closed, { closesAt: before.closesAt.toISOString() });
  }
  if (before.opensAt.getTime() >= ctx.now.getTime()) {
    throw refuse(callRefusals.call_not_open, { opensAt: before.opensAt.toISOString() }, '征集尚未开始，请修改开始和截止时间');
  }
  const [after] = await ctx.tx.update(calls).set({ closesAt: ctx.now, updatedAt: ctx.now }).where(eq(calls.id, before.id)).returning();
  await audit(ctx, {
    action: 'call.close',
    entity: 'call',
    entityId: before.id,
    before: { closesAt: before.closesAt },
    after: { closesAt: ctx.now },
  });
  return after!;
}
