import { z } from 'zod';
import { endpoint } from '../contract';
import { CommitmentStatus } from '../domain/aie';
import { defineRefusals, refusal } from '../refusal';
import { IdParams, PageQuery, pageOf } from './common';

/** A commitment as others see it (亮身份明承诺); its photos and report come with it. */
export const CommitmentSummary = z.object({
  id: z.number().int(),
  year: z.number().int(),
  title: z.string(),
  content: z.string(),
  dueOn: z.string(),
  status: CommitmentStatus,
  statusLabel: z.string(),
});
export type CommitmentSummary = z.infer<typeof CommitmentSummary>;

/** A member's profile: skills and service promises, never a phone number; contact goes through the app. */
export const Profile = z.object({
  memberId: z.number().int(),
  name: z.string(),
  unit: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  skills: z.array(z.string()),
  promises: z.string(),
  public: z.boolean(),
  /** Held by the content check: seen only by the member and the unit admin until reviewed. */
  heldReason: z.string().nullable(),
  commitments: z.array(CommitmentSummary),
  updatedAt: z.string().nullable(),
});
export type Profile = z.infer<typeof Profile>;

const Skill = z.string().trim().min(1, '特长不能为空').max(12, '每个特长最多 12 个字');

export const ProfileInput = z.object({
  skills: z.array(Skill).max(8, '最多 8 个特长').meta({ label: '特长' }),
  promises: z.string().trim().max(300).meta({ label: '服务承诺' }),
  public: z.boolean().meta({ label: '向全协会公开' }),
});
export type ProfileInput = z.output<typeof ProfileInput>;

export const ProfileListQuery = PageQuery.extend({
  /** `review`: profiles held for this unit admin's review. */
  view: z.enum(['all', 'review']).default('all').meta({ label: '范围' }),
  skill: z.string().trim().max(12).optional().meta({ label: '特长' }),
});

export const ProfileReview = z.object({ approve: z.boolean().meta({ label: '是否通过' }) });

export const profileRefusals = defineRefusals({
  nothing_to_review: refusal({ code: 'conflict', message: '这份资料没有待审核的内容' }),
});

export const profiles = {
  mine: endpoint({
    method: 'GET',
    path: '/api/me/profile',
    summary: '我的亮身份资料',
    access: ['member'],
    response: Profile,
  }),
  save: endpoint({
    method: 'PUT',
    path: '/api/me/profile',
    summary: '保存亮身份资料（特长、服务承诺、是否向全协会公开）',
    access: ['member'],
    body: ProfileInput,
    response: Profile,
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/profiles',
    summary: '亮身份：本单位党员及向全协会公开的党员',
    access: 'signedIn',
    query: ProfileListQuery,
    response: pageOf(Profile),
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/profiles/:id',
    summary: '一位党员的亮身份资料',
    access: 'signedIn',
    params: IdParams,
    response: Profile,
  }),
  review: endpoint({
    method: 'POST',
    path: '/api/profiles/:id/review',
    summary: '审核待审核的亮身份资料（不通过则清空）',
    access: ['unit_admin'],
    params: IdParams,
    body: ProfileReview,
    response: Profile,
    refusals: [profileRefusals.nothing_to_review],
  }),
};
