import { z } from 'zod';
import { endpoint } from '../contract';
import { CHECKIN_METHODS } from '../domain/attendance';
import { MyRequest, RequestKind, RequestStatus } from './activities';
import { IdParams, Ok, PageQuery, pageOf } from './common';
import { UnitParams } from './members';

/**
 * Why a check-in (or a leave / make-up request) was refused, in `error.details.reason`.
 * The Chinese message says the same for people; this is for code.
 */
export const CHECKIN_REFUSALS = [
  'token_invalid',
  'slot_expired',
  'window_not_open',
  'window_closed',
  'not_on_roster',
  'location_required',
  'outside_geofence',
  'already_checked_in',
  'already_requested',
  'leave_too_late',
  'makeup_too_early',
  'activity_held',
  'request_decided',
] as const;
export type CheckinRefusal = (typeof CHECKIN_REFUSALS)[number];

export const CheckinInput = z.object({
  /** The text of the organiser's QR code. */
  token: z.string().trim().min(1, '请扫描或输入签到码').max(200),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
});

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
  memberId: z.number().int().positive(),
  /** Left out: on time or late by the clock, as a scan would be. */
  status: z.enum(['present', 'late']).optional(),
  note: z.string().trim().max(200).optional(),
});

export const RevokeInput = z.object({ reason: z.string().trim().min(2, '请写明撤销原因').max(200) });
export const RequestInput = z.object({ reason: z.string().trim().min(2, '请写明原因').max(200) });
export const DecisionInput = z.object({ approve: z.boolean(), note: z.string().trim().max(200).optional() });

export const AttendanceRequestView = MyRequest.extend({
  member: z.object({ id: z.number().int(), name: z.string() }),
  activity: z.object({ id: z.number().int(), title: z.string(), startsAt: z.string() }),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type AttendanceRequestView = z.infer<typeof AttendanceRequestView>;

export const RequestListQuery = PageQuery.extend({ status: RequestStatus.optional(), kind: RequestKind.optional() });

export const checkins = {
  checkIn: endpoint({
    method: 'POST',
    path: '/api/checkins',
    summary: '扫码签到：签到码有效、在签到时段内、在名单内（开启定位时在范围内）',
    access: 'signedIn',
    body: CheckinInput,
    response: CheckinResult,
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
  requestLeave: endpoint({
    method: 'POST',
    path: '/api/activities/:id/leave',
    summary: '活动开始前请假',
    access: 'signedIn',
    params: IdParams,
    body: RequestInput,
    response: AttendanceRequestView,
    status: 201,
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
  }),
};
