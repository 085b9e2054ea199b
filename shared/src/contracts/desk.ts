import { z } from 'zod';
import { endpoint } from '../contract';
import { EntryStatusSchema, Instant } from './calls';
import { Id, IdParams, PageQuery, pageOf } from './common';
import { Entry, EntryListItem } from './entries';

export const DeskEntryItem = EntryListItem.extend({
  groupName: z.string(),
  activeReviewers: z.number().int(),
  reviewsSubmitted: z.number().int(),
});
export type DeskEntryItem = z.infer<typeof DeskEntryItem>;

export const DeskEntriesQuery = PageQuery.extend({
  status: EntryStatusSchema.optional(),
  q: z.string().trim().max(50).optional(),
});

export const PrescreenInput = z
  .object({
    decision: z.enum(['pass', 'return', 'reject']),
    comment: z.string().trim().max(1000).optional(),
  })
  .refine((input) => input.decision === 'pass' || (input.comment?.length ?? 0) >= 2, {
    message: '退回修改须写明修改意见，未通过须写明理由',
    path: ['comment'],
  });

export const ReviewerLoad = z.object({
  id: z.number().int(),
  name: z.string(),
  unitName: z.string().nullable(),
  groupName: z.string().nullable(),
  /** Active assignments in this call, and of those how many are submitted. */
  assigned: z.number().int(),
  submitted: z.number().int(),
  declined: z.number().int(),
});
export type ReviewerLoad = z.infer<typeof ReviewerLoad>;

export const AssignInput = z.object({
  reviewerId: Id,
  deadline: Instant,
  /** Required to assign a reviewer of the entry's own unit or 片组: recorded with the assignment. */
  overrideReason: z.string().trim().min(2).max(200).optional(),
});

export const AutoAssignResult = z.object({
  assigned: z.array(z.object({ entryId: z.number().int(), reviewerId: z.number().int() })),
  /** Entries that could not get enough reviewers without a conflict of interest. */
  short: z.array(z.object({ entryId: z.number().int(), missing: z.number().int() })),
});

export const desk = {
  entries: endpoint({
    method: 'GET',
    path: '/api/calls/:id/entries',
    summary: '征集收到的报送（不含各单位草稿），按提交先后',
    access: ['secretariat'],
    params: IdParams,
    query: DeskEntriesQuery,
    response: pageOf(DeskEntryItem),
  }),
  register: endpoint({
    method: 'POST',
    path: '/api/entries/:id/register',
    summary: '登记报送，按登记先后给出编号（如 2026-AL-017）',
    access: ['secretariat'],
    params: IdParams,
    response: Entry,
  }),
  registerAll: endpoint({
    method: 'POST',
    path: '/api/calls/:id/register-all',
    summary: '按提交先后登记全部已提交的报送',
    access: ['secretariat'],
    params: IdParams,
    response: z.object({ registered: z.array(z.object({ entryId: z.number().int(), registrationNumber: z.string() })) }),
  }),
  prescreen: endpoint({
    method: 'POST',
    path: '/api/entries/:id/prescreen',
    summary: '初审：通过、退回修改（附意见）或不通过（附理由）',
    access: ['secretariat'],
    params: IdParams,
    body: PrescreenInput,
    response: Entry,
  }),
  reviewers: endpoint({
    method: 'GET',
    path: '/api/calls/:id/reviewers',
    summary: '评审专家及其在本征集中的工作量',
    access: ['secretariat'],
    params: IdParams,
    response: z.object({ items: z.array(ReviewerLoad) }),
  }),
  assign: endpoint({
    method: 'POST',
    path: '/api/entries/:id/assignments',
    summary: '为报送指定评审专家（本单位、同片组的专家须写明理由）',
    access: ['secretariat'],
    params: IdParams,
    body: AssignInput,
    response: Entry,
    status: 201,
  }),
  autoAssign: endpoint({
    method: 'POST',
    path: '/api/calls/:id/auto-assign',
    summary: '自动分配评审：工作量均衡，避开本单位和同片组的专家',
    access: ['secretariat'],
    params: IdParams,
    body: z.object({ deadline: Instant }),
    response: AutoAssignResult,
  }),
};
