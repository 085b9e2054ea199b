import { z } from 'zod';
import { endpoint } from '../contract';
import { defineRefusals, refusal } from '../refusal';
import { pickedInstant } from './calendarFields';
import { changesOf, IdParams, PageQuery, pageOf } from './common';

/** A unit's activity is seen and joined by the unit; the secretariat's by every member of the association. */
export const VolunteerScope = z.enum(['unit', 'association']);
export type VolunteerScope = z.infer<typeof VolunteerScope>;
export const VOLUNTEER_SCOPE_LABELS: Record<VolunteerScope, string> = { unit: '本单位', association: '协会' };

/** A sign-up: a place (confirmed), a place in the queue (waitlisted), or given up (cancelled). */
export const SignUpStatus = z.enum(['confirmed', 'waitlisted', 'cancelled']);
export type SignUpStatus = z.infer<typeof SignUpStatus>;
export const SIGN_UP_STATUS_LABELS: Record<SignUpStatus, string> = { confirmed: '已报名', waitlisted: '候补中', cancelled: '已取消' };

/** How attendance was taken: the organiser scanned the member's card, or the member scanned the activity's code. */
export const AttendanceMethod = z.enum(['card', 'code']);
export type AttendanceMethod = z.infer<typeof AttendanceMethod>;

/** Attendance is taken from an hour before the start until two hours after the end. */
export const VOLUNTEER_ATTENDANCE_OPENS_MINUTES = 60;
export const VOLUNTEER_ATTENDANCE_CLOSES_MINUTES = 120;

/** What an activity says: the fields of publishing, before the rules between its times. */
const VolunteerActivityFields = z.object({
  scope: VolunteerScope.meta({ label: '范围' }),
  title: z.string().trim().min(2, '标题至少 2 个字').max(60).meta({ label: '标题' }),
  description: z.string().trim().min(5, '请写明活动内容（至少 5 个字）').max(2000).meta({ label: '活动内容' }),
  placeName: z.string().trim().min(2, '请填写地点').max(100).meta({ label: '地点' }),
  startsAt: pickedInstant('开始时间'),
  endsAt: pickedInstant('结束时间'),
  signUpDeadline: pickedInstant('报名截止'),
  places: z.number().int().min(1, '名额至少 1 个').max(1000, '名额最多 1000 个').meta({ label: '名额' }),
});

type VolunteerTimes = { startsAt: string; endsAt: string; signUpDeadline: string };

/**
 * The rules between an activity's times, for publishing and for an edit (checked on the times the
 * edit leaves, old and new together): the end after the start, the sign-up deadline not after it.
 */
export function volunteerTimeProblems(times: VolunteerTimes): { path: 'endsAt' | 'signUpDeadline'; label: string; message: string }[] {
  const startsAt = Date.parse(times.startsAt);
  return [
    ...(Date.parse(times.endsAt) > startsAt ? [] : [{ path: 'endsAt' as const, label: '结束时间', message: '结束时间应晚于开始时间' }]),
    ...(Date.parse(times.signUpDeadline) <= startsAt
      ? []
      : [{ path: 'signUpDeadline' as const, label: '报名截止', message: '报名截止时间不能晚于开始时间' }]),
  ];
}

export const VolunteerActivityInput = VolunteerActivityFields.superRefine((activity, ctx) => {
  for (const problem of volunteerTimeProblems(activity)) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
});
export type VolunteerActivityInput = z.output<typeof VolunteerActivityInput>;

/** An edit by its organiser: any of the fields but the scope (who it is for stays). */
export const VolunteerActivityChanges = changesOf(VolunteerActivityFields.omit({ scope: true }));
export type VolunteerActivityChanges = z.output<typeof VolunteerActivityChanges>;

export const CancelVolunteerActivityInput = z.object({
  reason: z.string().trim().min(2, '请写明取消原因（至少 2 个字）').max(200).meta({ label: '取消原因' }),
});
export type CancelVolunteerActivityInput = z.output<typeof CancelVolunteerActivityInput>;

/** The caller's own sign-up: status, and where they stand in the queue while waitlisted. */
export const MySignUp = z.object({
  id: z.number().int(),
  status: SignUpStatus,
  statusLabel: z.string(),
  /** 1 for the first in the queue; null unless waitlisted. */
  waitlistPosition: z.number().int().nullable(),
  attendedAt: z.string().nullable(),
  points: z.number().int().nullable(),
});
export type MySignUp = z.infer<typeof MySignUp>;

export const VolunteerActivity = z.object({
  id: z.number().int(),
  scope: VolunteerScope,
  scopeLabel: z.string(),
  unitId: z.number().int().nullable(),
  /** The unit's name, or 协会 for the secretariat's. */
  organiser: z.string(),
  title: z.string(),
  description: z.string(),
  placeName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  signUpDeadline: z.string(),
  places: z.number().int(),
  placesLeft: z.number().int(),
  waitlistCount: z.number().int(),
  /** Sign-up still open (before the deadline and the start, and not called off). */
  open: z.boolean(),
  /** Called off by its organiser (已取消), with the reason members read; null while it stands. */
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  mySignUp: MySignUp.nullable(),
  /** The caller organises it: publishes, sees the roster, takes attendance. */
  canManage: z.boolean(),
});
export type VolunteerActivity = z.infer<typeof VolunteerActivity>;

export const RosterEntry = z.object({
  signUpId: z.number().int(),
  member: z.object({ id: z.number().int(), name: z.string(), unitName: z.string().nullable() }),
  status: SignUpStatus,
  statusLabel: z.string(),
  waitlistPosition: z.number().int().nullable(),
  signedUpAt: z.string(),
  attendedAt: z.string().nullable(),
  method: AttendanceMethod.nullable(),
  points: z.number().int().nullable(),
});
export type RosterEntry = z.infer<typeof RosterEntry>;

export const VolunteerListQuery = PageQuery.extend({
  /** Only the activities the caller has signed up for (not cancelled). */
  mine: z.enum(['true', 'false']).optional().meta({ label: '我的报名' }),
});

export const VolunteerCode = z.object({ token: z.string(), qrDataUrl: z.string(), expiresAt: z.string() });
export const CodeAttendanceInput = z.object({
  token: z.string().trim().min(1, '请扫描或输入活动签到码').max(200).meta({ label: '活动签到码' }),
});
export const CardAttendanceInput = z.object({
  code: z.string().trim().min(1, '请扫描或输入党员卡身份码').max(2000).meta({ label: '身份码' }),
});

export const AttendanceResult = z.object({
  activityId: z.number().int(),
  title: z.string(),
  member: z.object({ id: z.number().int(), name: z.string() }),
  attendedAt: z.string(),
  /** 公益积分 written now (0 when already recorded or capped). */
  pointsAwarded: z.number().int(),
  /** Attendance was already recorded before this scan. */
  repeat: z.boolean(),
  message: z.string(),
});
export type AttendanceResult = z.infer<typeof AttendanceResult>;

export const volunteerRefusals = defineRefusals({
  scope_not_allowed: refusal({
    code: 'forbidden',
    message: '本单位志愿活动由本单位党务工作者发布，协会志愿活动由秘书处发布',
  }),
  starts_in_past: refusal({ code: 'invalid_input', message: '活动开始时间应晚于现在' }),
  sign_up_closed: refusal({
    code: 'deadline_passed',
    details: z.object({ deadline: z.string() }),
    message: '报名已截止',
  }),
  already_signed_up: refusal({
    code: 'conflict',
    details: z.object({ status: SignUpStatus }),
    message: ({ status }) => (status === 'waitlisted' ? '你已在候补名单中' : '你已报名该活动'),
  }),
  not_signed_up: refusal({ code: 'conflict', message: '你没有报名该活动' }),
  cancel_too_late: refusal({ code: 'deadline_passed', message: '活动已开始，不能再取消报名' }),
  already_attended: refusal({ code: 'conflict', message: '已签到的报名不能取消' }),
  code_invalid: refusal({ code: 'invalid_input', message: '签到码无效：请扫描组织者屏幕上的志愿活动二维码' }),
  code_expired: refusal({ code: 'deadline_passed', message: '签到码已过期（每 15 秒更换一次），请扫描屏幕上最新的二维码' }),
  identity_invalid: refusal({ code: 'invalid_input', message: '身份码无效或已过期（1 分钟内有效），请让党员刷新党员卡上的二维码' }),
  attendance_not_open: refusal({
    code: 'deadline_passed',
    details: z.object({ opensAt: z.string(), closesAt: z.string() }),
    message: '不在签到时间内：活动开始前 1 小时至结束后 2 小时可签到',
  }),
  activity_started: refusal({ code: 'deadline_passed', message: '活动已开始，不能再修改或取消' }),
  activity_cancelled: refusal({
    code: 'conflict',
    details: z.object({ cancelReason: z.string() }),
    message: ({ cancelReason }) => `活动已取消：${cancelReason}`,
  }),
  places_below_confirmed: refusal({
    code: 'conflict',
    details: z.object({ confirmed: z.number().int() }),
    message: ({ confirmed }) => `已有 ${confirmed} 人报名，名额不能少于 ${confirmed} 个`,
  }),
  attendance_taken: refusal({
    code: 'conflict',
    details: z.object({ attended: z.number().int() }),
    message: ({ attended }) => `已有 ${attended} 人签到，不能再取消活动`,
  }),
  times_fixed_by_attendance: refusal({
    code: 'conflict',
    details: z.object({ attended: z.number().int() }),
    message: ({ attended }) => `已有 ${attended} 人签到，活动时间不能再修改（服务时长按活动时间计）`,
  }),
  not_confirmed: refusal({
    code: 'conflict',
    details: z.object({ status: SignUpStatus.nullable() }),
    message: ({ status }) => (status === 'waitlisted' ? '该党员仍在候补名单中，未获得名额' : '该党员没有报名本次活动'),
  }),
});

export const volunteerActivities = {
  list: endpoint({
    method: 'GET',
    path: '/api/volunteer-activities',
    summary: '志愿活动（本单位的与协会的，近期在前）',
    access: 'signedIn',
    query: VolunteerListQuery,
    response: pageOf(VolunteerActivity),
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/volunteer-activities/:id',
    summary: '一项志愿活动',
    access: 'signedIn',
    params: IdParams,
    response: VolunteerActivity,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/volunteer-activities',
    summary: '发布志愿活动（党务工作者发布本单位的，秘书处发布协会的）',
    access: ['unit_admin', 'secretariat'],
    body: VolunteerActivityInput,
    response: VolunteerActivity,
    status: 201,
    refusals: [volunteerRefusals.scope_not_allowed, volunteerRefusals.starts_in_past],
  }),
  signUp: endpoint({
    method: 'POST',
    path: '/api/volunteer-activities/:id/sign-up',
    summary: '报名（名额满时进入候补）',
    access: ['member'],
    params: IdParams,
    response: MySignUp,
    status: 201,
    refusals: [volunteerRefusals.sign_up_closed, volunteerRefusals.already_signed_up, volunteerRefusals.activity_cancelled],
  }),
  cancel: endpoint({
    method: 'POST',
    path: '/api/volunteer-activities/:id/sign-up/cancel',
    summary: '取消报名（活动开始前；候补第一位递补）',
    access: ['member'],
    params: IdParams,
    response: MySignUp,
    refusals: [
      volunteerRefusals.not_signed_up,
      volunteerRefusals.cancel_too_late,
      volunteerRefusals.already_attended,
      volunteerRefusals.activity_cancelled,
    ],
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/volunteer-activities/:id',
    summary: '修改志愿活动（开始前，有人签到后时间不再可改；名额增加时候补依次递补，时间或地点变动通知已报名和候补的党员）',
    access: ['unit_admin', 'secretariat'],
    params: IdParams,
    body: VolunteerActivityChanges,
    response: VolunteerActivity,
    refusals: [
      volunteerRefusals.starts_in_past,
      volunteerRefusals.activity_started,
      volunteerRefusals.activity_cancelled,
      volunteerRefusals.places_below_confirmed,
      volunteerRefusals.times_fixed_by_attendance,
    ],
  }),
  cancelActivity: endpoint({
    method: 'POST',
    path: '/api/volunteer-activities/:id/cancel',
    summary: '取消活动（开始前，写明原因；通知已报名和候补的党员）',
    access: ['unit_admin', 'secretariat'],
    params: IdParams,
    body: CancelVolunteerActivityInput,
    response: VolunteerActivity,
    refusals: [volunteerRefusals.activity_started, volunteerRefusals.activity_cancelled, volunteerRefusals.attendance_taken],
  }),
  roster: endpoint({
    method: 'GET',
    path: '/api/volunteer-activities/:id/roster',
    summary: '报名名单（已报名、候补、已取消）',
    access: ['unit_admin', 'secretariat'],
    params: IdParams,
    response: z.object({ items: z.array(RosterEntry) }),
  }),
  code: endpoint({
    method: 'GET',
    path: '/api/volunteer-activities/:id/code',
    summary: '活动签到码（每 15 秒更换）',
    access: ['unit_admin', 'secretariat'],
    params: IdParams,
    response: VolunteerCode,
    refusals: [volunteerRefusals.activity_cancelled],
  }),
  attendByCode: endpoint({
    method: 'POST',
    path: '/api/volunteer-activities/attendance',
    summary: '党员扫活动签到码签到',
    access: ['member'],
    body: CodeAttendanceInput,
    response: AttendanceResult,
    refusals: [
      volunteerRefusals.code_invalid,
      volunteerRefusals.code_expired,
      volunteerRefusals.attendance_not_open,
      volunteerRefusals.not_confirmed,
      volunteerRefusals.activity_cancelled,
    ],
  }),
  attendByCard: endpoint({
    method: 'POST',
    path: '/api/volunteer-activities/:id/attendance',
    summary: '组织者扫党员卡身份码签到',
    access: ['unit_admin', 'secretariat'],
    params: IdParams,
    body: CardAttendanceInput,
    response: AttendanceResult,
    refusals: [
      volunteerRefusals.identity_invalid,
      volunteerRefusals.attendance_not_open,
      volunteerRefusals.not_confirmed,
      volunteerRefusals.activity_cancelled,
    ],
  }),
};
