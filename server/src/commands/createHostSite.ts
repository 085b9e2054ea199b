import { scheduleRefusals, type HostSiteInput } from '@zhijian/shared';
import { hostSites } from '../db/schema';
import { refuse } from '../errors';
import type { HostSiteRow } from '../queries/schedules';
import { audit } from './audit';
import type { CommandContext } from './context';

/** A new host site of the unit; names are unique within a unit (the unique key decides between simultaneous ones). */
export async function createHostSite(
  ctx: CommandContext,
  { unitId, input }: { unitId: number; input: HostSiteInput },
): Promise<HostSiteRow> {
  const [site] = await ctx.tx.insert(hostSites).values({ unitId, name: input.name, createdAt: ctx.now }).onConflictDoNothing().returning();
  if (!site) throw refuse(scheduleRefusals.host_site_name_taken);
  await audit(ctx, { action: 'host_site.create', entity: 'host_site', entityId: site.id, after: site });
  return site;
}
