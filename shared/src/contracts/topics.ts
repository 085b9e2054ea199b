import { z } from 'zod';
import { endpoint } from '../contract';
import { Id, IdParams } from './common';

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

const TopicFields = z.object({
  title: z.string().trim().min(1, '请填写课题名称').max(100),
  description: z.string().trim().max(2000),
});

export const TopicInput = TopicFields.extend({ description: TopicFields.shape.description.default('') });

/** An update changes only what it names, and names something. */
export const TopicUpdate = TopicFields.partial().refine((body) => Object.keys(body).length > 0, '请填写要修改的内容');

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
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/topics/:id',
    summary: '修改调研课题',
    access: ['secretariat'],
    params: IdParams,
    body: TopicUpdate,
    response: Topic,
  }),
  claim: endpoint({
    method: 'POST',
    path: '/api/topics/:id/claims',
    summary: '认领课题（本单位，或代表本片组）',
    access: ['unit_admin'],
    params: IdParams,
    body: z.object({ forGroup: z.boolean().default(false), note: z.string().trim().max(200).optional() }),
    response: Topic,
    status: 201,
  }),
  confirmClaim: endpoint({
    method: 'POST',
    path: '/api/topic-claims/:id/confirm',
    summary: '确认认领（每个课题确认一家；其余认领保留待调剂）',
    access: ['secretariat'],
    params: IdParams,
    response: Topic,
  }),
  reassignClaim: endpoint({
    method: 'POST',
    path: '/api/topic-claims/:id/reassign',
    summary: '调剂：把认领改给另一家单位并确认（写明理由）',
    access: ['secretariat'],
    params: IdParams,
    body: z.object({ unitId: Id, reason: z.string().trim().min(2, '请写明调剂理由').max(200) }),
    response: Topic,
  }),
};
