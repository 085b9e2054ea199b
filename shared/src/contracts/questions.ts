import { z } from 'zod';
import { endpoint } from '../contract';
import { defineRefusals, refusal } from '../refusal';
import { IdParams, PageQuery, pageOf } from './common';
import { UnitParams } from './members';

/**
 * Text others read: shown (`visible`), held by the content check until the unit admin lets it
 * through or hides it (`held`), or hidden by the unit admin with a reason its author sees (`hidden`).
 */
export const ModerationState = z.enum(['visible', 'held', 'hidden']);
export type ModerationState = z.infer<typeof ModerationState>;
export const MODERATION_LABELS: Record<ModerationState, string> = { visible: '已发布', held: '待审核', hidden: '已隐藏' };

export const QuestionInput = z.object({
  title: z.string().trim().min(4, '标题至少 4 个字').max(60).meta({ label: '标题' }),
  body: z.string().trim().min(5, '请把问题写清楚（至少 5 个字）').max(2000).meta({ label: '问题描述' }),
  tags: z.array(z.string().trim().min(1).max(10, '每个标签最多 10 个字')).max(5, '最多 5 个标签').default([]).meta({ label: '标签' }),
});
export type QuestionInput = z.output<typeof QuestionInput>;

export const AnswerInput = z.object({
  body: z.string().trim().min(2, '回答至少 2 个字').max(2000).meta({ label: '回答' }),
});

export const SolutionInput = z.object({ answerId: z.coerce.number().int().positive().max(2_147_483_647).meta({ label: '回答' }) });

export const ModerationInput = z
  .object({
    action: z.enum(['release', 'hide']).meta({ label: '处理' }),
    reason: z.string().trim().max(200).optional().meta({ label: '隐藏原因' }),
  })
  .refine((m) => m.action === 'release' || (m.reason !== undefined && m.reason.length >= 2), {
    path: ['reason'],
    message: '隐藏时请写明原因',
  });
export type ModerationInput = z.output<typeof ModerationInput>;

const Person = z.object({ id: z.number().int(), name: z.string() });

export const Answer = z.object({
  id: z.number().int(),
  questionId: z.number().int(),
  author: Person,
  body: z.string(),
  moderation: ModerationState,
  moderationLabel: z.string(),
  /** Shown to the author and the unit admin only. */
  hiddenReason: z.string().nullable(),
  heldLabel: z.string().nullable(),
  solution: z.boolean(),
  points: z.number().int().nullable(),
  createdAt: z.string(),
});
export type Answer = z.infer<typeof Answer>;

export const QuestionSummary = z.object({
  id: z.number().int(),
  title: z.string(),
  excerpt: z.string(),
  tags: z.array(z.string()),
  asker: Person,
  moderation: ModerationState,
  moderationLabel: z.string(),
  hiddenReason: z.string().nullable(),
  solved: z.boolean(),
  answerCount: z.number().int(),
  createdAt: z.string(),
});
export type QuestionSummary = z.infer<typeof QuestionSummary>;

export const QuestionDetail = QuestionSummary.extend({
  body: z.string(),
  heldLabel: z.string().nullable(),
  answers: z.array(Answer),
  /** The caller asked it: may mark the solution. */
  mine: z.boolean(),
  /** The caller is its unit's admin: may let held text through or hide it. */
  canModerate: z.boolean(),
});
export type QuestionDetail = z.infer<typeof QuestionDetail>;

export const QuestionListQuery = PageQuery.extend({
  q: z.string().trim().max(40, '搜索词最多 40 个字').optional().meta({ label: '搜索' }),
  solved: z.enum(['true', 'false']).optional().meta({ label: '是否已解决' }),
});

/** The unit admin's queue: held and hidden questions and answers. */
export const ModerationQueue = z.object({
  questions: z.array(QuestionSummary.extend({ heldLabel: z.string().nullable() })),
  answers: z.array(Answer.extend({ questionTitle: z.string() })),
});
export type ModerationQueue = z.infer<typeof ModerationQueue>;

export const questionRefusals = defineRefusals({
  not_in_unit: refusal({ code: 'forbidden', message: '传帮带问答只在本单位内进行' }),
  question_not_visible: refusal({ code: 'conflict', message: '该问题正在审核或已隐藏，暂不能回答或采纳' }),
  not_asker: refusal({ code: 'forbidden', message: '只有提问人可以采纳回答' }),
  own_answer: refusal({ code: 'conflict', message: '不能采纳自己的回答' }),
  answer_not_visible: refusal({ code: 'conflict', message: '只能采纳已发布的回答' }),
  already_solved: refusal({
    code: 'conflict',
    details: z.object({ answerId: z.number().int() }),
    message: '该问题已采纳过回答，不能再次采纳',
  }),
  already_moderated: refusal({
    code: 'conflict',
    details: z.object({ moderation: ModerationState }),
    message: ({ moderation }) => (moderation === 'hidden' ? '该内容已隐藏' : '该内容已发布，无需放行'),
  }),
});

export const questions = {
  list: endpoint({
    method: 'GET',
    path: '/api/questions',
    summary: '本单位的传帮带问题（可搜索）',
    access: 'signedIn',
    query: QuestionListQuery,
    response: pageOf(QuestionSummary),
    refusals: [questionRefusals.not_in_unit],
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/questions/:id',
    summary: '一个问题及其回答',
    access: 'signedIn',
    params: IdParams,
    response: QuestionDetail,
    refusals: [questionRefusals.not_in_unit],
  }),
  ask: endpoint({
    method: 'POST',
    path: '/api/questions',
    summary: '提问（内容经安全检测，可疑内容待党务工作者审核）',
    access: ['member'],
    body: QuestionInput,
    response: QuestionDetail,
    status: 201,
    refusals: [questionRefusals.not_in_unit],
  }),
  answer: endpoint({
    method: 'POST',
    path: '/api/questions/:id/answers',
    summary: '回答问题',
    access: ['member'],
    params: IdParams,
    body: AnswerInput,
    response: Answer,
    status: 201,
    refusals: [questionRefusals.not_in_unit, questionRefusals.question_not_visible],
  }),
  markSolved: endpoint({
    method: 'POST',
    path: '/api/questions/:id/solution',
    summary: '采纳解决了问题的回答（回答人得 1 分，每月至多 4 次）',
    access: ['member'],
    params: IdParams,
    body: SolutionInput,
    response: QuestionDetail,
    refusals: [
      questionRefusals.not_asker,
      questionRefusals.own_answer,
      questionRefusals.answer_not_visible,
      questionRefusals.question_not_visible,
      questionRefusals.already_solved,
    ],
  }),
  moderateQuestion: endpoint({
    method: 'POST',
    path: '/api/questions/:id/moderation',
    summary: '放行或隐藏问题（隐藏须写明原因）',
    access: ['unit_admin'],
    params: IdParams,
    body: ModerationInput,
    response: QuestionDetail,
    refusals: [questionRefusals.already_moderated],
  }),
  moderateAnswer: endpoint({
    method: 'POST',
    path: '/api/question-answers/:id/moderation',
    summary: '放行或隐藏回答（隐藏须写明原因）',
    access: ['unit_admin'],
    params: IdParams,
    body: ModerationInput,
    response: Answer,
    refusals: [questionRefusals.already_moderated],
  }),
  queue: endpoint({
    method: 'GET',
    path: '/api/units/:unitId/question-moderation',
    summary: '本单位待审核和已隐藏的问答',
    access: ['unit_admin'],
    params: UnitParams,
    response: ModerationQueue,
  }),
};
