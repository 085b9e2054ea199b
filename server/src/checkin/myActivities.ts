import { and, eq, gte, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { CurrentUser } from '../auth/currentUser';
import type { Queryable } from '../db/client';
import { activities, activityGuests, hostSiteMembers } from '../db/schema';
import type { ActivityRow } from './activityQuery';
import { relationFrom, type Relation } from './roster';

/**
 * The activities a member takes part in: their host site's weekly meetings if they are an
 * attached mobile member, otherwise their unit's (and their branch's) activity days; plus any
 * they were invited to as a guest.
 */
export async function myActivityFilter(db: Queryable, user: CurrentUser): Promise<{ where: SQL; relationOf(row: ActivityRow): Relation }> {
  const [attached] = await db
    .select({ hostSiteId: hostSiteMembers.hostSiteId })
    .from(hostSiteMembers)
    .where(eq(hostSiteMembers.memberId, user.id));
  const asGuest = sql`${activities.id} in (select ${activityGuests.activityId} from ${activityGuests} where ${activityGuests.memberId} = ${user.id})`;
  let own: SQL | undefined;
  if (attached) own = eq(activities.hostSiteId, attached.hostSiteId);
  else if (user.unitId !== null && user.roles.includes('member')) {
    own = and(
      eq(activities.unitId, user.unitId),
      isNull(activities.hostSiteId),
      user.branchId === null ? isNull(activities.branchId) : or(isNull(activities.branchId), eq(activities.branchId, user.branchId)),
    );
  }
  return {
    where: own ? or(own, asGuest)! : asGuest,
    // Every row the filter lets through is the member's own or one they were invited to.
    relationOf: (row) => relationFrom(row, user, attached?.hostSiteId ?? null, true)!,
  };
}

export function startsBetween(start: Date, end: Date): SQL {
  return and(gte(activities.startsAt, start), lt(activities.startsAt, end))!;
}
