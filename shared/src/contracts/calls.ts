import { z } from 'zod';
import { endpoint } from '../contract';
import { CALL_CODE_PATTERN, CALL_KINDS, DEFAULT_ENTRY_LIMIT } from '../domain/calls';
import { ENTRY_STATUSES } from '../domain/entryLifecycle';
import { defineRefusals, refusal } from '../refusal';
import { pickedInstant } from './calendarFields';
import { changesOf, IdParams } from './common';

export const CallKindSchema = z.enum(CALL_KINDS);
export const EntryStatusSchema = z.enum(ENTRY_STATUSES);
export const CallPhaseSchema = z.enum(['upcoming', 'open', 'closed']);

export { Instant } from './calendarFields';

export const CriterionSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,30}$/, '评分项代码应为小写字母开头的字母、数字或下划线'),
  name: z.string().trim().min(1, '请填写评分项名称').max(20),
  weight: z.number().positive('权重应大于 0').max(100),
  max: z.number().int().min(1).max(100),
});

export const RubricSchema = z
  .array(CriterionSchema)
  .min(1, '至少需要一个评分项')
  .max(10)
  .refine((rubric) => new Set(rubric.map((c) => c.key)).size === rubric.length, '评分项代码不能重复');

export const TierSchema = z.object({
  name: z.string().trim().min(1, '请填写等次名称').max(20),
  share: z.number().min(0).max(100).nullable(),
  showcase: z.boolean(),
});

export const TiersSchema = z
  .array(TierSchema)
  .min(1, '至少需要一个等次')
  .max(10)
  .refine((tiers) => new Set(tiers.map((t) => t.name)).size === tiers.length, '等次名称不能重复')
  .refine((tiers) => tiers.reduce((sum, t) => sum + (t.share ?? 0), 0) <= 100, '各等次比例之和不能超过 100%');

const Categories = z
  .array(z.string().trim().min(1).max(30))
  .max(20)
  .refine((list) => new Set(list).size === list.length, '类别不能重复');

/** A call as the secretariat opens it; what is left out takes the association's defaults. */
export const CallInput = z.object({
  kind: CallKindSchema.meta({ label: '征集类型' }),
  title: z.string().trim().min(1, '请填写征集标题').max(100).meta({ label: '征集标题' }),
  description: z.string().trim().max(5000).default('').meta({ label: '征集说明' }),
  /** Letters in the registration numbers; by default 案例 AL, 课题 KT, 信息 XX (AL2 … when taken that year). */
  code: z.string().trim().regex(CALL_CODE_PATTERN, '编号代码应为两位大写字母开头，最多 6 位').optional().meta({ label: '编号代码' }),
  /** Defaults to the four themes for a case contest, none otherwise. */
  categories: Categories.optional().meta({ label: '类别' }),
  rubric: RubricSchema.optional().meta({ label: '评分标准' }),
  tiers: TiersSchema.optional().meta({ label: '等次' }),
  opensAt: pickedInstant('开始时间'),
  closesAt: pickedInstant('截止时间'),
  entryLimit: z.number().int().min(1).max(100).default(DEFAULT_ENTRY_LIMIT).meta({ label: '每单位报送上限' }),
  /** Reviewers per entry; 0 for 信息报送, which the secretariat adopts without review. */
  reviewersPerEntry: z.number().int().min(0).max(10).optional().meta({ label: '每份评审专家数' }),
});
export type CallInput = z.output<typeof CallInput>;

/** A change of a call: the fields it names, never the kind or the code (registration numbers carry it). */
export const CallChanges = changesOf(CallInput.omit({ kind: true, code: true }));
export type CallChanges = z.output<typeof CallChanges>;

export const Call = z.object({
  id: z.number().int(),
  kind: CallKindSchema,
  title: z.string(),
  description: z.string(),
  year: z.number().int(),
  code: z.string(),
  categories: z.array(z.string()),
  rubric: z.array(CriterionSchema),
  tiers: z.array(TierSchema),
  opensAt: z.string(),
  closesAt: z.string(),
  phase: CallPhaseSchema,
  entryLimit: z.number().int(),
  reviewersPerEntry: z.number().int(),
  reviewRoundClosedAt: z.string().nullable(),
  resultsPublishedAt: z.string().nullable(),
  /** For unit staff: how many places the unit has used and has left. */
  myUnit: z.object({ used: z.number().int(), remaining: z.number().int(), drafts: z.number().int() }).nullable(),
  /** For the secretariat: entries by status (drafts are the units' own and not counted). */
  entryCounts: z.partialRecord(EntryStatusSchema, z.number().int()).nullable(),
});
export type Call = z.infer<typeof Call>;

/** Refusals of calls, and of what happens in a call's time: its window, its review round, its results. */
export const callRefusals = defineRefusals({
  call_not_open: refusal({
    code: 'conflict',
    details: z.object({ opensAt: z.string() }),
    message: '征集尚未开始',
  }),
  /** Past the close time by the server's clock (`deadline_passed`, which clients already show as such). */
  call_closed: refusal({
    code: 'deadline_passed',
    details: z.object({ closesAt: z.string() }),
    message: '征集已截止',
  }),
  call_already_closed: refusal({
    code: 'conflict',
    details: z.object({ closesAt: z.string() }),
    message: '该征集已经截止',
  }),
  rubric_locked: refusal({ code: 'conflict', message: '评审已经开始，不能再修改评分标准' }),
  results_published: refusal({
    code: 'conflict',
    details: z.object({ publishedAt: z.string() }),
    message: '结果已发布',
  }),
  review_round_closed: refusal({
    code: 'conflict',
    details: z.object({ closedAt: z.string() }),
    message: '评审轮次已结束',
  }),
});

export const CallListQuery = z.object({
  kind: CallKindSchema.optional().meta({ label: '征集类型' }),
  phase: CallPhaseSchema.optional().meta({ label: '阶段' }),
});

export const calls = {
  list: endpoint({
    method: 'GET',
    path: '/api/calls',
    summary: '征集列表（案例征集、课题调研、信息报送），新的在前',
    access: 'signedIn',
    query: CallListQuery,
    response: z.object({ items: z.array(Call) }),
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/calls/:id',
    summary: '一个征集的详情：类别、评分标准、等次、时间',
    access: 'signedIn',
    params: IdParams,
    response: Call,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/calls',
    summary: '发起征集',
    access: ['secretariat'],
    body: CallInput,
    response: Call,
    status: 201,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/calls/:id',
    summary: '修改征集（评审开始后不能再改评分标准）',
    access: ['secretariat'],
    params: IdParams,
    body: CallChanges,
    response: Call,
    refusals: [callRefusals.results_published, callRefusals.rubric_locked],
  }),
  close: endpoint({
    method: 'POST',
    path: '/api/calls/:id/close',
    summary: '立即截止征集',
    access: ['secretariat'],
    params: IdParams,
    response: Call,
    refusals: [callRefusals.call_already_closed, callRefusals.call_not_open],
  }),
};
