import { z } from 'zod';
import { endpoint } from '../contract';
import { CHECKIN_METHODS } from '../domain/attendance';
import { formatShanghaiTime } from '../domain/shanghaiTime';
import { defineRefusals, refusal } from '../refusal';
import { Id, IdParams, IsoDateTime, Ok, PageQuery, pageOf } from './common';
import { UnitParams } from './members';

export const RequestKind = z.enum(['leave', 'makeup']);
export type RequestKind = z.infer<typeof RequestKind>;
export const REQUEST_KIND_LABELS: Record<RequestKind, string> = { leave: '请假', makeup: '补签' };
export const RequestStatus = z.enum(['pending', 'approved', 'refused']);

/** A leave or make-up request as the member who asked sees it. */
export const MyRequest = z.object({
  id: z.number().int(),
  kind: RequestKind,
  status: RequestStatus,
  reason: z.string(),
  decisionNote: z.string().nullable(),
});

export const CheckinInput = z.object({
  /** The text of the organiser's QR code. */
  token: z.string().trim().min(1, '请扫描或输入签到码').max(200).meta({ label: '签到码' }),
  latitude: z.number().min(-90).max(90).optional().meta({ label: '纬度' }),
  longitude: z.number().min(-180).max(180).optional().meta({ label: '经度' }),
});
export type CheckinInput = z.output<typeof CheckinInput>;

export const AttendanceRecord = z.object({
  id: z.number().int(),
  activityId: z.number().int(),
  memberId: z.number().int(),
  status: z.enum(['present', 'late']),
  method: z.enum(CHECKIN_METHODS),
  checkedInAt: z.string(),
  /** 活动积分 this record earned. */
  points: z.number().int(),
});
export type AttendanceRecord = z.infer<typeof AttendanceRecord>;

/** The same body for the first check-in and every repeat of it. */
export const CheckinResult = z.object({
  attendance: AttendanceRecord,
  activity: z.object({ id: z.number().int(), title: z.string(), startsAt: z.string(), placeName: z.string(), unitName: z.string() }),
  /** e.g. 签到成功 or 签到成功（迟到）. */
  message: z.string(),
});
export type CheckinResult = z.infer<typeof CheckinResult>;

export const ManualCheckinInput = z.object({
  memberId: Id.meta({ label: '党员' }),
  /** Left out: on time or late by the clock, as a scan would be. */
  status: z.enum(['present', 'late']).optional().meta({ label: '签到状态' }),
  note: z.string().trim().max(200).optional().meta({ label: '备注' }),
});
export type ManualCheckinInput = z.output<typeof ManualCheckinInput>;

export const RevokeInput = z.object({ reason: z.string().trim().min(2, '请写明撤销原因').max(200).meta({ label: '撤销原因' }) });
export const RequestInput = z.object({ reason: z.string().trim().min(2, '请写明原因').max(200).meta({ label: '原因' }) });
export const DecisionInput = z.object({
  approve: z.boolean().meta({ label: '是否批准' }),
  note: z.string().trim().max(200).optional().meta({ label: '处理意见' }),
});
export type DecisionInput = z.output<typeof DecisionInput>;

export const AttendanceRequestView = MyRequest.extend({
  member: z.object({ id: z.number().int(), name: z.string() }),
  activity: z.object({ id: z.number().int(), title: z.string(), startsAt: z.string() }),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type AttendanceRequestView = z.infer<typeof AttendanceRequestView>;

export const RequestListQuery = PageQuery.extend({
  status: RequestStatus.optional().meta({ label: '处理状态' }),
  kind: RequestKind.optional().meta({ label: '申请类型' }),
});

const hhmm = (iso: string) => formatShanghaiTime(new Date(iso));

/**
 * Why a check-in, a leave or make-up request (or opening check-in, or moving a held activity)
 * was refused, in `error.details.reason`. The Chinese message says the same for people; a
 * situation may word it more precisely (who, what), the reason stays the same.
 */
export const checkinRefusals = defineRefusals({
  token_invalid: refusal({ code: 'invalid_input', message: '签到码无效：请扫描组织者屏幕上的二维码' }),
  slot_expired: refusal({ code: 'deadline_passed', message: '签到码已过期（每 15 秒更换一次），请扫描屏幕上最新的二维码' }),
  window_not_open: refusal({
    code: 'conflict',
    details: z.object({ opensAt: IsoDateTime }),
    message: ({ opensAt }) => `签到尚未开始，${hhmm(opensAt)} 起可以签到`,
  }),
  window_closed: refusal({
    code: 'deadline_passed',
    details: z.object({ closesAt: IsoDateTime }),
    message: ({ closesAt }) => `签到已于 ${hhmm(closesAt)} 结束；如确已参加，请申请补签`,
  }),
  not_on_roster: refusal({ code: 'forbidden', message: '你不在本次活动的名单中' }),
  location_required: refusal({ code: 'invalid_input', message: '本单位开启了定位签到：请允许获取位置后重新扫码' }),
  outside_geofence: refusal({
    code: 'forbidden',
    details: z.object({ distanceMeters: z.number().int(), radiusMeters: z.number().int() }),
    message: ({ distanceMeters, radiusMeters }) => `你不在活动地点附近（相距约 ${distanceMeters} 米，需在 ${radiusMeters} 米以内）`,
  }),
  /** With the record that is already there, where the organiser asked. */
  already_checked_in: refusal({
    code: 'conflict',
    details: z.object({ attendance: AttendanceRecord.optional() }),
    message: '已签到，无需重复签到',
  }),
  already_requested: refusal({
    code: 'conflict',
    details: z.object({ kind: RequestKind }),
    message: ({ kind }) => `你已为本次活动提交过${REQUEST_KIND_LABELS[kind]}申请`,
  }),
  leave_too_late: refusal({
    code: 'deadline_passed',
    details: z.object({ startsAt: IsoDateTime }),
    message: ({ startsAt }) => `活动已于 ${hhmm(startsAt)} 开始，不能再请假；如未能参加，请联系组织者`,
  }),
  makeup_too_early: refusal({
    code: 'conflict',
    details: z.object({ closesAt: IsoDateTime }),
    message: ({ closesAt }) => `签到到 ${hhmm(closesAt)} 才结束，请直接扫码签到`,
  }),
  activity_held: refusal({ code: 'conflict', message: '活动已开始、已开启签到或已有人签到，不能再调整时间' }),
  request_decided: refusal({ code: 'conflict', message: '该申请已处理过' }),
});

/** An organiser may remind an activity's absentees at most once in this many minutes. */
export const REMINDER_INTERVAL_MINUTES = 10;

export const ReminderResult = z.object({
  /** Expected members with no record and no approved leave when the reminder went out. */
  waiting: z.number().int(),
  /** Of them, those who had allowed a reminder (each allowance is one WeChat message). */
  reminded: z.number().int(),
  /** When the next reminder for this activity may be sent. */
  nextAt: IsoDateTime,
});
export type ReminderResult = z.infer<typeof ReminderResult>;

export const reminderRefusals = defineRefusals({
  reminder_window_not_open: refusal({ code: 'conflict', message: '签到未在进行中，不能发送提醒' }),
  reminder_too_soon: refusal({
    code: 'rate_limited',
    details: z.object({ nextAt: IsoDateTime }),
    message: ({ nextAt }) => `刚提醒过，${hhmm(nextAt)} 后可再次提醒（每 ${REMINDER_INTERVAL_MINUTES} 分钟最多一次）`,
  }),
});

/** Every reason a check-in, a request or its decision may be refused with. */
export type CheckinRefusal = keyof typeof checkinRefusals;

export const checkins = {
  checkIn: endpoint({
    method: 'POST',
    path: '/api/checkins',
    summary: '扫码签到：签到码有效、在签到时段内、在名单内（开启定位时在范围内）',
    access: 'signedIn',
    body: CheckinInput,
    response: CheckinResult,
    // One record per member and activity (a unique key); a repeat answers that record.
    idempotency: 'natural',
    refusals: [
      checkinRefusals.token_invalid,
      checkinRefusals.slot_expired,
      checkinRefusals.window_not_open,
      checkinRefusals.window_closed,
      checkinRefusals.not_on_roster,
      checkinRefusals.location_required,
      checkinRefusals.outside_geofence,
    ],
  }),
  manual: endpoint({
    method: 'POST',
    path: '/api/activities/:id/attendance',
    summary: '组织者为党员代签（记入审计日志）',
    access: ['unit_admin'],
    params: IdParams,
    body: ManualCheckinInput,
    response: AttendanceRecord,
    status: 201,
    refusals: [checkinRefusals.window_not_open, checkinRefusals.not_on_roster, checkinRefusals.already_checked_in],
  }),
  revoke: endpoint({
    method: 'POST',
    path: '/api/attendance/:id/revoke',
    summary: '组织者撤销一条签到记录（积分同时冲回，记入审计日志）',
    access: ['unit_admin'],
    params: IdParams,
    body: RevokeInput,
    response: Ok,
  }),
  remind: endpoint({
    method: 'POST',
    path: '/api/activities/:id/reminders',
    summary: '一键提醒未到的党员（仅向允许提醒的党员发订阅消息；每 10 分钟最多一次）',
    access: ['unit_admin'],
    params: IdParams,
    response: ReminderResult,
    refusals: [reminderRefusals.reminder_window_not_open, reminderRefusals.reminder_too_soon],
  }),
  subscribeReminders: endpoint({
    method: 'POST',
    path: '/api/checkin-reminders/subscription',
    summary: '记录一次签到提醒的订阅（党员在微信订阅消息弹窗中同意后调用）',
    access: 'signedIn',
    response: z.object({ remaining: z.number().int() }),
  }),
  requestLeave: endpoint({
    method: 'POST',
    path: '/api/activities/:id/leave',
    summary: '活动开始前请假',
    access: 'signedIn',
    params: IdParams,
    body: RequestInput,
    response: AttendanceRequestView,
    status: 201,
    refusals: [
      checkinRefusals.not_on_roster,
      checkinRefusals.leave_too_late,
      checkinRefusals.already_checked_in,
      checkinRefusals.already_requested,
    ],
  }),
  requestMakeup: endpoint({
    method: 'POST',
    path: '/api/activities/:id/makeup',
    summary: '签到结束后申请补签',
    access: 'signedIn',
    params: IdParams,
    body: RequestInput,
    response: AttendanceRequestView,
    status: 201,
    refusals: [
      checkinRefusals.not_on_roster,
      checkinRefusals.makeup_too_early,
      checkinRefusals.already_checked_in,
      checkinRefusals.already_requested,
    ],
  }),
  listRequests: endpoint({
    method: 'GET',
    path: '/api/units/:unitId/attendance-requests',
    summary: '本单位的请假与补签申请',
    access: ['unit_admin', 'secretariat'],
    params: UnitParams,
    query: RequestListQuery,
    response: pageOf(AttendanceRequestView),
  }),
  decide: endpoint({
    method: 'POST',
    path: '/api/attendance-requests/:id/decision',
    summary: '批准或不批准请假、补签',
    access: ['unit_admin'],
    params: IdParams,
    body: DecisionInput,
    response: AttendanceRequestView,
    refusals: [checkinRefusals.request_decided, checkinRefusals.already_checked_in],
  }),
};
