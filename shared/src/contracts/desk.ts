import { z } from 'zod';
import { endpoint } from '../contract';
import { defineRefusals, refusal } from '../refusal';
import { pickedInstant } from './calendarFields';
import { callRefusals, EntryStatusSchema } from './calls';
import { Id, IdParams, PageQuery, pageOf } from './common';
import { Entry, EntryListItem, entryRefusals } from './entries';

export const DeskEntryItem = EntryListItem.extend({
  groupName: z.string(),
  activeReviewers: z.number().int(),
  reviewsSubmitted: z.number().int(),
});
export type DeskEntryItem = z.infer<typeof DeskEntryItem>;

export const DeskEntriesQuery = PageQuery.extend({
  status: EntryStatusSchema.optional().meta({ label: '状态' }),
  q: z.string().trim().max(50).optional().meta({ label: '标题或单位' }),
});

export const PrescreenInput = z
  .object({
    decision: z.enum(['pass', 'return', 'reject']).meta({ label: '初审结论' }),
    comment: z.string().trim().max(1000).optional().meta({ label: '初审意见' }),
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
  reviewerId: Id.meta({ label: '评审专家' }),
  deadline: pickedInstant('评审截止时间'),
  /** Required to assign a reviewer of the entry's own unit or 片组: recorded with the assignment. */
  overrideReason: z.string().trim().min(2).max(200).optional().meta({ label: '指定理由' }),
});
export type AssignInput = z.output<typeof AssignInput>;

export const CONFLICTS_OF_INTEREST = ['same_unit', 'same_group'] as const;
export type ConflictOfInterest = (typeof CONFLICTS_OF_INTEREST)[number];
export const CONFLICT_OF_INTEREST_LABELS: Record<ConflictOfInterest, string> = {
  same_unit: '与报送单位同单位',
  same_group: '与报送单位同片组',
};

export const deskRefusals = defineRefusals({
  entry_not_passed: refusal({
    code: 'conflict',
    details: z.object({ status: EntryStatusSchema }),
    message: '只有初审通过的报送才能分配评审',
  }),
  /** A reviewer of the entry's own unit or 片组, without a recorded reason to assign them anyway. */
  reviewer_conflict_of_interest: refusal({
    code: 'conflict',
    details: z.object({ conflict: z.enum(CONFLICTS_OF_INTEREST) }),
    message: ({ conflict }) => `该专家${CONFLICT_OF_INTEREST_LABELS[conflict]}，如确需指定，请写明理由`,
  }),
  reviewer_already_assigned: refusal({ code: 'conflict', message: '该专家已被分配过这份报送' }),
  no_review_needed: refusal({ code: 'conflict', message: '该征集不需要专家评审' }),
});

/** Refusals of every step that assigns reviewers: the round must still be open. */
const ROUND_REFUSALS = [callRefusals.results_published, callRefusals.review_round_closed] as const;

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
    refusals: [entryRefusals.transition_not_allowed, entryRefusals.state_changed],
  }),
  registerAll: endpoint({
    method: 'POST',
    path: '/api/calls/:id/register-all',
    summary: '按提交先后登记全部已提交的报送',
    access: ['secretariat'],
    params: IdParams,
    response: z.object({ registered: z.array(z.object({ entryId: z.number().int(), registrationNumber: z.string() })) }),
    refusals: [entryRefusals.state_changed],
  }),
  prescreen: endpoint({
    method: 'POST',
    path: '/api/entries/:id/prescreen',
    summary: '初审：通过、退回修改（附意见）或不通过（附理由）',
    access: ['secretariat'],
    params: IdParams,
    body: PrescreenInput,
    response: Entry,
    refusals: [entryRefusals.transition_not_allowed, entryRefusals.state_changed],
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
    refusals: [
      ...ROUND_REFUSALS,
      deskRefusals.entry_not_passed,
      deskRefusals.reviewer_conflict_of_interest,
      deskRefusals.reviewer_already_assigned,
      entryRefusals.state_changed,
    ],
  }),
  autoAssign: endpoint({
    method: 'POST',
    path: '/api/calls/:id/auto-assign',
    summary: '自动分配评审：工作量均衡，避开本单位和同片组的专家',
    access: ['secretariat'],
    params: IdParams,
    body: z.object({ deadline: pickedInstant('评审截止时间') }),
    response: AutoAssignResult,
    refusals: [...ROUND_REFUSALS, deskRefusals.no_review_needed, entryRefusals.state_changed],
  }),
};
