import { WEEKDAY_LABELS, maskPhone, type ActivityRule, type HostSite } from '@zhijian/shared';
import type { HostSiteRows, RuleRow, RuleWithNames } from '../queries/schedules';
import { scopeOf } from './activities';

/** e.g. 每月 15 日 14:00 or 每周三 19:00. */
export function describeRule(rule: Pick<RuleRow, 'cadence' | 'dayOfMonth' | 'weekday' | 'startTime'>): string {
  return rule.cadence === 'monthly'
    ? `每月 ${rule.dayOfMonth} 日 ${rule.startTime}`
    : `每${WEEKDAY_LABELS[rule.weekday ?? 3]} ${rule.startTime}`;
}

export function presentRule({ rule, branchName, hostSiteName }: RuleWithNames): ActivityRule {
  return {
    id: rule.id,
    unitId: rule.unitId,
    scope: scopeOf(rule),
    branch: rule.branchId ? { id: rule.branchId, name: branchName ?? '' } : null,
    hostSite: rule.hostSiteId ? { id: rule.hostSiteId, name: hostSiteName ?? '' } : null,
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
  };
}

/** A host site with its mobile members; phone numbers masked. */
export function presentHostSite({ site, members }: HostSiteRows): HostSite {
  return {
    id: site.id,
    unitId: site.unitId,
    name: site.name,
    members: members.map((m) => ({ id: m.id, name: m.name, phoneMasked: maskPhone(m.phone), unitName: m.unitName })),
  };
}
