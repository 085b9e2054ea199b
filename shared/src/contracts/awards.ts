import { z } from 'zod';
import { endpoint } from '../contract';
import { AwardKind, AwardRules, AwardReviewStatus, RuleLine } from '../domain/awards';
import { defineRefusals, refusal } from '../refusal';
import { placementRefusals } from './cases';
import { IdParams, PageQuery, pageOf } from './common';

export const AwardCount = z.object({
  award: AwardKind,
  label: z.string(),
  candidates: z.number().int(),
  eligible: z.number().int(),
  recommended: z.number().int(),
  selected: z.number().int(),
});

/** A year's review (年度评优): its frozen snapshot's counts, its rules and where the process stands. */
export const AwardReview = z.object({
  id: z.number().int(),
  year: z.number().int(),
  status: AwardReviewStatus,
  statusLabel: z.string(),
  rules: AwardRules,
  openedAt: z.string(),
  publicityStartsAt: z.string().nullable(),
  publicityEndsAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  bulletinArticleId: z.number().int().nullable(),
  awards: z.array(AwardCount),
  objections: z.object({ total: z.number().int(), unanswered: z.number().int() }),
});
export type AwardReview = z.infer<typeof AwardReview>;

/** A candidate: the frozen figures, each beside its rule, the score under today's rules, the 片组 and committee steps. */
export const AwardCandidate = z.object({
  id: z.number().int(),
  reviewId: z.number().int(),
  award: AwardKind,
  awardLabel: z.string(),
  memberId: z.number().int().nullable(),
  name: z.string(),
  unit: z.object({ id: z.number().int(), name: z.string() }),
  group: z.object({ id: z.number().int(), name: z.string() }),
  score: z.number(),
  eligible: z.boolean(),
  lines: z.array(RuleLine),
  recommendation: z.object({ note: z.string(), by: z.string().nullable(), at: z.string() }).nullable(),
  decision: z.object({ selected: z.boolean(), note: z.string(), at: z.string() }).nullable(),
});
export type AwardCandidate = z.infer<typeof AwardCandidate>;

export const AwardObjection = z.object({
  id: z.number().int(),
  candidateId: z.number().int(),
  candidateName: z.string(),
  awardLabel: z.string(),
  text: z.string(),
  /** Objections are answered to the association, not published: the objector's name is the secretariat's to see. */
  objector: z.string(),
  createdAt: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
});
export type AwardObjection = z.infer<typeof AwardObjection>;

/** What members see: reviews in 公示 (objections open until `publicityEndsAt`) or published, with their winners. */
export const AwardPublicity = z.object({
  reviewId: z.number().int(),
  year: z.number().int(),
  status: AwardReviewStatus,
  statusLabel: z.string(),
  publicityEndsAt: z.string().nullable(),
  objectionsOpen: z.boolean(),
  winners: z.array(
    z.object({ candidateId: z.number().int(), award: AwardKind, awardLabel: z.string(), name: z.string(), unitName: z.string() }),
  ),
});
export type AwardPublicity = z.infer<typeof AwardPublicity>;

export const AwardCertificate = z.object({
  candidateId: z.number().int(),
  year: z.number().int(),
  awardLabel: z.string(),
  title: z.string(),
  name: z.string(),
  unitName: z.string(),
  /** The day of publication, in Asia/Shanghai. */
  issuedOn: z.string(),
});
export type AwardCertificate = z.infer<typeof AwardCertificate>;

export const Honour = z.object({ year: z.number().int(), award: AwardKind, title: z.string(), name: z.string() });
export type Honour = z.infer<typeof Honour>;

export const OpenReviewInput = z.object({ year: z.number().int().min(2000).max(2100).meta({ label: '年度' }) });
export const CandidateQuery = PageQuery.extend({
  award: AwardKind.meta({ label: '奖项' }),
  /** Everyone, those the rules admit, or those a 片组 recommended (what the committee decides on). */
  show: z.enum(['all', 'eligible', 'recommended']).default('all').meta({ label: '显示范围' }),
});
export const RecommendInput = z.object({
  note: z.string().trim().min(2, '请写明推荐理由').max(500, '推荐理由最多 500 字').meta({ label: '推荐理由' }),
});
export const DecideInput = z.object({
  selected: z.boolean().meta({ label: '是否评选' }),
  note: z.string().trim().min(2, '请写明评审意见').max(500, '评审意见最多 500 字').meta({ label: '评审意见' }),
});
export const ObjectionInput = z.object({
  text: z.string().trim().min(5, '请至少写 5 个字').max(1000, '最多 1000 字').meta({ label: '异议内容' }),
});
export const ObjectionAnswerInput = z.object({
  answer: z.string().trim().min(2, '请填写答复').max(1000, '答复最多 1000 字').meta({ label: '答复' }),
});
export const PublishInput = z.object({ issueId: z.number().int().positive().meta({ label: '简报草稿' }) });

export const awardRefusals = defineRefusals({
  review_exists: refusal({ code: 'conflict', message: '该年度的评优已经开启' }),
  year_not_started: refusal({ code: 'conflict', message: '该年度尚未开始，不能开启评优' }),
  wrong_status: refusal({
    code: 'conflict',
    details: z.object({ status: AwardReviewStatus }),
    message: ({ status }) => `评优当前为“${{ open: '推荐评审中', publicity: '公示中', published: '已发布' }[status]}”，不能进行此操作`,
  }),
  not_your_group: refusal({ code: 'forbidden', message: '只能推荐本片组的候选' }),
  not_eligible: refusal({ code: 'conflict', message: '该候选不符合评选条件' }),
  already_recommended: refusal({ code: 'conflict', message: '已经推荐过该候选' }),
  recommend_limit_reached: refusal({
    code: 'conflict',
    details: z.object({ limit: z.number().int() }),
    message: ({ limit }) => `本片组该奖项最多推荐 ${limit} 名`,
  }),
  not_recommended: refusal({ code: 'conflict', message: '只能评审片组推荐的候选' }),
  nothing_selected: refusal({ code: 'conflict', message: '还没有评选出任何获奖者，不能公示' }),
  not_in_publicity: refusal({ code: 'conflict', message: '不在公示期内，不能提出异议' }),
  not_a_winner: refusal({ code: 'conflict', message: '该候选不在获奖名单中' }),
  already_answered: refusal({ code: 'conflict', message: '该异议已经答复' }),
  publicity_not_over: refusal({
    code: 'conflict',
    details: z.object({ endsAt: z.string() }),
    message: () => '公示期尚未结束，不能发布',
  }),
  objections_unanswered: refusal({
    code: 'conflict',
    details: z.object({ count: z.number().int() }),
    message: ({ count }) => `还有 ${count} 条异议未答复`,
  }),
});

const access = { committee: ['secretariat'] as const, reviewers: ['secretariat', 'group_leader'] as const };

export const awards = {
  open: endpoint({
    method: 'POST',
    path: '/api/awards/reviews',
    summary: '开启年度评优：冻结该年度各项数据，生成候选',
    access: access.committee,
    body: OpenReviewInput,
    response: AwardReview,
    status: 201,
    refusals: [awardRefusals.review_exists, awardRefusals.year_not_started],
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/awards/reviews',
    summary: '历年评优',
    access: access.reviewers,
    response: z.array(AwardReview),
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/awards/reviews/:id',
    summary: '一年的评优',
    access: access.reviewers,
    params: IdParams,
    response: AwardReview,
  }),
  setRules: endpoint({
    method: 'PUT',
    path: '/api/awards/reviews/:id/rules',
    summary: '修改评选规则（仅推荐评审阶段）',
    access: access.committee,
    params: IdParams,
    body: AwardRules,
    response: AwardReview,
    refusals: [awardRefusals.wrong_status],
  }),
  candidates: endpoint({
    method: 'GET',
    path: '/api/awards/reviews/:id/candidates',
    summary: '某奖项的候选及其数据（片组长只看本片组）',
    access: access.reviewers,
    params: IdParams,
    query: CandidateQuery,
    response: pageOf(AwardCandidate),
  }),
  recommend: endpoint({
    method: 'POST',
    path: '/api/awards/candidates/:id/recommendation',
    summary: '片组推荐候选',
    access: ['group_leader'],
    params: IdParams,
    body: RecommendInput,
    response: AwardCandidate,
    refusals: [
      awardRefusals.wrong_status,
      awardRefusals.not_your_group,
      awardRefusals.not_eligible,
      awardRefusals.already_recommended,
      awardRefusals.recommend_limit_reached,
    ],
  }),
  decide: endpoint({
    method: 'POST',
    path: '/api/awards/candidates/:id/decision',
    summary: '评审委员会（秘书处）决定，写明意见',
    access: access.committee,
    params: IdParams,
    body: DecideInput,
    response: AwardCandidate,
    refusals: [awardRefusals.wrong_status, awardRefusals.not_recommended],
  }),
  startPublicity: endpoint({
    method: 'POST',
    path: '/api/awards/reviews/:id/publicity',
    summary: '开始公示',
    access: access.committee,
    params: IdParams,
    response: AwardReview,
    refusals: [awardRefusals.wrong_status, awardRefusals.nothing_selected],
  }),
  publicity: endpoint({
    method: 'GET',
    path: '/api/awards/publicity',
    summary: '评优公示与获奖名单',
    access: 'signedIn',
    response: z.array(AwardPublicity),
  }),
  object: endpoint({
    method: 'POST',
    path: '/api/awards/candidates/:id/objections',
    summary: '对公示名单提出异议（仅公示期内）',
    access: ['member'],
    params: IdParams,
    body: ObjectionInput,
    response: z.object({ id: z.number().int(), createdAt: z.string() }),
    status: 201,
    refusals: [awardRefusals.not_in_publicity, awardRefusals.not_a_winner],
  }),
  objections: endpoint({
    method: 'GET',
    path: '/api/awards/reviews/:id/objections',
    summary: '公示期收到的异议',
    access: access.committee,
    params: IdParams,
    response: z.array(AwardObjection),
  }),
  answer: endpoint({
    method: 'POST',
    path: '/api/awards/objections/:id/answer',
    summary: '答复一条异议',
    access: access.committee,
    params: IdParams,
    body: ObjectionAnswerInput,
    response: AwardObjection,
    refusals: [awardRefusals.already_answered],
  }),
  publish: endpoint({
    method: 'POST',
    path: '/api/awards/reviews/:id/publication',
    summary: '公示期满且异议均已答复后发布：写入党员卡与单位记录，名单编入简报草稿',
    access: access.committee,
    params: IdParams,
    body: PublishInput,
    response: AwardReview,
    refusals: [
      awardRefusals.wrong_status,
      awardRefusals.publicity_not_over,
      awardRefusals.objections_unanswered,
      placementRefusals.issue_not_draft,
    ],
  }),
  exportCandidates: endpoint({
    method: 'GET',
    path: '/api/awards/reviews/:id/export/candidates',
    summary: '导出候选及数据（xlsx）',
    access: access.committee,
    params: IdParams,
    response: z.unknown(),
    responseKind: 'binary',
  }),
  exportWinners: endpoint({
    method: 'GET',
    path: '/api/awards/reviews/:id/export/winners',
    summary: '导出获奖名单（xlsx）',
    access: access.committee,
    params: IdParams,
    response: z.unknown(),
    responseKind: 'binary',
  }),
  certificate: endpoint({
    method: 'GET',
    path: '/api/awards/candidates/:id/certificate',
    summary: '获奖证书（A4 打印）',
    access: access.committee,
    params: IdParams,
    response: AwardCertificate,
    refusals: [awardRefusals.not_a_winner],
  }),
  unitHonours: endpoint({
    method: 'GET',
    path: '/api/units/:id/honours',
    summary: '单位及其党员获得的表彰（本单位党务工作者、秘书处）',
    access: ['unit_admin', 'secretariat'],
    params: IdParams,
    response: z.array(Honour),
  }),
};
