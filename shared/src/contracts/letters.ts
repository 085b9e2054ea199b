import { z } from 'zod';
import { endpoint } from '../contract';
import { LETTER_MAX_EXTENSION_DAYS, LETTERS_PER_DAY, LetterKind, LetterRating, LetterRecipient, LetterStatus } from '../domain/letters';
import { defineRefusals, refusal } from '../refusal';
import { Id, IdParams, Ok, PageQuery, pageOf } from './common';
import { uploadRefusals } from './uploads';

export const LetterReply = z.object({
  id: z.number().int(),
  body: z.string(),
  /** Held by the content check: shown to the reply's author and the reviewer only. */
  held: z.boolean(),
  createdAt: z.string(),
});
export type LetterReply = z.infer<typeof LetterReply>;

/** At most this many photos go with one letter. */
export const MAX_LETTER_PHOTOS = 3;
/**
 * Photos uploaded for letters not yet sent in the last day, per member: enough for a letter being
 * rewritten, not a store. A photo removed from the form is deleted (`removePhoto`); one left by a
 * letter never sent stops counting after a day.
 */
export const MAX_UNSENT_LETTER_PHOTOS = 9;
export const UNSENT_LETTER_PHOTO_HOURS = 24;

/** A photo uploaded for a letter; `GET /api/letter-photos/:id` serves it to the writer and the letter's readers. */
export const LetterPhoto = z.object({ id: z.number().int(), width: z.number().int().nullable(), height: z.number().int().nullable() });
export type LetterPhoto = z.infer<typeof LetterPhoto>;

/**
 * A letter as its viewer may see it. `writer` is null to every reader (secretary, secretariat,
 * reviewer) when the letter is anonymous; only the writer sees their own name on it.
 */
export const Letter = z.object({
  id: z.number().int(),
  recipient: LetterRecipient,
  recipientLabel: z.string(),
  kind: LetterKind,
  kindLabel: z.string(),
  body: z.string(),
  anonymous: z.boolean(),
  writer: z.object({ name: z.string(), unitName: z.string().nullable() }).nullable(),
  /** Whether the viewer wrote it. */
  mine: z.boolean(),
  status: LetterStatus,
  statusLabel: z.string(),
  writtenOn: z.string(),
  acceptDueOn: z.string(),
  replyDueOn: z.string().nullable(),
  /** The day its reader must act by now (accept or reply); null when nothing waits on the reader. */
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  extension: z.object({ days: z.number().int(), reason: z.string() }).nullable(),
  rating: LetterRating.nullable(),
  ratingLabel: z.string().nullable(),
  reopened: z.boolean(),
  onBoard: z.boolean(),
  boardShowsName: z.boolean(),
  replies: z.array(LetterReply),
  /** Shown to the writer and the letter's readers, never on the 党群聊吧 board. */
  photos: z.array(LetterPhoto),
  createdAt: z.string(),
  acceptedAt: z.string().nullable(),
});
export type Letter = z.infer<typeof Letter>;

export const LetterInput = z.object({
  recipient: LetterRecipient.meta({ label: '写给' }),
  kind: LetterKind.meta({ label: '类别' }),
  body: z.string().trim().min(5, '请至少写 5 个字').max(1000, '最多 1000 字').meta({ label: '内容' }),
  anonymous: z.boolean().default(false).meta({ label: '不向书记显示我的姓名' }),
  /** Photos uploaded first (`uploadPhoto`), the writer's own and not yet sent with a letter. */
  photoIds: z
    .array(Id)
    .max(MAX_LETTER_PHOTOS, `最多 ${MAX_LETTER_PHOTOS} 张照片`)
    .refine((ids) => new Set(ids).size === ids.length, '同一张照片只能添加一次')
    .default([])
    .meta({ label: '照片' }),
});
export type LetterInput = z.output<typeof LetterInput>;

export const LetterReplyInput = z.object({
  body: z.string().trim().min(5, '回复至少 5 个字').max(2000, '回复最多 2000 字').meta({ label: '回复' }),
});

export const LetterExtensionInput = z.object({
  days: z.number().int().min(1).max(LETTER_MAX_EXTENSION_DAYS).meta({ label: '延期工作日' }),
  reason: z.string().trim().min(2, '请写明延期理由').max(200).meta({ label: '延期理由' }),
});
export type LetterExtensionInput = z.output<typeof LetterExtensionInput>;

export const LetterRatingInput = z.object({ rating: LetterRating.meta({ label: '评价' }) });

export const LetterBoardInput = z.object({
  onBoard: z.boolean().meta({ label: '同意公开到党群聊吧' }),
  showName: z.boolean().default(false).meta({ label: '显示我的姓名' }),
});

export const LetterReviewInput = z.object({ release: z.boolean().meta({ label: '是否通过' }) });

export const LetterInboxQuery = PageQuery.extend({
  /** `open`: waiting on the reader (待受理、已受理、待复审); `done`: replied or rated. */
  view: z.enum(['open', 'done', 'overdue']).default('open').meta({ label: '范围' }),
});

/** A letter on the unit's 党群聊吧 board, shown with the writer's consent. */
export const BoardLetter = z.object({
  id: z.number().int(),
  kindLabel: z.string(),
  body: z.string(),
  /** Only when the writer chose to show it (never for an anonymous letter). */
  writerName: z.string().nullable(),
  replies: z.array(z.object({ body: z.string(), createdAt: z.string() })),
  followCount: z.number().int(),
  following: z.boolean(),
  createdAt: z.string(),
});
export type BoardLetter = z.infer<typeof BoardLetter>;

export const LetterFollow = z.object({ following: z.boolean(), followCount: z.number().int() });

/** Per unit, for the secretariat: counts and timeliness of letters to its secretaries, never their content. */
export const UnitLetterTimeliness = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  total: z.number().int(),
  waiting: z.number().int(),
  overdueNow: z.number().int(),
  /** Letters that were overdue at some time (the scheduled check or now). */
  everOverdue: z.number().int(),
  replied: z.number().int(),
  satisfied: z.number().int(),
  fair: z.number().int(),
  unsatisfied: z.number().int(),
});
export type UnitLetterTimeliness = z.infer<typeof UnitLetterTimeliness>;

export const letterRefusals = defineRefusals({
  daily_limit: refusal({
    code: 'conflict',
    details: z.object({ limit: z.number().int() }),
    message: ({ limit }) => `每天最多写 ${limit} 封信，请明天再写`,
  }),
  no_unit: refusal({ code: 'forbidden', message: '您不在任何单位的名册中，只能写信给协会秘书处' }),
  no_secretary: refusal({ code: 'conflict', message: '本单位尚未设置书记，请联系党务工作者在名册中标记书记，或写信给协会秘书处' }),
  letter_not_yours: refusal({ code: 'forbidden', message: '只能查看写给您的信件或您自己写的信件' }),
  wrong_status: refusal({
    code: 'conflict',
    details: z.object({ status: LetterStatus }),
    message: '信件当前状态不能进行此操作，请刷新后再试',
  }),
  already_extended: refusal({ code: 'conflict', message: '每封信只能延期一次' }),
  reply_under_review: refusal({ code: 'conflict', message: '上一条回复正在内容审核中，请等待审核结果' }),
  nothing_to_review: refusal({ code: 'conflict', message: '这封信没有待审核的内容' }),
  board_needs_name: refusal({ code: 'invalid_input', message: '匿名信件公开到党群聊吧时不能显示姓名' }),
  not_on_board: refusal({ code: 'not_found', message: '这封信不在本单位的党群聊吧中' }),
  photo_not_yours: refusal({ code: 'forbidden', message: '照片不存在、不是您上传的，或已随其他信件寄出，请重新添加' }),
  // Someone else's photo answers as one that is not there: its existence is nobody else's business.
  photo_not_removable: refusal({ code: 'not_found', message: '没有这张待寄出的照片（可能已随信寄出或已移除）' }),
});

export const letters = {
  write: endpoint({
    method: 'POST',
    path: '/api/me/letters',
    summary: `写信给本单位书记或协会秘书处（每天最多 ${LETTERS_PER_DAY} 封）`,
    access: ['member'],
    body: LetterInput,
    response: Letter,
    status: 201,
    refusals: [letterRefusals.daily_limit, letterRefusals.no_unit, letterRefusals.no_secretary, letterRefusals.photo_not_yours],
  }),
  uploadPhoto: endpoint({
    method: 'POST',
    path: '/api/me/letter-photos',
    summary: `为要写的信上传照片（每封最多 ${MAX_LETTER_PHOTOS} 张，写信时一并寄出）`,
    access: ['member'],
    bodyKind: 'multipart',
    maxUploadBytes: 5 * 1024 * 1024,
    response: LetterPhoto,
    status: 201,
    refusals: [
      uploadRefusals.file_missing,
      uploadRefusals.file_empty,
      uploadRefusals.file_type_refused,
      uploadRefusals.file_unreadable,
      uploadRefusals.file_too_complex,
      uploadRefusals.too_many_files,
    ],
  }),
  removePhoto: endpoint({
    method: 'DELETE',
    path: '/api/me/letter-photos/:id',
    summary: '移除尚未寄出的信件照片（写信时点了 ×）',
    access: ['member'],
    params: IdParams,
    response: Ok,
    refusals: [letterRefusals.photo_not_removable],
  }),
  photo: endpoint({
    method: 'GET',
    path: '/api/letter-photos/:id',
    summary: '信件照片（上传人、写信人及该信的收信人、审核人可见）',
    access: 'signedIn',
    params: IdParams,
    response: z.unknown(),
    responseKind: 'binary',
    refusals: [letterRefusals.letter_not_yours],
  }),
  mine: endpoint({
    method: 'GET',
    path: '/api/me/letters',
    summary: '我写的信',
    access: ['member'],
    query: PageQuery,
    response: pageOf(Letter),
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/letters/:id',
    summary: '一封信（写信人、收信的书记或秘书处、审核人）',
    access: 'signedIn',
    params: IdParams,
    response: Letter,
    refusals: [letterRefusals.letter_not_yours],
  }),
  inbox: endpoint({
    method: 'GET',
    path: '/api/letters/inbox',
    summary: '书记信箱（本单位写给书记的信）或秘书处信箱（写给协会的信），待办按期限排序',
    access: ['party_secretary', 'secretariat'],
    query: LetterInboxQuery,
    response: pageOf(Letter),
  }),
  accept: endpoint({
    method: 'POST',
    path: '/api/letters/:id/acceptance',
    summary: '受理来信（2 个工作日内）',
    access: ['party_secretary', 'secretariat'],
    params: IdParams,
    response: Letter,
    refusals: [letterRefusals.letter_not_yours, letterRefusals.wrong_status],
  }),
  reply: endpoint({
    method: 'POST',
    path: '/api/letters/:id/replies',
    summary: '回复来信（受理后 10 个工作日内；未受理的信回复即受理）',
    access: ['party_secretary', 'secretariat'],
    params: IdParams,
    body: LetterReplyInput,
    response: Letter,
    status: 201,
    refusals: [letterRefusals.letter_not_yours, letterRefusals.wrong_status, letterRefusals.reply_under_review],
  }),
  extend: endpoint({
    method: 'POST',
    path: '/api/letters/:id/extension',
    summary: '延期回复一次（最多 10 个工作日，写明理由，写信人可见）',
    access: ['party_secretary', 'secretariat'],
    params: IdParams,
    body: LetterExtensionInput,
    response: Letter,
    refusals: [letterRefusals.letter_not_yours, letterRefusals.wrong_status, letterRefusals.already_extended],
  }),
  rate: endpoint({
    method: 'POST',
    path: '/api/letters/:id/rating',
    summary: '评价回复（不满意可退回复审一次）',
    access: ['member'],
    params: IdParams,
    body: LetterRatingInput,
    response: Letter,
    refusals: [letterRefusals.letter_not_yours, letterRefusals.wrong_status],
  }),
  setBoard: endpoint({
    method: 'PUT',
    path: '/api/letters/:id/board',
    summary: '同意（或撤回）将已回复的信公开到本单位党群聊吧',
    access: ['member'],
    params: IdParams,
    body: LetterBoardInput,
    response: Letter,
    refusals: [letterRefusals.letter_not_yours, letterRefusals.wrong_status, letterRefusals.board_needs_name],
  }),
  held: endpoint({
    method: 'GET',
    path: '/api/letters/held',
    summary: '内容待审核的来信和回复（本单位党务工作者；写给秘书处的由秘书处审核）',
    access: ['unit_admin', 'secretariat'],
    query: PageQuery,
    response: pageOf(Letter),
  }),
  review: endpoint({
    method: 'POST',
    path: '/api/letters/:id/review',
    summary: '审核被内容安全检查拦下的来信或回复：通过或不通过',
    access: ['unit_admin', 'secretariat'],
    params: IdParams,
    body: LetterReviewInput,
    response: Letter,
    refusals: [letterRefusals.letter_not_yours, letterRefusals.nothing_to_review],
  }),
  board: endpoint({
    method: 'GET',
    path: '/api/me/letter-board',
    summary: '本单位党群聊吧：写信人同意公开的已回复信件',
    access: ['member'],
    query: PageQuery,
    response: pageOf(BoardLetter),
    refusals: [letterRefusals.no_unit],
  }),
  follow: endpoint({
    method: 'POST',
    path: '/api/letters/:id/follow',
    summary: '我也关注（每人每封一次）',
    access: ['member'],
    params: IdParams,
    response: LetterFollow,
    refusals: [letterRefusals.not_on_board],
  }),
  unfollow: endpoint({
    method: 'DELETE',
    path: '/api/letters/:id/follow',
    summary: '取消关注',
    access: ['member'],
    params: IdParams,
    response: LetterFollow,
    refusals: [letterRefusals.not_on_board],
  }),
  timeliness: endpoint({
    method: 'GET',
    path: '/api/letters/timeliness',
    summary: '各单位书记信箱的办理时效（仅数量，不含信件内容）',
    access: ['secretariat'],
    response: z.array(UnitLetterTimeliness),
  }),
};
