import { z } from 'zod';
import { endpoint } from '../contract';
import { defineRefusals, refusal } from '../refusal';
import { CallKindSchema } from './calls';
import { Id, IdParams, PageQuery, pageOf } from './common';
import { EntryFile } from './entries';

export const CaseListItem = z.object({
  entryId: z.number().int(),
  title: z.string(),
  category: z.string().nullable(),
  summary: z.string(),
  unitName: z.string(),
  callId: z.number().int(),
  callTitle: z.string(),
  callKind: CallKindSchema,
  year: z.number().int(),
  tier: z.string(),
  coverImageId: z.number().int().nullable(),
});
export type CaseListItem = z.infer<typeof CaseListItem>;

export const CaseDetail = CaseListItem.extend({
  registrationNumber: z.string().nullable(),
  body: z.string(),
  mean: z.number().nullable(),
  images: z.array(EntryFile),
  attachments: z.array(EntryFile),
  /** The reviewers' 评审意见, without their names. */
  opinions: z.array(z.string()),
  publishedAt: z.string(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CaseQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional().meta({ label: '关键词' }),
  callId: Id.optional().meta({ label: '征集' }),
  category: z.string().trim().max(30).optional().meta({ label: '类别' }),
});

export const PlaceInBulletinInput = z.object({
  issueId: Id.meta({ label: '简报' }),
  section: z.string().trim().min(1).max(50).nullable().default(null).meta({ label: '栏目' }),
});
export type PlaceInBulletinInput = z.output<typeof PlaceInBulletinInput>;

/** Placing an entry in a 简报 issue: a published case here, an adopted news item (news.ts). */
export const placementRefusals = defineRefusals({
  /** Published issues are corrected by hand in the composer, not by placing more in them. */
  issue_not_draft: refusal({ code: 'conflict', message: '只能编入尚未发布的简报草稿' }),
  already_in_issue: refusal({
    code: 'conflict',
    details: z.object({ issueId: z.number().int() }),
    message: '已编入这一期简报',
  }),
});

export const BulletinPlacement = z.object({ entryId: z.number().int(), issueId: z.number().int(), articleId: z.number().int() });

export const cases = {
  list: endpoint({
    method: 'GET',
    path: '/api/cases',
    summary: '案例库：已发布的优秀案例，可按关键词、征集、类别查找',
    access: 'signedIn',
    query: CaseQuery,
    response: pageOf(CaseListItem),
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/cases/:id',
    summary: '案例详情与评审意见（不署评审专家姓名）',
    access: 'signedIn',
    params: IdParams,
    response: CaseDetail,
  }),
  placeInBulletin: endpoint({
    method: 'POST',
    path: '/api/cases/:id/bulletin',
    summary: '把优秀案例编入一期简报草稿（排在最后）',
    access: ['secretariat'],
    params: IdParams,
    body: PlaceInBulletinInput,
    response: BulletinPlacement,
    status: 201,
    refusals: [placementRefusals.issue_not_draft, placementRefusals.already_in_issue],
  }),
};
