import { scheduleRefusals } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { hostSiteMembers, members } from '../db/schema';
import { notFound, refuse } from '../errors';
import { findAttachment, type HostSiteRow } from '../queries/schedules';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * Attaches a mobile member to a host site: one of the unit's own (the secretariat may attach one
 * of any unit), at one site at a time (the member is the key). Attaching again changes nothing.
 */
export async function attachHostSiteMember(
  ctx: CommandContext,
  { site, memberId }: { site: HostSiteRow; memberId: number },
): Promise<void> {
  const [member] = await ctx.tx
    .select({ id: members.id, kind: members.kind, unitId: members.unitId })
    .from(members)
    .where(eq(members.id, memberId));
  const anyUnit = ctx.actor?.roles.includes('secretariat') ?? false;
  if (!member || (member.unitId !== site.unitId && !anyUnit)) throw notFound('本单位名册中的党员');
  if (member.kind !== 'mobile') throw refuse(scheduleRefusals.member_not_mobile, { memberId: member.id });
  const current = await findAttachment(ctx.tx, member.id);
  if (current && current.hostSiteId !== site.id) {
    throw refuse(scheduleRefusals.member_at_other_site, { memberId: member.id, hostSiteId: current.hostSiteId });
  }
  if (current) return;
  const attached = await ctx.tx
    .insert(hostSiteMembers)
    .values({ memberId: member.id, hostSiteId: site.id, attachedAt: ctx.now })
    .onConflictDoNothing()
    .returning();
  if (!attached.length) {
    // Attached at this very moment by someone else: elsewhere, or here.
    const winner = await findAttachment(ctx.tx, member.id);
    if (winner && winner.hostSiteId !== site.id) {
      throw refuse(scheduleRefusals.member_at_other_site, { memberId: member.id, hostSiteId: winner.hostSiteId });
    }
    return;
  }
  await audit(ctx, { action: 'host_site.attach', entity: 'host_site', entityId: site.id, after: { memberId: member.id } });
}
