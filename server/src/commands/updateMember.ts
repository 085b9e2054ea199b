import { memberRefusals, type MemberChanges, type Role } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { members } from '../db/schema';
import { refuse } from '../errors';
import { presentMemberForAudit } from '../presenters/members';
import { findMember, type MemberRow } from '../queries/members';
import { audit } from './audit';
import type { Actor, CommandContext } from './context';
import { refuseForeignBranch, refuseFutureJoining, refuseTakenPhone } from './createMember';
import { revokeMemberSessions } from './revokeSessions';

const ADMIN_ROLES: readonly Role[] = ['secretariat', 'unit_admin'];

/** Nobody takes away their own admin role by accident: another admin does it. */
function refuseSelfDemotion(actor: Actor, memberId: number, roles: readonly Role[] | undefined): void {
  if (!actor || actor.id !== memberId || !roles) return;
  const keeps = actor.roles.filter((role) => ADMIN_ROLES.includes(role)).every((role) => roles.includes(role));
  if (!keeps) throw refuse(memberRefusals.cannot_drop_own_admin_role);
}

/**
 * Changes the fields given, and only those; who may grant which role is the route's policy. A role
 * taken away ends the member's sign-ins in the same transaction: their next request is refused.
 */
export async function updateMember(
  ctx: CommandContext,
  { member, changes }: { member: MemberRow; changes: MemberChanges },
): Promise<MemberRow> {
  const before = await findMember(ctx.tx, member.id, { lock: true });
  refuseSelfDemotion(ctx.actor, before.id, changes.roles);
  refuseFutureJoining(changes.joinedPartyOn, ctx.now);
  if (before.unitId !== null) {
    await refuseForeignBranch(ctx.tx, changes.branchId, before.unitId);
    if (changes.phone !== undefined) await refuseTakenPhone(ctx.tx, before.unitId, changes.phone, before.id);
  }
  const [after] = await ctx.tx
    .update(members)
    .set({ ...changes, updatedAt: ctx.now })
    .where(eq(members.id, before.id))
    .returning();
  await audit(ctx, {
    action: 'member.update',
    entity: 'member',
    entityId: before.id,
    before: presentMemberForAudit(before),
    after: presentMemberForAudit(after!),
  });
  if (before.roles.some((role) => !after!.roles.includes(role))) {
    await revokeMemberSessions(ctx, { memberId: before.id, reason: 'roles_reduced' });
  }
  return after!;
}
