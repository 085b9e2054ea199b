import { z } from 'zod';
import { endpoint } from '../contract';
import { FieldIssue } from '../errors';
import { defineRefusals, refusal } from '../refusal';
import { callRefusals, CallKindSchema, CriterionSchema, Instant } from './calls';
import { IdParams } from './common';
import { EntryFile } from './entries';

export const ReviewStatus = z.enum(['none', 'draft', 'submitted']);
export const ScoresSchema = z.record(z.string().max(40), z.number());

/** A reviewer's queue: assigned entries by registration number, without anything naming the unit. */
export const ReviewQueueItem = z.object({
  assignmentId: z.number().int(),
  entryId: z.number().int(),
  registrationNumber: z.string().nullable(),
  title: z.string(),
  category: z.string().nullable(),
  callTitle: z.string(),
  deadline: z.string(),
  overdue: z.boolean(),
  reviewStatus: ReviewStatus,
  weightedScore: z.number().nullable(),
});
export type ReviewQueueItem = z.infer<typeof ReviewQueueItem>;

export const Review = z.object({
  scores: ScoresSchema,
  opinion: z.string(),
  status: z.enum(['draft', 'submitted']),
  weightedScore: z.number().nullable(),
  submittedAt: z.string().nullable(),
  reopenReason: z.string().nullable(),
});

/** What a reviewer sees of an entry: its content only — no unit, author, contact or file names. */
export const ReviewAssignment = z.object({
  assignmentId: z.number().int(),
  deadline: z.string(),
  overdue: z.boolean(),
  /** False once submitted (until reopened), after the deadline, or when the round is closed. */
  canEdit: z.boolean(),
  call: z.object({ id: z.number().int(), title: z.string(), kind: CallKindSchema, rubric: z.array(CriterionSchema) }),
  entry: z.object({
    id: z.number().int(),
    registrationNumber: z.string().nullable(),
    title: z.string(),
    category: z.string().nullable(),
    topicTitle: z.string().nullable(),
    summary: z.string(),
    body: z.string(),
    images: z.array(EntryFile),
    attachments: z.array(EntryFile),
  }),
  review: Review.nullable(),
});
export type ReviewAssignment = z.infer<typeof ReviewAssignment>;

export const ReviewInput = z.object({
  scores: ScoresSchema.meta({ label: '评分' }),
  opinion: z.string().trim().max(2000, '评审意见最多 2000 字').default('').meta({ label: '评审意见' }),
});
export type ReviewInput = z.output<typeof ReviewInput>;

export const reviewRefusals = defineRefusals({
  /** Final once submitted; the secretariat may send it back (reopen). */
  review_already_submitted: refusal({ code: 'conflict', message: '评分已提交，不能再修改；如需修改请联系秘书处' }),
  review_deadline_passed: refusal({
    code: 'deadline_passed',
    details: z.object({ deadline: z.string() }),
    message: '已超过评审截止时间',
  }),
  /** Scores outside the rubric: an unknown criterion, a value out of its range or with more than one decimal, one missing on submit. */
  scores_invalid: refusal({
    code: 'invalid_input',
    details: z.object({ issues: z.array(FieldIssue) }),
    message: ({ issues }) => issues.map((issue) => issue.message).join('；'),
  }),
  opinion_required: refusal({ code: 'invalid_input', message: '请填写评审意见' }),
  review_not_submitted: refusal({ code: 'conflict', message: '这份评分尚未提交，无需退回' }),
});

/** Why a review can no longer change. */
const LOCKED_REFUSALS = [
  callRefusals.results_published,
  callRefusals.review_round_closed,
  reviewRefusals.review_already_submitted,
  reviewRefusals.review_deadline_passed,
] as const;

const AssignmentParams = IdParams;

export const reviews = {
  queue: endpoint({
    method: 'GET',
    path: '/api/me/reviews',
    summary: '我的评审任务（仅分配给我的、尚未发布结果的报送）',
    access: ['reviewer'],
    response: z.object({ items: z.array(ReviewQueueItem) }),
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/assignments/:id',
    summary: '评审一份报送：内容、评分标准和我的评分',
    access: ['reviewer'],
    params: AssignmentParams,
    response: ReviewAssignment,
  }),
  saveDraft: endpoint({
    method: 'PUT',
    path: '/api/assignments/:id/review',
    summary: '保存评分草稿',
    access: ['reviewer'],
    params: AssignmentParams,
    body: ReviewInput,
    response: ReviewAssignment,
    refusals: [...LOCKED_REFUSALS, reviewRefusals.scores_invalid],
  }),
  submit: endpoint({
    method: 'POST',
    path: '/api/assignments/:id/review/submit',
    summary: '提交评分与评审意见（截止前；提交后不能再改，除非秘书处退回重评）',
    access: ['reviewer'],
    params: AssignmentParams,
    body: ReviewInput,
    response: ReviewAssignment,
    refusals: [...LOCKED_REFUSALS, reviewRefusals.scores_invalid, reviewRefusals.opinion_required],
  }),
  decline: endpoint({
    method: 'POST',
    path: '/api/assignments/:id/decline',
    summary: '谢绝评审（写明理由），报送将转给其他专家',
    access: ['reviewer'],
    params: AssignmentParams,
    body: z.object({ reason: z.string().trim().min(2, '请写明谢绝的理由').max(200).meta({ label: '谢绝理由' }) }),
    response: z.object({ declined: z.literal(true), reassigned: z.boolean() }),
    refusals: [reviewRefusals.review_already_submitted, callRefusals.results_published, callRefusals.review_round_closed],
  }),
  reopen: endpoint({
    method: 'POST',
    path: '/api/assignments/:id/reopen',
    summary: '退回已提交的评分，请专家重评（可给新的截止时间）',
    access: ['secretariat'],
    params: AssignmentParams,
    body: z.object({
      reason: z.string().trim().min(2, '请写明退回重评的理由').max(200).meta({ label: '退回理由' }),
      deadline: Instant.optional().meta({ label: '新的评审截止时间' }),
    }),
    response: z.object({ ok: z.literal(true) }),
    refusals: [callRefusals.results_published, callRefusals.review_round_closed, reviewRefusals.review_not_submitted],
  }),
};
