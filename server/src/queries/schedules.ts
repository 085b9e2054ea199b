import { DEFAULT_CHECKIN_SETTINGS, type CheckinSettings } from '@zhijian/shared';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { activityRules, branches, checkinSettings, hostSiteMembers, hostSites, members, units } from '../db/schema';
import { notFound } from '../errors';

export type RuleRow = typeof activityRules.$inferSelect;

/** A rule with the names of the branch or host site it belongs to. */
export interface RuleWithNames {
  rule: RuleRow;
  branchName: string | null;
  hostSiteName: string | null;
}

function selectRules(db: Queryable) {
  return db
    .select({ rule: activityRules, branchName: branches.name, hostSiteName: hostSites.name })
    .from(activityRules)
    .leftJoin(branches, eq(branches.id, activityRules.branchId))
    .leftJoin(hostSites, eq(hostSites.id, activityRules.hostSiteId));
}

/** The rule, or a 404 naming it. `lock` holds its row until the transaction ends. */
export async function findRule(db: Queryable, id: number, options: { lock?: boolean } = {}): Promise<RuleRow> {
  const query = db.select().from(activityRules).where(eq(activityRules.id, id));
  const [rule] = options.lock ? await query.for('update') : await query;
  if (!rule) throw notFound('活动规则');
  return rule;
}

export async function loadRule(db: Queryable, id: number): Promise<RuleWithNames> {
  const [row] = await selectRules(db).where(eq(activityRules.id, id));
  if (!row) throw notFound('活动规则');
  return row;
}

export async function listRules(db: Queryable, unitId: number): Promise<RuleWithNames[]> {
  return selectRules(db).where(eq(activityRules.unitId, unitId)).orderBy(asc(activityRules.id));
}

/** The unit's rule for exactly this scope (the unit, one branch or one host site), if it has one. */
export async function findRuleInScope(
  db: Queryable,
  scope: { unitId: number; branchId: number | null; hostSiteId: number | null },
): Promise<{ id: number } | undefined> {
  const [rule] = await db
    .select({ id: activityRules.id })
    .from(activityRules)
    .where(
      and(
        eq(activityRules.unitId, scope.unitId),
        scope.branchId ? eq(activityRules.branchId, scope.branchId) : isNull(activityRules.branchId),
        scope.hostSiteId ? eq(activityRules.hostSiteId, scope.hostSiteId) : isNull(activityRules.hostSiteId),
      ),
    );
  return rule;
}

/** Every rule, for the generation that keeps each three months ahead. */
export async function listAllRuleIds(db: Queryable): Promise<number[]> {
  return (await db.select({ id: activityRules.id }).from(activityRules).orderBy(asc(activityRules.id))).map((rule) => rule.id);
}

/** A rule's or an activity's branch and host site, when given, must belong to its unit: a 404 otherwise. */
export async function assertScopeInUnit(db: Queryable, unitId: number, branchId: number | null, hostSiteId: number | null): Promise<void> {
  if (branchId) {
    const [branch] = await db
      .select({ id: branches.id })
      .from(branches)
      .where(and(eq(branches.id, branchId), eq(branches.unitId, unitId)));
    if (!branch) throw notFound('本单位的支部');
  }
  if (hostSiteId) {
    const [site] = await db
      .select({ id: hostSites.id })
      .from(hostSites)
      .where(and(eq(hostSites.id, hostSiteId), eq(hostSites.unitId, unitId)));
    if (!site) throw notFound('本单位的流动党员服务点');
  }
}

export type HostSiteRow = typeof hostSites.$inferSelect;

/** The host site, or a 404 naming it. */
export async function findHostSite(db: Queryable, id: number): Promise<HostSiteRow> {
  const [site] = await db.select().from(hostSites).where(eq(hostSites.id, id));
  if (!site) throw notFound('流动党员服务点');
  return site;
}

export interface HostSiteRows {
  site: HostSiteRow;
  members: Array<{ id: number; name: string; phone: string; unitName: string | null }>;
}

/** Host sites — a unit's, or one by id — with the mobile members attached to each. */
export async function loadHostSites(db: Queryable, where: { unitId: number } | { id: number }): Promise<HostSiteRows[]> {
  const sites = await db
    .select()
    .from(hostSites)
    .where('id' in where ? eq(hostSites.id, where.id) : eq(hostSites.unitId, where.unitId))
    .orderBy(asc(hostSites.id));
  if (!sites.length) return [];
  const attached = await db
    .select({ siteId: hostSiteMembers.hostSiteId, id: members.id, name: members.name, phone: members.phone, unitName: units.name })
    .from(hostSiteMembers)
    .innerJoin(members, eq(members.id, hostSiteMembers.memberId))
    .leftJoin(units, eq(units.id, members.unitId))
    .where(
      inArray(
        hostSiteMembers.hostSiteId,
        sites.map((s) => s.id),
      ),
    )
    .orderBy(asc(members.id));
  return sites.map((site) => ({
    site,
    members: attached.filter((m) => m.siteId === site.id).map(({ siteId: _siteId, ...member }) => member),
  }));
}

export async function loadHostSite(db: Queryable, id: number): Promise<HostSiteRows> {
  const [rows] = await loadHostSites(db, { id });
  if (!rows) throw notFound('流动党员服务点');
  return rows;
}

/** The host site a mobile member is attached to, if any. */
export async function findAttachment(db: Queryable, memberId: number): Promise<typeof hostSiteMembers.$inferSelect | undefined> {
  const [current] = await db.select().from(hostSiteMembers).where(eq(hostSiteMembers.memberId, memberId));
  return current;
}

/** The unit's check-in settings, or the defaults when it never changed them. */
export async function loadCheckinSettings(db: Queryable, unitId: number): Promise<CheckinSettings> {
  const [row] = await db.select().from(checkinSettings).where(eq(checkinSettings.unitId, unitId));
  if (!row) return { ...DEFAULT_CHECKIN_SETTINGS };
  return {
    windowBeforeMinutes: row.windowBeforeMinutes,
    windowAfterMinutes: row.windowAfterMinutes,
    lateAfterMinutes: row.lateAfterMinutes,
    geofence: row.geofence,
  };
}
