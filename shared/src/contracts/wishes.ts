import { z } from 'zod';
import { endpoint } from '../contract';
import { WishScope, WishStatus } from '../domain/aie';
import { defineRefusals, refusal } from '../refusal';
import { pickedDay } from './calendarFields';
import { Id, IdParams, PageQuery, pageOf } from './common';
import { RecordEvent } from './bonuses';
import { uploadRefusals } from './uploads';

export const WishPhoto = z.object({ id: z.number().int(), width: z.number().int().nullable(), height: z.number().int().nullable() });

/** What the reader may do with the wish now; the pages show these buttons and nothing else. */
export const WishActions = z.object({
  claim: z.boolean(),
  giveUp: z.boolean(),
  markContacted: z.boolean(),
  uploadPhotos: z.boolean(),
  markRealised: z.boolean(),
  confirm: z.boolean(),
  review: z.boolean(),
  revokeClaim: z.boolean(),
  takeDown: z.boolean(),
});
export type WishActions = z.infer<typeof WishActions>;

export const Wish = z.object({
  id: z.number().int(),
  scope: WishScope,
  scopeLabel: z.string(),
  /** The wisher: the full name for the wisher, the current claimer and the managing admins; 王某 for everyone else. */
  wisher: z.object({ id: z.number().int().nullable(), name: z.string(), masked: z.boolean() }),
  unit: z.object({ id: z.number().int(), name: z.string() }),
  title: z.string(),
  reason: z.string(),
  estimatedValue: z.number().int(),
  deadline: z.string(),
  status: WishStatus,
  statusLabel: z.string(),
  /** Why it is held (the content check's label, or 党员申请), for the reviewer. */
  heldReason: z.string().nullable(),
  takedownReason: z.string().nullable(),
  /** The claimer: shown to everyone once claimed (claiming is public service, not private). */
  claimer: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  claimedAt: z.string().nullable(),
  /** When an unanswered claim runs out (7 days after claiming) while not yet marked contacted. */
  contactBy: z.string().nullable(),
  /** Back in the list after a claim was released or revoked: listed first. */
  returned: z.boolean(),
  photos: z.array(WishPhoto),
  thankYou: z.string().nullable(),
  /** The thank-you waits for review (only its writer and the admins see it meanwhile). */
  thankYouHeld: z.boolean(),
  points: z.number().int().nullable(),
  actions: WishActions,
  timeline: z.array(RecordEvent),
  createdAt: z.string(),
});
export type Wish = z.infer<typeof Wish>;

const WishText = {
  title: z.string().trim().min(2, '请写明心愿（至少 2 个字）').max(60).meta({ label: '心愿' }),
  reason: z.string().trim().min(5, '请写明缘由（至少 5 个字）').max(1000).meta({ label: '缘由' }),
  estimatedValue: z.number().int().min(0, '估值不能为负').max(100_000).meta({ label: '估值（元）' }),
  deadline: pickedDay('截止日期'),
};

/** A member asks for a wish of their own: it waits for the unit admin's review. */
export const WishRequest = z.object(WishText);
export type WishRequest = z.output<typeof WishRequest>;

/** An admin publishes a wish for a member in need: unit-only (unit admin) or association-wide (secretariat). */
export const WishInput = z.object({
  ...WishText,
  wisherId: Id.meta({ label: '心愿人' }),
  scope: WishScope.meta({ label: '范围' }),
});
export type WishInput = z.output<typeof WishInput>;

export const WishReview = z
  .object({
    approve: z.boolean().meta({ label: '是否通过' }),
    note: z.string().trim().max(500).optional().meta({ label: '说明' }),
  })
  .refine((d) => d.approve || (d.note !== undefined && d.note.length >= 2), { path: ['note'], message: '不通过时请写明理由' });
export type WishReview = z.output<typeof WishReview>;

export const WishReasonBody = z.object({
  reason: z.string().trim().min(2, '请写明理由（至少 2 个字）').max(500).meta({ label: '理由' }),
});

export const WishConfirmation = z.object({
  thankYou: z.string().trim().max(500).optional().meta({ label: '感谢留言' }),
});

export const WishListQuery = PageQuery.extend({
  status: WishStatus.optional().meta({ label: '状态' }),
  /** `claimed`: wishes I claimed (live or done); `wished`: my own wishes; `review`: waiting for my review. */
  view: z.enum(['all', 'claimed', 'wished', 'review']).default('all').meta({ label: '范围' }),
});

export const WishRankRow = z.object({ memberId: z.number().int(), name: z.string(), unitName: z.string(), realised: z.number().int() });
export const WishRanking = z.object({ items: z.array(WishRankRow) });

export const wishRefusals = defineRefusals({
  wish_taken: refusal({
    code: 'conflict',
    details: z.object({ status: WishStatus }),
    message: '手慢了一步，这个心愿刚被其他党员认领了',
  }),
  wish_not_open: refusal({
    code: 'conflict',
    details: z.object({ status: WishStatus }),
    message: '这个心愿当前不能认领',
  }),
  too_many_claims: refusal({
    code: 'conflict',
    details: z.object({ limit: z.number().int() }),
    message: ({ limit }) => `每人同时最多认领 ${limit} 个心愿，请先完成已认领的心愿`,
  }),
  own_wish: refusal({ code: 'forbidden', message: '不能认领自己的心愿' }),
  not_claimer: refusal({ code: 'forbidden', message: '只有认领人可以进行此操作' }),
  wrong_state: refusal({
    code: 'conflict',
    details: z.object({ status: WishStatus }),
    message: '心愿当前的状态不允许此操作',
  }),
  photos_required: refusal({ code: 'conflict', message: '请先上传心愿实现的照片' }),
  wisher_not_found: refusal({ code: 'invalid_input', message: '心愿人不在可管理的名册中' }),
  deadline_passed: refusal({ code: 'invalid_input', message: '截止日期不能早于今天' }),
  nothing_to_review: refusal({ code: 'conflict', message: '这个心愿没有待审核的内容' }),
});

export const wishes = {
  list: endpoint({
    method: 'GET',
    path: '/api/wishes',
    summary: '微心愿（本单位与全协会；回到认领池的在前）',
    access: 'signedIn',
    query: WishListQuery,
    response: pageOf(Wish),
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/wishes/:id',
    summary: '一个微心愿',
    access: 'signedIn',
    params: IdParams,
    response: Wish,
  }),
  ask: endpoint({
    method: 'POST',
    path: '/api/me/wishes',
    summary: '党员提出微心愿（本单位党务工作者审核后发布）',
    access: ['member'],
    body: WishRequest,
    response: Wish,
    status: 201,
    refusals: [wishRefusals.deadline_passed],
  }),
  publish: endpoint({
    method: 'POST',
    path: '/api/wishes',
    summary: '代困难党员发布微心愿（单位：本单位；秘书处：全协会）',
    access: ['unit_admin', 'secretariat'],
    body: WishInput,
    response: Wish,
    status: 201,
    refusals: [wishRefusals.wisher_not_found, wishRefusals.deadline_passed],
  }),
  review: endpoint({
    method: 'POST',
    path: '/api/wishes/:id/review',
    summary: '审核待审核的心愿或感谢留言',
    access: ['unit_admin', 'secretariat'],
    params: IdParams,
    body: WishReview,
    response: Wish,
    refusals: [wishRefusals.nothing_to_review],
  }),
  claim: endpoint({
    method: 'POST',
    path: '/api/wishes/:id/claim',
    summary: '认领心愿（每个心愿同一时间只有一位认领人）',
    access: ['member'],
    params: IdParams,
    response: Wish,
    refusals: [wishRefusals.wish_taken, wishRefusals.wish_not_open, wishRefusals.too_many_claims, wishRefusals.own_wish],
  }),
  giveUp: endpoint({
    method: 'POST',
    path: '/api/wishes/:id/give-up',
    summary: '放弃认领（心愿回到认领池）',
    access: ['member'],
    params: IdParams,
    response: Wish,
    refusals: [wishRefusals.not_claimer, wishRefusals.wrong_state],
  }),
  markContacted: endpoint({
    method: 'POST',
    path: '/api/wishes/:id/contacted',
    summary: '认领人已联系心愿人',
    access: ['member'],
    params: IdParams,
    response: Wish,
    refusals: [wishRefusals.not_claimer, wishRefusals.wrong_state],
  }),
  uploadPhoto: endpoint({
    method: 'POST',
    path: '/api/wishes/:id/photos',
    summary: '认领人上传心愿实现的照片（最多 9 张）',
    access: ['member'],
    params: IdParams,
    bodyKind: 'multipart',
    maxUploadBytes: 5 * 1024 * 1024,
    response: WishPhoto,
    status: 201,
    refusals: [
      wishRefusals.not_claimer,
      wishRefusals.wrong_state,
      uploadRefusals.file_missing,
      uploadRefusals.file_empty,
      uploadRefusals.file_type_refused,
      uploadRefusals.file_unreadable,
      uploadRefusals.file_too_complex,
      uploadRefusals.too_many_files,
    ],
  }),
  photo: endpoint({
    method: 'GET',
    path: '/api/wish-photos/:id',
    summary: '心愿实现的照片',
    access: 'signedIn',
    params: IdParams,
    response: z.unknown(),
    responseKind: 'binary',
  }),
  markRealised: endpoint({
    method: 'POST',
    path: '/api/wishes/:id/realised',
    summary: '认领人标记心愿已实现（需有照片）',
    access: ['member'],
    params: IdParams,
    response: Wish,
    refusals: [wishRefusals.not_claimer, wishRefusals.wrong_state, wishRefusals.photos_required],
  }),
  confirm: endpoint({
    method: 'POST',
    path: '/api/wishes/:id/confirm',
    summary: '心愿人或管理员确认完成（可留感谢；认领人得公益积分）',
    access: 'signedIn',
    params: IdParams,
    body: WishConfirmation,
    response: Wish,
    refusals: [wishRefusals.wrong_state],
  }),
  revokeClaim: endpoint({
    method: 'POST',
    path: '/api/wishes/:id/revoke-claim',
    summary: '撤销认领（写明理由，通知认领人）',
    access: ['unit_admin', 'secretariat'],
    params: IdParams,
    body: WishReasonBody,
    response: Wish,
    refusals: [wishRefusals.wrong_state],
  }),
  takeDown: endpoint({
    method: 'POST',
    path: '/api/wishes/:id/take-down',
    summary: '下架心愿（写明理由）',
    access: ['unit_admin', 'secretariat'],
    params: IdParams,
    body: WishReasonBody,
    response: Wish,
    refusals: [wishRefusals.wrong_state],
  }),
  ranking: endpoint({
    method: 'GET',
    path: '/api/wish-ranking',
    summary: '圆梦榜：按实现的心愿数（不按认领数）',
    access: 'signedIn',
    response: WishRanking,
  }),
};
