import type { ActivityDetail, ActivityListItem, ActivityRule } from '@zhijian/shared';

/** An activity of unit 7 on 2026-11-25 at 14:00 Beijing time, not started yet. */
export function makeActivityListItem(overrides: Partial<ActivityListItem> = {}): ActivityListItem {
  return {
    id: 9,
    unitId: 7,
    unitName: '荣盛集团',
    title: '主题党日：创客沙龙',
    startsAt: '2026-11-25T06:00:00.000Z',
    endsAt: '2026-11-25T08:00:00.000Z',
    placeName: '党群服务中心',
    placeAddress: '萧山区荣盛路 1 号',
    origin: 'generated',
    scope: 'unit',
    branchName: null,
    hostSiteName: null,
    moved: null,
    window: { opensAt: '2026-11-25T05:30:00.000Z', closesAt: '2026-11-25T06:30:00.000Z', lateAfter: '2026-11-25T06:10:00.000Z' },
    phase: 'upcoming',
    ...overrides,
  };
}

/** The organiser's view of that activity. */
export function makeActivityDetail(overrides: Partial<ActivityDetail> = {}): ActivityDetail {
  return {
    ...makeActivityListItem(),
    latitude: null,
    longitude: null,
    radiusMeters: null,
    agenda: [{ kind: 'segment', title: '创客沙龙' }],
    materials: '',
    summary: '',
    photos: [],
    checkinOpenedAt: null,
    needsLocation: false,
    mine: null,
    canOrganise: true,
    ...overrides,
  };
}

/** The unit's monthly rule: the 15th at 14:00. */
export function makeRule(overrides: Partial<ActivityRule> = {}): ActivityRule {
  return {
    id: 1,
    unitId: 7,
    scope: 'unit',
    branch: null,
    hostSite: null,
    cadence: 'monthly',
    dayOfMonth: 15,
    weekday: null,
    startTime: '14:00',
    durationMinutes: 120,
    title: '党员固定活动日',
    placeName: '党群服务中心',
    placeAddress: '',
    latitude: null,
    longitude: null,
    radiusMeters: null,
    agenda: [],
    description: '每月 15 日 14:00',
    ...overrides,
  };
}
