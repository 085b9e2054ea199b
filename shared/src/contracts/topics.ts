import { z } from 'zod';
import { endpoint } from '../contract';
import { defineRefusals, refusal } from '../refusal';
import { callRefusals } from './calls';
import { changesOf, Id, IdParams } from './common';

export const TopicClaim = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  /** Set when the unit claimed on behalf of its 片组. */
  groupName: z.string().nullable(),
  status: z.enum(['pending', 'confirmed']),
  note: z.string().nullable(),
  claimedAt: z.string(),
});

export const Topic = z.object({
  id: z.number().int(),
  callId: z.number().int(),
  title: z.string(),
  description: z.string(),
  claims: z.array(TopicClaim),
  /** The claim of the caller's unit, if any. */
  myClaimId: z.number().int().nullable(),
});
export type Topic = z.infer<typeof Topic>;

export const TopicInput = z.object({
  title: z.string().trim().min(1, '请填写课题名称').max(100).meta({ label: '课题名称' }),
  description: z.string().trim().max(2000).default('').meta({ label: '课题说明' }),
});
export type TopicInput = z.output<typeof TopicInput>;

/** An update changes only what it names, and names something. */
export const TopicChanges = changesOf(TopicInput);
export type TopicChanges = z.output<typeof TopicChanges>;

export const TopicClaimInput = z.object({
  forGroup: z.boolean().default(false).meta({ label: '代表本片组' }),
  note: z.string().trim().max(200).optional().meta({ label: '说明' }),
});
export type TopicClaimInput = z.output<typeof TopicClaimInput>;

export const TopicReassignInput = z.object({
  unitId: Id.meta({ label: '单位' }),
  reason: z.string().trim().min(2, '请写明调剂理由').max(200).meta({ label: '调剂理由' }),
});
export type TopicReassignInput = z.output<typeof TopicReassignInput>;

export const topicRefusals = defineRefusals({
  not_a_research_call: refusal({ code: 'conflict', message: '只有课题调研才能列出课题' }),
  topic_already_claimed: refusal({ code: 'conflict', message: '本单位已认领过这个课题' }),
  claim_already_confirmed: refusal({ code: 'conflict', message: '该认领已确认' }),
  /** Another unit's claim on the topic is confirmed: one unit carries each topic. */
  topic_taken: refusal({
    code: 'conflict',
    details: z.object({ confirmedClaimId: z.number().int() }),
    message: '该课题已确认由其他单位承担；请先调剂那一项认领',
  }),
  unit_already_claimed: refusal({
    code: 'conflict',
    details: z.object({ claimId: z.number().int() }),
    message: '该单位已认领这个课题，请直接确认那一项认领',
  }),
});

export const topics = {
  list: endpoint({
    method: 'GET',
    path: '/api/calls/:id/topics',
    summary: '课题调研的课题及认领情况',
    access: 'signedIn',
    params: IdParams,
    response: z.object({ items: z.array(Topic) }),
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/calls/:id/topics',
    summary: '列出一个调研课题',
    access: ['secretariat'],
    params: IdParams,
    body: TopicInput,
    response: Topic,
    status: 201,
    refusals: [topicRefusals.not_a_research_call],
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/topics/:id',
    summary: '修改调研课题',
    access: ['secretariat'],
    params: IdParams,
    body: TopicChanges,
    response: Topic,
  }),
  claim: endpoint({
    method: 'POST',
    path: '/api/topics/:id/claims',
    summary: '认领课题（本单位，或代表本片组）',
    access: ['unit_admin'],
    params: IdParams,
    body: TopicClaimInput,
    response: Topic,
    status: 201,
    refusals: [callRefusals.call_closed, topicRefusals.topic_already_claimed],
  }),
  confirmClaim: endpoint({
    method: 'POST',
    path: '/api/topic-claims/:id/confirm',
    summary: '确认认领（每个课题确认一家；其余认领保留待调剂）',
    access: ['secretariat'],
    params: IdParams,
    response: Topic,
    refusals: [topicRefusals.claim_already_confirmed, topicRefusals.topic_taken],
  }),
  reassignClaim: endpoint({
    method: 'POST',
    path: '/api/topic-claims/:id/reassign',
    summary: '调剂：把认领改给另一家单位并确认（写明理由）',
    access: ['secretariat'],
    params: IdParams,
    body: TopicReassignInput,
    response: Topic,
    refusals: [topicRefusals.topic_taken, topicRefusals.unit_already_claimed],
  }),
};
