import { and, eq } from 'drizzle-orm';
import { hostSiteMembers } from '../db/schema';
import { notFound } from '../errors';
import type { HostSiteRow } from '../queries/schedules';
import { audit } from './audit';
import type { CommandContext } from './context';

/** Takes a mobile member off a host site; they meet with their unit again. */
export async function detachHostSiteMember(
  ctx: CommandContext,
  { site, memberId }: { site: HostSiteRow; memberId: number },
): Promise<void> {
  const removed = await ctx.tx
    .delete(hostSiteMembers)
    .where(and(eq(hostSiteMembers.hostSiteId, site.id), eq(hostSiteMembers.memberId, memberId)))
    .returning();
  if (!removed.length) throw notFound('服务点中的该党员');
  await audit(ctx, { action: 'host_site.detach', entity: 'host_site', entityId: site.id, before: { memberId } });
}
