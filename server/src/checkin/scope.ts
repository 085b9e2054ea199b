import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { branches, hostSites } from '../db/schema';
import { notFound } from '../errors';

/** A rule's or an activity's branch and host site, when given, must belong to its unit. */
export async function assertScopeInUnit(tx: Queryable, unitId: number, branchId: number | null, hostSiteId: number | null): Promise<void> {
  if (branchId) {
    const [branch] = await tx
      .select({ id: branches.id })
      .from(branches)
      .where(and(eq(branches.id, branchId), eq(branches.unitId, unitId)));
    if (!branch) throw notFound('本单位的支部');
  }
  if (hostSiteId) {
    const [site] = await tx
      .select({ id: hostSites.id })
      .from(hostSites)
      .where(and(eq(hostSites.id, hostSiteId), eq(hostSites.unitId, unitId)));
    if (!site) throw notFound('本单位的流动党员服务点');
  }
}
