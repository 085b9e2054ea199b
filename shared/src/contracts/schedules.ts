import { z } from 'zod';
import { endpoint } from '../contract';
import { ACTIVITY_DAY_MESSAGE, activityDayProblem, AGENDA_KINDS } from '../domain/activitySchedule';
import { defineRefusals, refusal } from '../refusal';
import { pickedTime } from './calendarFields';
import { Id, IdParams } from './common';
import { UnitParams } from './members';

export { ClockTime } from './calendarFields';

export const AgendaSegment = z.object({
  kind: z.enum(AGENDA_KINDS).default('segment').meta({ label: '环节类型' }),
  title: z.string().trim().min(1, '请填写环节名称').max(40).meta({ label: '环节名称' }),
});
export type AgendaSegment = z.infer<typeof AgendaSegment>;
export const Agenda = z.array(AgendaSegment).max(12, '议程最多 12 个环节');

/** The fields rules, extra activities and edits share, each with its message in Chinese once. */
export const ActivityTitle = z.string().trim().min(1, '请填写活动名称').max(60, '活动名称最多 60 字');
export const PlaceName = z.string().trim().min(1, '请填写活动地点').max(60, '活动地点最多 60 字');
export const PlaceAddress = z.string().trim().max(120, '详细地址最多 120 字');
export const DurationMinutes = z.number().int('活动时长须为整数分钟').min(15, '活动时长至少 15 分钟').max(720, '活动时长最多 12 小时');
export const Materials = z.string().trim().max(2000, '活动材料最多 2000 字');

/** Where an activity is held; coordinates and radius only matter where the unit turned geofencing on. */
export const PlaceFields = z.object({
  placeName: PlaceName.meta({ label: '活动地点' }),
  placeAddress: PlaceAddress.default('').meta({ label: '详细地址' }),
  latitude: z.number().min(-90).max(90).nullable().default(null).meta({ label: '纬度' }),
  longitude: z.number().min(-180).max(180).nullable().default(null).meta({ label: '经度' }),
  radiusMeters: z
    .number()
    .int()
    .min(10, '范围至少 10 米')
    .max(5000, '范围最多 5000 米')
    .nullable()
    .default(null)
    .meta({ label: '签到范围' }),
});

/** Latitude and longitude come together or not at all. */
export function checkCoordinates(place: { latitude: number | null; longitude: number | null }, ctx: z.RefinementCtx): void {
  if ((place.latitude === null) !== (place.longitude === null)) {
    ctx.addIssue({ code: 'custom', path: ['latitude'], message: '经纬度需同时填写或同时留空' });
  }
}

const RuleFields = PlaceFields.extend({
  /** Monthly rules: 5, 15 or 25 — nothing else (`scheduleRefusals.day_not_allowed`). */
  dayOfMonth: z.number().int().nullable().optional().meta({ label: '每月日期' }),
  /** Weekly rules of a host site: ISO weekday, 1 = Monday; Wednesday when not given. */
  weekday: z.number().int().min(1).max(7).nullable().optional().meta({ label: '星期' }),
  startTime: pickedTime('开始时间'),
  durationMinutes: DurationMinutes.default(120).meta({ label: '活动时长' }),
  title: ActivityTitle.default('党员固定活动日').meta({ label: '活动名称' }),
  agenda: Agenda.default([]).meta({ label: '议程' }),
});

/** A rule belongs to the unit, to one branch of it, or to one of its host sites (weekly). */
export const RuleInput = RuleFields.extend({
  branchId: Id.nullable().optional().meta({ label: '支部' }),
  hostSiteId: Id.nullable().optional().meta({ label: '流动党员服务点' }),
}).superRefine((rule, ctx) => {
  checkCoordinates(rule, ctx);
  if (rule.branchId && rule.hostSiteId)
    ctx.addIssue({ code: 'custom', path: ['hostSiteId'], message: '规则只能属于单位、某个支部或某个流动党员服务点之一' });
  if (rule.hostSiteId) {
    if (rule.dayOfMonth != null)
      ctx.addIssue({ code: 'custom', path: ['dayOfMonth'], message: '流动党员服务点按周安排活动，不设每月日期' });
    return;
  }
  if (rule.weekday != null) ctx.addIssue({ code: 'custom', path: ['weekday'], message: '单位和支部的固定活动日按月安排，不设星期' });
  if (rule.dayOfMonth == null) ctx.addIssue({ code: 'custom', path: ['dayOfMonth'], message: '请选择每月 5 日、15 日或 25 日' });
});
export type RuleInput = z.output<typeof RuleInput>;

/** Changing a rule keeps its scope; everything else is replaced (a PUT: a field left out takes its default). */
export const RuleUpdate = RuleFields.superRefine(checkCoordinates);
export type RuleUpdate = z.output<typeof RuleUpdate>;

export const RuleScope = z.enum(['unit', 'branch', 'host_site']);

export const ActivityRule = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  scope: RuleScope,
  branch: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  hostSite: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  cadence: z.enum(['monthly', 'weekly']),
  dayOfMonth: z.number().int().nullable(),
  weekday: z.number().int().nullable(),
  startTime: z.string(),
  durationMinutes: z.number().int(),
  title: z.string(),
  placeName: z.string(),
  placeAddress: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  radiusMeters: z.number().int().nullable(),
  agenda: z.array(AgendaSegment),
  /** e.g. 每月 15 日 14:00 or 每周三 19:00. */
  description: z.string(),
});
export type ActivityRule = z.infer<typeof ActivityRule>;

/** What saving a rule did to the generated activities ahead. */
export const GenerationResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  /** Occurrences left alone: already held, opened or moved. */
  kept: z.number().int(),
});
export type GenerationResult = z.infer<typeof GenerationResult>;
export const RuleSaved = z.object({ rule: ActivityRule, generation: GenerationResult });

export const HostSiteMember = z.object({
  id: z.number().int(),
  name: z.string(),
  phoneMasked: z.string(),
  unitName: z.string().nullable(),
});
export const HostSite = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  name: z.string(),
  members: z.array(HostSiteMember),
});
export type HostSite = z.infer<typeof HostSite>;
export const HostSiteInput = z.object({ name: z.string().trim().min(1, '请填写服务点名称').max(60).meta({ label: '服务点名称' }) });
export type HostSiteInput = z.output<typeof HostSiteInput>;
export const HostSiteMemberInput = z.object({ memberId: Id.meta({ label: '流动党员' }) });

export const CheckinSettingsInput = z
  .object({
    windowBeforeMinutes: z.number().int().min(0).max(240).meta({ label: '开始前可签到（分钟）' }),
    windowAfterMinutes: z.number().int().min(5, '签到至少在开始后开放 5 分钟').max(240).meta({ label: '开始后可签到（分钟）' }),
    lateAfterMinutes: z.number().int().min(0).max(240).meta({ label: '迟到时限（分钟）' }),
    geofence: z.boolean().meta({ label: '定位签到' }),
  })
  .refine((s) => s.lateAfterMinutes <= s.windowAfterMinutes, { path: ['lateAfterMinutes'], message: '迟到时限不能晚于签到截止时间' });
export type CheckinSettingsInput = z.infer<typeof CheckinSettingsInput>;

const Cadence = z.enum(['monthly', 'weekly']);

export const scheduleRefusals = defineRefusals({
  day_not_allowed: refusal({
    code: 'invalid_input',
    details: z.object({ dayOfMonth: z.number().int(), allowed: z.array(z.number().int()) }),
    message: ({ dayOfMonth }) => activityDayProblem(dayOfMonth) ?? ACTIVITY_DAY_MESSAGE,
  }),
  rule_exists: refusal({
    code: 'conflict',
    details: z.object({ ruleId: z.number().int() }),
    message: '该范围已设定固定活动日规则，请修改现有规则',
  }),
  /** A day of the month for a weekly rule, or a weekday for a monthly one. */
  cadence_mismatch: refusal({
    code: 'conflict',
    details: z.object({ cadence: Cadence }),
    message: ({ cadence }) =>
      cadence === 'weekly' ? '流动党员服务点按周安排活动，不设每月日期' : '单位和支部的固定活动日按月安排，不设星期',
  }),
  host_site_name_taken: refusal({ code: 'conflict', message: '本单位已有同名的服务点' }),
  member_not_mobile: refusal({
    code: 'conflict',
    details: z.object({ memberId: z.number().int() }),
    message: '只有流动党员可以编入服务点',
  }),
  member_at_other_site: refusal({
    code: 'conflict',
    details: z.object({ memberId: z.number().int(), hostSiteId: z.number().int() }),
    message: '该流动党员已编入其他服务点，请先移出',
  }),
});

export const schedules = {
  listRules: endpoint({
    method: 'GET',
    path: '/api/units/:unitId/activity-rules',
    summary: '单位的固定活动日规则（单位、支部、流动党员服务点）',
    access: ['unit_admin', 'secretariat'],
    params: UnitParams,
    response: z.object({ items: z.array(ActivityRule) }),
  }),
  createRule: endpoint({
    method: 'POST',
    path: '/api/units/:unitId/activity-rules',
    summary: '设定固定活动日规则，并生成未来三个月的活动',
    access: ['unit_admin', 'secretariat'],
    params: UnitParams,
    body: RuleInput,
    response: RuleSaved,
    status: 201,
    refusals: [scheduleRefusals.day_not_allowed, scheduleRefusals.rule_exists],
  }),
  updateRule: endpoint({
    method: 'PUT',
    path: '/api/activity-rules/:id',
    summary: '修改规则：未开始、未移动的活动随之更新，已举行的不变',
    access: ['unit_admin', 'secretariat'],
    params: IdParams,
    body: RuleUpdate,
    response: RuleSaved,
    refusals: [scheduleRefusals.day_not_allowed, scheduleRefusals.cadence_mismatch],
  }),
  deleteRule: endpoint({
    method: 'DELETE',
    path: '/api/activity-rules/:id',
    summary: '删除规则：未开始、未移动的活动一并删除，已举行的保留',
    access: ['unit_admin', 'secretariat'],
    params: IdParams,
    response: GenerationResult,
  }),
  listHostSites: endpoint({
    method: 'GET',
    path: '/api/units/:unitId/host-sites',
    summary: '流动党员服务点及其流动党员',
    access: ['unit_admin', 'secretariat'],
    params: UnitParams,
    response: z.object({ items: z.array(HostSite) }),
  }),
  createHostSite: endpoint({
    method: 'POST',
    path: '/api/units/:unitId/host-sites',
    summary: '新建流动党员服务点',
    access: ['unit_admin', 'secretariat'],
    params: UnitParams,
    body: HostSiteInput,
    response: HostSite,
    status: 201,
    refusals: [scheduleRefusals.host_site_name_taken],
  }),
  attachMember: endpoint({
    method: 'POST',
    path: '/api/host-sites/:id/members',
    summary: '把流动党员编入服务点（每人只属于一个服务点）',
    access: ['unit_admin', 'secretariat'],
    params: IdParams,
    body: HostSiteMemberInput,
    response: HostSite,
    refusals: [scheduleRefusals.member_not_mobile, scheduleRefusals.member_at_other_site],
  }),
  detachMember: endpoint({
    method: 'POST',
    path: '/api/host-sites/:id/members/detach',
    summary: '把流动党员移出服务点',
    access: ['unit_admin', 'secretariat'],
    params: IdParams,
    body: HostSiteMemberInput,
    response: HostSite,
  }),
  getSettings: endpoint({
    method: 'GET',
    path: '/api/units/:unitId/checkin-settings',
    summary: '单位的签到设置（签到时段、迟到时限、定位签到）',
    access: ['unit_admin', 'secretariat'],
    params: UnitParams,
    response: CheckinSettingsInput,
  }),
  updateSettings: endpoint({
    method: 'PUT',
    path: '/api/units/:unitId/checkin-settings',
    summary: '修改单位的签到设置',
    access: ['unit_admin', 'secretariat'],
    params: UnitParams,
    body: CheckinSettingsInput,
    response: CheckinSettingsInput,
  }),
};
