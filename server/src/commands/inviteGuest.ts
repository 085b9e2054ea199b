import { activityRefusals } from '@zhijian/shared';
import { activityGuests } from '../db/schema';
import { notFound, refuse } from '../errors';
import { findMembersByPhone, type ActivityRow } from '../queries/activities';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * Invites a member of another unit, found by phone, to one activity: they may check in there,
 * listed as 列席, not expected. Inviting someone twice changes nothing but the audit log.
 */
export async function inviteGuest(
  ctx: CommandContext,
  { activity, phone }: { activity: ActivityRow; phone: string },
): Promise<{ id: number; name: string; unitName: string | null }> {
  const found = await findMembersByPhone(ctx.tx, phone);
  if (!found.length) throw notFound('该手机号的党员');
  if (found.length > 1) throw refuse(activityRefusals.guest_phone_ambiguous);
  const guest = found[0]!;
  if (guest.unitId === activity.unitId) throw refuse(activityRefusals.guest_in_own_unit);
  await ctx.tx
    .insert(activityGuests)
    .values({ activityId: activity.id, memberId: guest.id, invitedBy: ctx.actor?.id ?? null, createdAt: ctx.now })
    .onConflictDoNothing();
  await audit(ctx, { action: 'activity.invite_guest', entity: 'activity', entityId: activity.id, after: { memberId: guest.id } });
  return guest;
}
