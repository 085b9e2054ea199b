import { WEEKDAY_LABELS, maskPhone, type ActivityRule, type HostSite } from '@zhijian/shared';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { type activityRules, branches, hostSiteMembers, hostSites, members, units } from '../db/schema';
import { scopeOf } from './activities';

type RuleRow = typeof activityRules.$inferSelect;

export function describeRule(rule: Pick<RuleRow, 'cadence' | 'dayOfMonth' | 'weekday' | 'startTime'>): string {
  return rule.cadence === 'monthly'
    ? `每月 ${rule.dayOfMonth} 日 ${rule.startTime}`
    : `每${WEEKDAY_LABELS[rule.weekday ?? 3]} ${rule.startTime}`;
}

export async function presentRules(db: Queryable, rows: RuleRow[]): Promise<ActivityRule[]> {
  const branchIds = rows.flatMap((r) => (r.branchId ? [r.branchId] : []));
  const siteIds = rows.flatMap((r) => (r.hostSiteId ? [r.hostSiteId] : []));
  const branchNames = new Map(
    branchIds.length
      ? (await db.select({ id: branches.id, name: branches.name }).from(branches).where(inArray(branches.id, branchIds))).map((b) => [
          b.id,
          b.name,
        ])
      : [],
  );
  const siteNames = new Map(
    siteIds.length
      ? (await db.select({ id: hostSites.id, name: hostSites.name }).from(hostSites).where(inArray(hostSites.id, siteIds))).map((s) => [
          s.id,
          s.name,
        ])
      : [],
  );
  return rows.map((rule) => ({
    id: rule.id,
    unitId: rule.unitId,
    scope: scopeOf(rule),
    branch: rule.branchId ? { id: rule.branchId, name: branchNames.get(rule.branchId) ?? '' } : null,
    hostSite: rule.hostSiteId ? { id: rule.hostSiteId, name: siteNames.get(rule.hostSiteId) ?? '' } : null,
    cadence: rule.cadence,
    dayOfMonth: rule.dayOfMonth,
    weekday: rule.weekday,
    startTime: rule.startTime,
    durationMinutes: rule.durationMinutes,
    title: rule.title,
    placeName: rule.placeName,
    placeAddress: rule.placeAddress,
    latitude: rule.latitude,
    longitude: rule.longitude,
    radiusMeters: rule.radiusMeters,
    agenda: rule.agenda,
    description: describeRule(rule),
  }));
}

export async function presentHostSites(db: Queryable, where: { unitId?: number; id?: number }): Promise<HostSite[]> {
  const sites = await db
    .select()
    .from(hostSites)
    .where(where.id ? eq(hostSites.id, where.id) : eq(hostSites.unitId, where.unitId!))
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
    id: site.id,
    unitId: site.unitId,
    name: site.name,
    members: attached
      .filter((m) => m.siteId === site.id)
      .map((m) => ({ id: m.id, name: m.name, phoneMasked: maskPhone(m.phone), unitName: m.unitName })),
  }));
}
