import { z } from 'zod';
import { endpoint } from '../contract';
import { defineRefusals, refusal } from '../refusal';
import { pickedInstant } from './calendarFields';
import { IdParams, PageQuery, pageOf } from './common';

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

export const VolunteerActivityInput = z
  .object({
    scope: VolunteerScope.meta({ label: '范围' }),
    title: z.string().trim().min(2, '标题至少 2 个字').max(60).meta({ label: '标题' }),
    description: z.string().trim().min(5, '请写明活动内容（至少 5 个字）').max(2000).meta({ label: '活动内容' }),
    placeName: z.string().trim().min(2, '请填写地点').max(100).meta({ label: '地点' }),
    startsAt: pickedInstant('开始时间'),
    endsAt: pickedInstant('结束时间'),
    signUpDeadline: pickedInstant('报名截止'),
    places: z.number().int().min(1, '名额至少 1 个').max(1000, '名额最多 1000 个').meta({ label: '名额' }),
  })
  .refine((a) => Date.parse(a.endsAt) > Date.parse(a.startsAt), { path: ['endsAt'], message: '结束时间应晚于开始时间' })
  .refine((a) => Date.parse(a.signUpDeadline) <= Date.parse(a.startsAt), {
    path: ['signUpDeadline'],
    message: '报名截止时间不能晚于开始时间',
  });
export type VolunteerActivityInput = z.output<typeof VolunteerActivityInput>;

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
  /** Sign-up still open (before the deadline and the start). */
  open: z.boolean(),
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
    refusals: [volunteerRefusals.sign_up_closed, volunteerRefusals.already_signed_up],
  }),
  cancel: endpoint({
    method: 'POST',
    path: '/api/volunteer-activities/:id/sign-up/cancel',
    summary: '取消报名（活动开始前；候补第一位递补）',
    access: ['member'],
    params: IdParams,
    response: MySignUp,
    refusals: [volunteerRefusals.not_signed_up, volunteerRefusals.cancel_too_late, volunteerRefusals.already_attended],
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
    refusals: [volunteerRefusals.identity_invalid, volunteerRefusals.attendance_not_open, volunteerRefusals.not_confirmed],
  }),
};
