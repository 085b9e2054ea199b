import { z } from 'zod';
import { endpoint } from '../contract';
import { MEMBER_KINDS } from '../domain/unitKinds';
import { IndexBreakdown, PointCategorySchema } from '../domain/record';
import { AppraisalTier } from '../domain/record';
import { YearQuery } from './appraisals';
import { Benefit } from './benefits';
import { DuesMonth } from './dues';
import { IdParams } from './common';

/** A category's points this year against its caps. */
export const CategoryPoints = z.object({
  category: PointCategorySchema,
  label: z.string(),
  points: z.number().int(),
  /** Today's points, for a category with a daily cap. */
  today: z.number().int(),
  dailyCap: z.number().int().nullable(),
  yearlyCap: z.number().int().nullable(),
});

/**
 * 党员卡: one member's yearly record. The member's own card is live; the index shown to others is
 * as of the end of last month (`pioneerIndex`).
 */
export const MemberCard = z.object({
  year: z.number().int(),
  member: z.object({
    id: z.number().int(),
    name: z.string(),
    kind: z.enum(MEMBER_KINDS),
    kindLabel: z.string(),
    joinedPartyOn: z.string().nullable(),
    unit: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    branch: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  }),
  points: z.array(CategoryPoints),
  /** 诚信积分 below the association's line: flagged to the member and the unit. */
  integrityFlagged: z.boolean(),
  index: IndexBreakdown,
  /** The index comes from a closed year's snapshot. */
  indexFrozen: z.boolean(),
  attendance: z.object({ expected: z.number().int(), attended: z.number().int(), leave: z.number().int() }),
  reads: z.object({ articles: z.number().int(), studyPoints: z.number().int() }),
  dues: z.object({ months: z.array(DuesMonth), monthsBehind: z.number().int() }),
  bonuses: z.object({ approved: z.number().int(), pending: z.number().int(), points: z.number().int() }),
  deductions: z.object({ effective: z.number().int(), inAppeal: z.number().int(), points: z.number().int() }),
  /** Filled by the annual awards (年度评优). */
  honours: z.array(z.object({ year: z.number().int(), title: z.string() })),
  appraisals: z.array(z.object({ year: z.number().int(), tier: AppraisalTier, tierLabel: z.string(), meetingOn: z.string() })),
  benefits: z.array(Benefit.extend({ unlocked: z.boolean(), current: z.number() })),
});
export type MemberCard = z.infer<typeof MemberCard>;

/** The card's identity QR: signed, good for 60 seconds (the organiser of a volunteer activity scans it). */
export const IdentityCode = z.object({ code: z.string(), qrDataUrl: z.string(), expiresAt: z.string(), refreshInMs: z.number().int() });

export const cards = {
  mine: endpoint({
    method: 'GET',
    path: '/api/me/card',
    summary: '我的党员卡（本年度，实时）',
    access: ['member'],
    query: YearQuery.partial(),
    response: MemberCard,
  }),
  identityCode: endpoint({
    method: 'POST',
    path: '/api/me/card/code',
    summary: '党员卡身份码（每 60 秒更换）',
    access: ['member'],
    response: IdentityCode,
  }),
  forMember: endpoint({
    method: 'GET',
    path: '/api/members/:id/card',
    summary: '某党员的年度记录（本单位党务工作者、秘书处；用于打印存档）',
    access: ['unit_admin', 'secretariat'],
    params: IdParams,
    query: YearQuery.partial(),
    response: MemberCard,
  }),
};
