import { z } from 'zod';
import { endpoint } from '../contract';
import { defineRefusals, refusal } from '../refusal';
import { callRefusals, EntryStatusSchema } from './calls';
import { Id, IdParams } from './common';
import { entryRefusals } from './entries';
import { ScoresSchema } from './reviews';

export const ResultReview = z.object({
  assignmentId: z.number().int(),
  reviewerName: z.string(),
  status: z.enum(['none', 'draft', 'submitted']),
  scores: ScoresSchema.nullable(),
  weightedScore: z.number().nullable(),
  opinion: z.string().nullable(),
});

export const ResultRow = z.object({
  entryId: z.number().int(),
  registrationNumber: z.string().nullable(),
  title: z.string(),
  unitName: z.string(),
  groupName: z.string(),
  status: EntryStatusSchema,
  reviews: z.array(ResultReview),
  /** Mean of the submitted reviews' weighted scores (100-point scale). */
  mean: z.number().nullable(),
  /** Highest minus lowest weighted score. */
  spread: z.number().nullable(),
  /** Spread above the disagreement threshold. */
  disagreement: z.boolean(),
  rank: z.number().int().nullable(),
  suggestedTier: z.string().nullable(),
  tier: z.string().nullable(),
});
export type ResultRow = z.infer<typeof ResultRow>;

export const Results = z.object({
  callId: z.number().int(),
  disagreementThreshold: z.number(),
  rows: z.array(ResultRow),
  reviewRoundClosedAt: z.string().nullable(),
  resultsPublishedAt: z.string().nullable(),
  /** What still stands in the way of publishing; empty when results may be published. */
  blocking: z.array(z.string()),
});
export type Results = z.infer<typeof Results>;

export const TiersInput = z.object({
  tiers: z
    .array(z.object({ entryId: Id.meta({ label: '报送' }), tier: z.string().trim().min(1).max(20).nullable().meta({ label: '等次' }) }))
    .min(1)
    .max(1000)
    .meta({ label: '等次' }),
});
export type TiersInput = z.output<typeof TiersInput>;

export const resultRefusals = defineRefusals({
  /** Tiers go to the call's entries under review only; the ids that are not are listed. */
  entries_not_in_review: refusal({
    code: 'conflict',
    details: z.object({ entryIds: z.array(z.number().int()) }),
    message: '只能为本征集中正在评审的报送确定等次',
  }),
  /** What still stands in the way, as `Results.blocking` says it. */
  publish_blocked: refusal({
    code: 'conflict',
    details: z.object({ blocking: z.array(z.string()) }),
    message: ({ blocking }) => `还不能发布结果：${blocking.join('；')}`,
  }),
});

export const results = {
  get: endpoint({
    method: 'GET',
    path: '/api/calls/:id/results',
    summary: '评审结果：每份评分的加权分、平均分、分差（分歧提示）、排名和建议等次',
    access: ['secretariat'],
    params: IdParams,
    response: Results,
  }),
  setTiers: endpoint({
    method: 'PUT',
    path: '/api/calls/:id/tiers',
    summary: '确定报送的等次',
    access: ['secretariat'],
    params: IdParams,
    body: TiersInput,
    response: Results,
    refusals: [callRefusals.results_published, resultRefusals.entries_not_in_review],
  }),
  closeRound: endpoint({
    method: 'POST',
    path: '/api/calls/:id/close-round',
    summary: '结束评审轮次：未提交的评分不再计入，可以发布结果',
    access: ['secretariat'],
    params: IdParams,
    body: z.object({ reason: z.string().trim().min(2, '请写明结束评审的理由').max(200).meta({ label: '理由' }) }),
    response: Results,
    refusals: [callRefusals.results_published, callRefusals.review_round_closed],
  }),
  publish: endpoint({
    method: 'POST',
    path: '/api/calls/:id/publish',
    summary: '发布评审结果；优秀案例进入案例库',
    access: ['secretariat'],
    params: IdParams,
    response: Results,
    refusals: [callRefusals.results_published, resultRefusals.publish_blocked, entryRefusals.state_changed],
  }),
  exportEntries: endpoint({
    method: 'GET',
    path: '/api/calls/:id/export/entries',
    summary: '导出报送、状态与评分（xlsx）',
    access: ['secretariat'],
    params: IdParams,
    response: z.unknown(),
    responseKind: 'binary',
  }),
  exportWorkload: endpoint({
    method: 'GET',
    path: '/api/calls/:id/export/workload',
    summary: '导出评审专家工作量（xlsx）',
    access: ['secretariat'],
    params: IdParams,
    response: z.unknown(),
    responseKind: 'binary',
  }),
};
