import { sql, type SQL } from 'drizzle-orm';
import type { CurrentUser } from '../auth/currentUser';
import type { Queryable } from '../db/client';
import { selectRows } from '../db/client';

/**
 * Who is expected at an activity (its roster), as it stands now:
 * - a host site's weekly meeting: the mobile members attached to that host site;
 * - a unit's (or a branch's) fixed activity day: the unit's (branch's) roster entries holding the
 *   member role, except mobile members attached to a host site — they meet there instead.
 * Also allowed to check in, without being expected: anyone else on the unit's roster, and guests
 * invited to that one activity.
 */
export type Relation = 'roster' | 'unit' | 'guest';

interface ActivityScope {
  id: number;
  unitId: number;
  branchId: number | null;
  hostSiteId: number | null;
}

/** `activity_id, member_id` pairs of the roster of every activity `acts` (a CTE with id, unit_id, branch_id, host_site_id). */
export function rosterPairs(acts: SQL): SQL {
  return sql`
    select a.id as activity_id, m.id as member_id
      from ${acts} a
      join members m on a.host_site_id is null and m.unit_id = a.unit_id
       and (a.branch_id is null or m.branch_id = a.branch_id)
       and 'member' = any(m.roles)
       and not exists (select 1 from host_site_members h where h.member_id = m.id)
    union all
    select a.id, h.member_id from ${acts} a join host_site_members h on h.host_site_id = a.host_site_id`;
}

/** How a member stands to an activity, from where they are attached and whether they were invited. */
export function relationFrom(
  activity: ActivityScope,
  member: Pick<CurrentUser, 'unitId' | 'branchId' | 'roles'>,
  attachedTo: number | null,
  invited: boolean,
): Relation | null {
  if (activity.hostSiteId !== null) {
    if (attachedTo === activity.hostSiteId) return 'roster';
  } else if (member.unitId === activity.unitId) {
    const inScope = activity.branchId === null || member.branchId === activity.branchId;
    if (attachedTo === null && inScope && member.roles.includes('member')) return 'roster';
  }
  if (member.unitId === activity.unitId) return 'unit';
  return invited ? 'guest' : null;
}

export async function relationOf(
  db: Queryable,
  activity: ActivityScope,
  member: Pick<CurrentUser, 'id' | 'unitId' | 'branchId' | 'roles'>,
): Promise<Relation | null> {
  const [row] = await selectRows<{ host_site_id: number | null; guest: boolean }>(
    db,
    sql`select (select host_site_id from host_site_members where member_id = ${member.id}) as host_site_id,
               exists (select 1 from activity_guests where activity_id = ${activity.id} and member_id = ${member.id}) as guest`,
  );
  return relationFrom(activity, member, row?.host_site_id ?? null, row?.guest ?? false);
}

export interface RosterMember {
  id: number;
  name: string;
  branchName: string | null;
}

export async function rosterOf(db: Queryable, activity: ActivityScope): Promise<RosterMember[]> {
  const acts = sql`(select ${activity.id}::int as id, ${activity.unitId}::int as unit_id, ${activity.branchId}::int as branch_id, ${activity.hostSiteId}::int as host_site_id)`;
  return selectRows<RosterMember>(
    db,
    sql`select m.id, m.name, b.name as "branchName"
          from (${rosterPairs(acts)}) r
          join members m on m.id = r.member_id
          left join branches b on b.id = m.branch_id
         order by b.name nulls first, m.id`,
  );
}

/**
 * The rosters of the activities whose ids `ids` lists (`(1, 2, …)`), in one query: who is expected
 * at which, by id only — a year's ledger of a unit expects the same few hundred members at each of
 * its activities, named once by `membersInRosterOrder`, not once per activity. Ordered by activity.
 */
export async function rostersOf(db: Queryable, ids: SQL): Promise<Array<{ activityId: number; memberId: number }>> {
  const acts = sql`(select id, unit_id, branch_id, host_site_id from activities where id in ${ids})`;
  return selectRows<{ activityId: number; memberId: number }>(
    db,
    sql`select r.activity_id as "activityId", r.member_id as "memberId" from (${rosterPairs(acts)}) r order by r.activity_id`,
  );
}

/**
 * The members `ids` names with their branch, in a roster's order (`rosterOf`'s: branch name, those
 * without first, then id): a roster listed by these members' positions here is in that order.
 */
export async function membersInRosterOrder(db: Queryable, ids: number[]): Promise<RosterMember[]> {
  return selectRows<RosterMember>(
    db,
    sql`select m.id, m.name, b.name as "branchName"
          from members m left join branches b on b.id = m.branch_id
         where m.id = any(${`{${ids.join(',')}}`}::int[])
         order by b.name nulls first, m.id`,
  );
}
