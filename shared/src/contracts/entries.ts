import { z } from 'zod';
import { endpoint } from '../contract';
import { FieldIssue } from '../errors';
import { ENTRY_FIELD_LABELS, ENTRY_TEXT_LIMITS } from '../domain/entryCompleteness';
import { ENTRY_ACTION_LABELS, ENTRY_ACTIONS, ENTRY_STATUS_LABELS } from '../domain/entryLifecycle';
import { defineRefusals, refusal } from '../refusal';
import { callRefusals, CallKindSchema, EntryStatusSchema } from './calls';
import { changesOf, Id, IdParams, Ok, PageQuery, pageOf } from './common';
import { Phone } from './members';
import { uploadRefusals } from './uploads';

/** Limits the server holds every upload to; the app checks the same before uploading. */
export const UPLOAD_LIMITS = {
  imageBytes: 5 * 1024 * 1024,
  imagesPerEntry: 9,
  attachmentBytes: 20 * 1024 * 1024,
  attachmentsPerEntry: 5,
  imageTypes: ['image/jpeg', 'image/png', 'image/webp'],
  attachmentTypes: ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
} as const;

const limit = (field: keyof typeof ENTRY_TEXT_LIMITS) =>
  z
    .string()
    .trim()
    .max(ENTRY_TEXT_LIMITS[field], `${ENTRY_FIELD_LABELS[field]}最多 ${ENTRY_TEXT_LIMITS[field]} 字`)
    .optional()
    .meta({ label: ENTRY_FIELD_LABELS[field] });

/**
 * What a draft holds; every field may be empty until the entry is submitted, when
 * `entryCompletenessProblems` (shared/src/domain/entryCompleteness.ts) decides what is missing.
 */
export const EntryDraftInput = z.object({
  title: limit('title'),
  category: z.string().trim().max(30).nullable().optional().meta({ label: ENTRY_FIELD_LABELS.category }),
  summary: limit('summary'),
  body: limit('body'),
  contactName: limit('contactName'),
  contactPhone: z
    .union([z.literal(''), Phone])
    .optional()
    .meta({ label: ENTRY_FIELD_LABELS.contactPhone }),
  topicId: Id.nullable().optional().meta({ label: ENTRY_FIELD_LABELS.topicId }),
});
export type EntryDraftInput = z.infer<typeof EntryDraftInput>;

/**
 * A save of a draft (the fields it names, at least one). An autosave names the version it edited,
 * so a stale phone cannot overwrite a newer save.
 */
export const EntryChanges = changesOf(EntryDraftInput.extend({ version: z.number().int().min(1).optional().meta({ label: '版本' }) }));
export type EntryChanges = z.output<typeof EntryChanges>;

export const EntryFile = z.object({
  id: z.number().int(),
  kind: z.enum(['image', 'attachment']),
  /** The uploaded file name; null for reviewers, to whom names could reveal the unit. */
  name: z.string().nullable(),
  mimeType: z.string(),
  size: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});
export type EntryFile = z.infer<typeof EntryFile>;

export const EntryActionSchema = z.enum(ENTRY_ACTIONS);

export const entryRefusals = defineRefusals({
  /** Every place of the unit in the call is taken by an entry handed in (withdrawn ones free theirs). */
  entry_limit_reached: refusal({
    code: 'conflict',
    details: z.object({ limit: z.number().int() }),
    message: ({ limit }) => `本单位在该征集中最多报送 ${limit} 份`,
  }),
  entry_not_editable: refusal({
    code: 'conflict',
    details: z.object({ status: EntryStatusSchema }),
    message: ({ status }) => `报送已${ENTRY_STATUS_LABELS[status]}，不能再修改`,
  }),
  /** The lifecycle (shared/src/domain/entryLifecycle.ts) has no such move from the entry's status. */
  transition_not_allowed: refusal({
    code: 'conflict',
    details: z.object({ status: EntryStatusSchema, action: EntryActionSchema }),
    message: ({ status, action }) => `报送当前为“${ENTRY_STATUS_LABELS[status]}”，不能${ENTRY_ACTION_LABELS[action]}`,
  }),
  /** Someone else moved the entry between our read and our write. */
  state_changed: refusal({ code: 'conflict', message: '报送的状态刚被更改，请刷新后重试' }),
  /** An autosave of an older version than the one saved: the newer save is kept. */
  entry_changed_elsewhere: refusal({
    code: 'conflict',
    details: z.object({ version: z.number().int() }),
    message: '报送已在别处更新，请刷新后再修改',
  }),
  /** What is missing before the entry can be handed in, per field (the form shows each under its field). */
  entry_incomplete: refusal({
    code: 'invalid_input',
    details: z.object({ issues: z.array(FieldIssue) }),
    message: ({ issues }) => `还有 ${issues.length} 项未填写完整：${issues.map((issue) => issue.message).join('；')}`,
  }),
});

const FILE_REFUSALS = [
  entryRefusals.entry_not_editable,
  callRefusals.call_closed,
  uploadRefusals.file_missing,
  uploadRefusals.file_empty,
  uploadRefusals.file_type_refused,
  uploadRefusals.file_unreadable,
  uploadRefusals.too_many_files,
] as const;

export const TimelineEvent = z.object({
  action: EntryActionSchema,
  label: z.string(),
  fromStatus: EntryStatusSchema.nullable(),
  toStatus: EntryStatusSchema,
  /** The return comment, the rejection reason, the withdrawal reason. */
  comment: z.string().nullable(),
  /** Who did it: a person of the unit by name, the secretariat as 秘书处. */
  actor: z.string(),
  at: z.string(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

/** Published results as the unit sees them: the tier and the reviewers' opinions, without names. */
export const EntryResult = z.object({
  tier: z.string().nullable(),
  mean: z.number().nullable(),
  opinions: z.array(z.string()),
});

export const EntryAssignment = z.object({
  id: z.number().int(),
  reviewerId: z.number().int(),
  reviewerName: z.string(),
  status: z.enum(['active', 'declined']),
  deadline: z.string(),
  declineReason: z.string().nullable(),
  conflictOverrideReason: z.string().nullable(),
  reviewStatus: z.enum(['none', 'draft', 'submitted']),
  weightedScore: z.number().nullable(),
});

export const Entry = z.object({
  id: z.number().int(),
  callId: z.number().int(),
  callTitle: z.string(),
  callKind: CallKindSchema,
  status: EntryStatusSchema,
  statusLabel: z.string(),
  registrationNumber: z.string().nullable(),
  unitId: z.number().int(),
  unitName: z.string(),
  authorName: z.string(),
  title: z.string(),
  category: z.string().nullable(),
  summary: z.string(),
  body: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  topic: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  version: z.number().int(),
  images: z.array(EntryFile),
  attachments: z.array(EntryFile),
  timeline: z.array(TimelineEvent),
  result: EntryResult.nullable(),
  /** The secretariat's view only: who reviews it and how far they are. */
  assignments: z.array(EntryAssignment).nullable(),
  editable: z.boolean(),
  withdrawable: z.boolean(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type Entry = z.infer<typeof Entry>;

export const EntryListItem = z.object({
  id: z.number().int(),
  callId: z.number().int(),
  callTitle: z.string(),
  callKind: CallKindSchema,
  status: EntryStatusSchema,
  statusLabel: z.string(),
  registrationNumber: z.string().nullable(),
  title: z.string(),
  category: z.string().nullable(),
  unitName: z.string(),
  authorName: z.string(),
  imageCount: z.number().int(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type EntryListItem = z.infer<typeof EntryListItem>;

export const MyEntriesQuery = PageQuery.extend({ callId: Id.optional().meta({ label: '征集' }) });

const FileParams = IdParams;

export const entries = {
  mine: endpoint({
    method: 'GET',
    path: '/api/me/entries',
    summary: '本单位的报送（含草稿），新的在前',
    access: ['unit_admin', 'info_officer'],
    query: MyEntriesQuery,
    response: pageOf(EntryListItem),
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/calls/:id/entries',
    summary: '在征集中新建一份报送草稿',
    access: ['unit_admin', 'info_officer'],
    params: IdParams,
    body: EntryDraftInput,
    response: Entry,
    status: 201,
    refusals: [callRefusals.call_not_open, callRefusals.call_closed],
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/entries/:id',
    summary: '报送详情与进度（本单位、秘书处）',
    access: 'signedIn',
    params: IdParams,
    response: Entry,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/entries/:id',
    summary: '保存报送（草稿自动保存；登记前可修改，退回后可修改）',
    access: ['unit_admin', 'info_officer'],
    params: IdParams,
    body: EntryChanges,
    response: Entry,
    refusals: [entryRefusals.entry_not_editable, callRefusals.call_closed, entryRefusals.entry_changed_elsewhere],
  }),
  submit: endpoint({
    method: 'POST',
    path: '/api/entries/:id/submit',
    summary: '提交报送（截止时间以服务器时间为准）；退回修改的报送重新提交',
    access: ['unit_admin', 'info_officer'],
    params: IdParams,
    response: Entry,
    refusals: [
      entryRefusals.transition_not_allowed,
      callRefusals.call_not_open,
      callRefusals.call_closed,
      entryRefusals.entry_incomplete,
      entryRefusals.entry_limit_reached,
      entryRefusals.state_changed,
    ],
  }),
  withdraw: endpoint({
    method: 'POST',
    path: '/api/entries/:id/withdraw',
    summary: '撤回报送（进入评审前）',
    access: ['unit_admin', 'info_officer'],
    params: IdParams,
    body: z.object({ reason: z.string().trim().max(200).optional().meta({ label: '撤回理由' }) }),
    response: Entry,
    refusals: [entryRefusals.transition_not_allowed, entryRefusals.state_changed],
  }),
  uploadImage: endpoint({
    method: 'POST',
    path: '/api/entries/:id/images',
    summary: '上传图片（JPEG/PNG/WebP，每张 ≤ 5 MB，最多 9 张；去除位置等元数据）',
    access: ['unit_admin', 'info_officer'],
    params: IdParams,
    bodyKind: 'multipart',
    maxUploadBytes: UPLOAD_LIMITS.imageBytes,
    response: EntryFile,
    status: 201,
    refusals: [...FILE_REFUSALS, uploadRefusals.file_too_complex],
  }),
  uploadAttachment: endpoint({
    method: 'POST',
    path: '/api/entries/:id/attachments',
    summary: '上传附件（docx 或 pdf，≤ 20 MB；去除作者等元数据）',
    access: ['unit_admin', 'info_officer'],
    params: IdParams,
    bodyKind: 'multipart',
    maxUploadBytes: UPLOAD_LIMITS.attachmentBytes,
    response: EntryFile,
    status: 201,
    refusals: [...FILE_REFUSALS, uploadRefusals.file_encrypted, uploadRefusals.file_too_complex],
  }),
  removeFile: endpoint({
    method: 'DELETE',
    path: '/api/entry-files/:id',
    summary: '删除报送的图片或附件',
    access: ['unit_admin', 'info_officer'],
    params: FileParams,
    response: Ok,
    refusals: [entryRefusals.entry_not_editable, callRefusals.call_closed],
  }),
  file: endpoint({
    method: 'GET',
    path: '/api/entry-files/:id',
    summary: '读取报送的图片或附件（本单位、秘书处、分配的评审专家、已发布的案例）',
    access: 'signedIn',
    params: FileParams,
    response: z.unknown(),
    responseKind: 'binary',
  }),
};
