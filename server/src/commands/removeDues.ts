import { duesRefusals } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { duesPayments } from '../db/schema';
import { refuse } from '../errors';
import { findRosterMember } from '../queries/recordMembers';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * The unit admin takes back a month recorded by mistake — only a record of this unit. A month
 * not recorded stays so (removing twice is not an error).
 */
export async function removeDues(
  ctx: CommandContext,
  { unitId, memberId, month }: { unitId: number; memberId: number; month: string },
): Promise<void> {
  const member = await findRosterMember(ctx.tx, unitId, memberId);
  if (!member) throw refuse(duesRefusals.member_not_in_unit);
  const [removed] = await ctx.tx
    .delete(duesPayments)
    .where(and(eq(duesPayments.memberId, member.id), eq(duesPayments.month, month), eq(duesPayments.unitId, unitId)))
    .returning();
  if (removed) await audit(ctx, { action: 'dues.remove', entity: 'dues_payment', entityId: removed.id, before: removed });
}
