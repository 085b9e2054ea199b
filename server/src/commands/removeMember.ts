import { memberRefusals } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { members } from '../db/schema';
import { refuse } from '../errors';
import { presentMemberForAudit } from '../presenters/members';
import { findMember, type MemberRow } from '../queries/members';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * Takes the entry off the roster; records naming it follow their foreign keys (a reviewer with
 * assignments stays: 409). Their sign-ins go with the row (`sessions` cascades), in this
 * transaction: the next request of any token of theirs is refused.
 */
export async function removeMember(ctx: CommandContext, { member }: { member: MemberRow }): Promise<void> {
  if (ctx.actor?.id === member.id) throw refuse(memberRefusals.cannot_remove_self);
  const before = await findMember(ctx.tx, member.id, { lock: true });
  await ctx.tx.delete(members).where(eq(members.id, before.id));
  await audit(ctx, { action: 'member.delete', entity: 'member', entityId: before.id, before: presentMemberForAudit(before) });
}
