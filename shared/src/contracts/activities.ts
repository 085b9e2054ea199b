import { z } from 'zod';
import { endpoint } from '../contract';
import { ATTENDANCE_STATUSES, CHECKIN_METHODS } from '../domain/attendance';
import { defineRefusals, refusal } from '../refusal';
import { CalendarDay, pickedDay, pickedTime } from './calendarFields';
import { checkinRefusals, MyRequest } from './checkins';
import { changesOf, Id, IdParams, IsoDateTime } from './common';
import { Phone, UnitParams } from './members';
import { uploadRefusals } from './uploads';
import {
  ActivityTitle,
  Agenda,
  AgendaSegment,
  checkCoordinates,
  DurationMinutes,
  Materials,
  PlaceAddress,
  PlaceFields,
  PlaceName,
  RuleScope,
} from './schedules';

export { CalendarDay } from './calendarFields';

/**
 * Where an activity stands at a moment: check-in not open yet, its window open but the organiser
 * has not pressed 开启签到 (no code shown, so nobody can check in yet), open, closed while the
 * activity still runs, or over.
 */
export const ActivityPhase = z.enum(['upcoming', 'checkin_ready', 'checkin_open', 'in_progress', 'ended']);
export type ActivityPhase = z.infer<typeof ActivityPhase>;
export const ACTIVITY_PHASE_LABELS: Record<ActivityPhase, string> = {
  upcoming: '未开始',
  checkin_ready: '待开启签到',
  checkin_open: '签到中',
  in_progress: '进行中',
  ended: '已结束',
};

export const CheckinWindowView = z.object({ opensAt: z.string(), closesAt: z.string(), lateAfter: z.string() });

export const ActivityListItem = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  placeName: z.string(),
  placeAddress: z.string(),
  origin: z.enum(['generated', 'extra']),
  scope: RuleScope,
  branchName: z.string().nullable(),
  hostSiteName: z.string().nullable(),
  moved: z.object({ from: z.string(), reason: z.string() }).nullable(),
  window: CheckinWindowView,
  phase: ActivityPhase,
});
export type ActivityListItem = z.infer<typeof ActivityListItem>;

/** My standing for one activity; `waiting` until I check in, ask for leave, or the window closes. */
export const MyStatus = z.enum([...ATTENDANCE_STATUSES, 'waiting']);
export type MyStatus = z.infer<typeof MyStatus>;

export const MyActivity = ActivityListItem.extend({
  /** `roster`: expected there; `unit`: on the unit's roster but not expected (may come); `guest`: invited from elsewhere. */
  relation: z.enum(['roster', 'unit', 'guest']),
  myStatus: MyStatus,
  checkedInAt: z.string().nullable(),
  requests: z.array(MyRequest),
  canRequestLeave: z.boolean(),
  canRequestMakeup: z.boolean(),
});
export type MyActivity = z.infer<typeof MyActivity>;

export const ActivityPhoto = z.object({ id: z.number().int(), url: z.string() });
export type ActivityPhoto = z.infer<typeof ActivityPhoto>;

export const ActivityDetail = ActivityListItem.extend({
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  radiusMeters: z.number().int().nullable(),
  agenda: z.array(AgendaSegment),
  materials: z.string(),
  summary: z.string(),
  /** Photos attached with the summary; `url` is an API path read with the session's token. */
  photos: z.array(ActivityPhoto),
  checkinOpenedAt: z.string().nullable(),
  /** Whether the unit asks for the position at check-in (geofencing on and the place has coordinates). */
  needsLocation: z.boolean(),
  /** The caller's own standing, when they are expected or invited. */
  mine: MyActivity.pick({
    relation: true,
    myStatus: true,
    checkedInAt: true,
    requests: true,
    canRequestLeave: true,
    canRequestMakeup: true,
  }).nullable(),
  /** Whether the caller organises this activity (unit admin of its unit). */
  canOrganise: z.boolean(),
});
export type ActivityDetail = z.infer<typeof ActivityDetail>;

export const DateRangeQuery = z
  .object({ from: CalendarDay.optional().meta({ label: '开始日期' }), to: CalendarDay.optional().meta({ label: '结束日期' }) })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: '结束日期不能早于开始日期' });
export type DateRangeQuery = z.output<typeof DateRangeQuery>;

/** An activity added by hand on any day, for the whole unit, one branch or one host site. */
export const ExtraActivityInput = PlaceFields.extend({
  title: ActivityTitle.meta({ label: '活动名称' }),
  date: pickedDay('日期'),
  startTime: pickedTime('开始时间'),
  durationMinutes: DurationMinutes.default(120).meta({ label: '活动时长' }),
  agenda: Agenda.default([]).meta({ label: '议程' }),
  materials: Materials.default('').meta({ label: '活动材料' }),
  branchId: Id.nullable().optional().meta({ label: '支部' }),
  hostSiteId: Id.nullable().optional().meta({ label: '流动党员服务点' }),
}).superRefine((activity, ctx) => {
  checkCoordinates(activity, ctx);
  if (activity.branchId && activity.hostSiteId)
    ctx.addIssue({ code: 'custom', path: ['hostSiteId'], message: '活动只能属于单位、某个支部或某个服务点之一' });
});
export type ExtraActivityInput = z.output<typeof ExtraActivityInput>;

/** What an organiser edits of an activity: its name, place, agenda, materials and summary. */
export const ActivityContentInput = z.object({
  title: ActivityTitle.meta({ label: '活动名称' }),
  agenda: Agenda.meta({ label: '议程' }),
  materials: Materials.meta({ label: '活动材料' }),
  /** 活动小结, written afterwards. */
  summary: z.string().trim().max(2000, '活动小结最多 2000 字').meta({ label: '活动小结' }),
  placeName: PlaceName.meta({ label: '活动地点' }),
  placeAddress: PlaceAddress.meta({ label: '详细地址' }),
});
/** The body of `PATCH /api/activities/:id`: any of the fields, at least one. */
export const ActivityChanges = changesOf(ActivityContentInput);
export type ActivityChanges = z.output<typeof ActivityChanges>;
/**
 * @deprecated the same fields, each optional, for the mini-program's editor (which picks from
 * it); use `ActivityContentInput`, or `ActivityChanges` for the PATCH body.
 */
export const ActivityUpdate = ActivityContentInput.partial();

export const MoveInput = z.object({
  date: pickedDay('日期'),
  startTime: pickedTime('开始时间'),
  reason: z.string().trim().min(2, '请写明调整原因').max(200).meta({ label: '调整原因' }),
});
export type MoveInput = z.output<typeof MoveInput>;

/** The organiser's rotating code: a token for (activity, 15-second slot) and its QR image. */
export const CheckinCode = z.object({
  activityId: z.number().int(),
  token: z.string(),
  slot: z.number().int(),
  /** When this code stops being the current one. */
  expiresAt: z.string(),
  /** Milliseconds from the server's now to expiresAt: the screen refreshes after this long, whatever its own clock says. */
  refreshInMs: z.number().int(),
  /** PNG data URL of the QR code. */
  qrDataUrl: z.string(),
  window: CheckinWindowView,
});
export type CheckinCode = z.infer<typeof CheckinCode>;

export const LiveEntry = z.object({
  memberId: z.number().int(),
  name: z.string(),
  branchName: z.string().nullable(),
  /** Roster members are expected; guests and other members of the unit who came are not. */
  expected: z.boolean(),
  status: MyStatus,
  method: z.enum(CHECKIN_METHODS).nullable(),
  checkedInAt: z.string().nullable(),
  attendanceId: z.number().int().nullable(),
  /** The 活动积分 the record earned, as written to the ledger (0 without a record). */
  points: z.number().int(),
});
export type LiveEntry = z.infer<typeof LiveEntry>;

export const AttendanceCountsView = z.object({
  expected: z.number().int(),
  present: z.number().int(),
  late: z.number().int(),
  leave: z.number().int(),
  /** Expected members with no record: 未签到 while the window is open, 缺席 after. */
  absent: z.number().int(),
  rate: z.number().nullable(),
});
export type AttendanceCountsView = z.infer<typeof AttendanceCountsView>;

export const LiveList = z.object({
  activity: ActivityListItem,
  counts: AttendanceCountsView.extend({ others: z.number().int() }),
  /** Every entry; with `since`, only those new or changed since that version, in list order. */
  entries: z.array(LiveEntry),
  /** The list's version, to send back as `since` on the next poll. */
  version: z.string(),
  /** The version `entries` are changes to, or null when they are the whole list. */
  since: z.string().nullable(),
  /** Members no longer on the list since `since` (a revoked guest's check-in). */
  removed: z.array(z.number().int()),
});
export type LiveList = z.infer<typeof LiveList>;

export const LiveListQuery = z.object({
  /** The version the client holds: the answer then carries only what changed since. */
  since: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .optional()
    .meta({ label: '版本' }),
});

export const GuestInput = z.object({ phone: Phone.meta({ label: '手机号' }) });
export const Guest = z.object({ memberId: z.number().int(), name: z.string(), unitName: z.string().nullable() });

export const activityRefusals = defineRefusals({
  moved_into_past: refusal({
    code: 'invalid_input',
    details: z.object({ startsAt: IsoDateTime }),
    message: '调整后的时间须在当前时间之后',
  }),
  guest_phone_ambiguous: refusal({ code: 'conflict', message: '该手机号在多个单位的名册中，请联系秘书处' }),
  guest_in_own_unit: refusal({ code: 'conflict', message: '本单位党员无需邀请，可直接签到' }),
});

/** At most this many photos per activity (`uploadRefusals.too_many_files`). */
export const MAX_PHOTOS_PER_ACTIVITY = 9;

export const activities = {
  listForUnit: endpoint({
    method: 'GET',
    path: '/api/units/:unitId/activities',
    summary: '单位的活动（默认：今天起三个月）',
    access: ['unit_admin', 'secretariat'],
    params: UnitParams,
    query: DateRangeQuery,
    response: z.object({ items: z.array(ActivityListItem) }),
  }),
  createExtra: endpoint({
    method: 'POST',
    path: '/api/units/:unitId/activities',
    summary: '增加一次活动（不受规则日期限制）',
    access: ['unit_admin', 'secretariat'],
    params: UnitParams,
    body: ExtraActivityInput,
    response: ActivityDetail,
    status: 201,
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/activities/:id',
    summary: '活动详情：议程、材料、小结与照片，以及我的签到情况',
    access: 'signedIn',
    params: IdParams,
    response: ActivityDetail,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/activities/:id',
    summary: '修改活动的名称、地点、议程、材料或小结',
    access: ['unit_admin', 'secretariat'],
    params: IdParams,
    body: ActivityChanges,
    response: ActivityDetail,
  }),
  move: endpoint({
    method: 'POST',
    path: '/api/activities/:id/move',
    summary: '调整某次活动的日期时间（须写明原因；已举行的不能调整）',
    access: ['unit_admin', 'secretariat'],
    params: IdParams,
    body: MoveInput,
    response: ActivityDetail,
    refusals: [checkinRefusals.activity_held, activityRefusals.moved_into_past],
  }),
  mine: endpoint({
    method: 'GET',
    path: '/api/me/activities',
    summary: '我的活动（默认：今天起三个月），含我的签到与请假情况',
    access: 'signedIn',
    query: DateRangeQuery,
    response: z.object({ items: z.array(MyActivity) }),
  }),
  code: endpoint({
    method: 'POST',
    path: '/api/activities/:id/code',
    summary: '组织者开启签到并取得当前签到码（每 15 秒更换）',
    access: ['unit_admin'],
    params: IdParams,
    response: CheckinCode,
    refusals: [checkinRefusals.window_not_open, checkinRefusals.window_closed],
  }),
  live: endpoint({
    method: 'GET',
    path: '/api/activities/:id/live',
    summary: '签到实况：谁已到、谁未到（签到开放时轮询）',
    access: ['unit_admin', 'secretariat'],
    params: IdParams,
    query: LiveListQuery,
    response: LiveList,
    etag: true,
  }),
  inviteGuest: endpoint({
    method: 'POST',
    path: '/api/activities/:id/guests',
    summary: '按手机号邀请外单位党员参加（可签到，不计入应到）',
    access: ['unit_admin', 'secretariat'],
    params: IdParams,
    body: GuestInput,
    response: Guest,
    status: 201,
    refusals: [activityRefusals.guest_phone_ambiguous, activityRefusals.guest_in_own_unit],
  }),
  uploadPhoto: endpoint({
    method: 'POST',
    path: '/api/activities/:id/photos',
    summary: '上传活动照片（JPEG/PNG/WebP，重新编码以去除位置等元数据；每次活动最多 9 张）',
    access: ['unit_admin', 'secretariat'],
    params: IdParams,
    bodyKind: 'multipart',
    maxUploadBytes: 8 * 1024 * 1024,
    response: ActivityPhoto,
    status: 201,
    refusals: [
      uploadRefusals.file_missing,
      uploadRefusals.file_type_refused,
      uploadRefusals.file_unreadable,
      uploadRefusals.too_many_files,
    ],
  }),
  photo: endpoint({
    method: 'GET',
    path: '/api/activity-photos/:id',
    summary: '活动照片（JPEG）',
    access: 'signedIn',
    params: IdParams,
    response: z.unknown(),
    responseKind: 'binary',
  }),
};
