import { z } from 'zod';
import { endpoint } from '../contract';
import { EntryStatusSchema } from './calls';

/** One 片组's attendance this month: (present + late) ÷ (expected − leave); null with nobody expected. */
export const GroupAttendance = z.object({
  groupId: z.number().int(),
  groupName: z.string(),
  expected: z.number().int(),
  rate: z.number().nullable(),
});

export const MonthAttendance = z.object({ month: z.string(), expected: z.number().int(), rate: z.number().nullable() });

export const IssueReading = z.object({
  issueId: z.number().int(),
  label: z.string(),
  members: z.number().int(),
  readers: z.number().int(),
  rate: z.number().nullable(),
});

export const PipelineStage = z.object({ status: EntryStatusSchema, count: z.number().int() });

/**
 * What waits on the secretariat. The client knows which page handles each kind; later modules add
 * their kinds here and a page for each in the console's menu.
 */
export const CONSOLE_ACTION_KINDS = [
  'entries_to_register',
  'overdue_reviews',
  'topic_claims_to_confirm',
  'held_letters',
  'overdue_letters',
] as const;
export type ConsoleActionKind = (typeof CONSOLE_ACTION_KINDS)[number];
export const CONSOLE_ACTION_LABELS: Record<ConsoleActionKind, string> = {
  entries_to_register: '待登记的报送',
  overdue_reviews: '逾期未交的评审',
  topic_claims_to_confirm: '待确认的课题认领',
  held_letters: '待审核的来信与回复',
  overdue_letters: '逾期未办的来信',
};
export const ConsoleAction = z.object({ kind: z.enum(CONSOLE_ACTION_KINDS), count: z.number().int() });

export const ConsoleOverview = z.object({
  /** The Shanghai month the 片组 bars are of (`YYYY-MM`). */
  month: z.string(),
  groups: z.array(GroupAttendance),
  /** The last 12 months, oldest first, this month included. */
  months: z.array(MonthAttendance),
  /** The last three published issues, newest first. */
  reading: z.array(IssueReading),
  /** Entries handed in (drafts left out), by state, across every call. */
  pipeline: z.array(PipelineStage),
  actions: z.array(ConsoleAction),
});
export type ConsoleOverview = z.infer<typeof ConsoleOverview>;

export const overview = {
  get: endpoint({
    method: 'GET',
    path: '/api/console/overview',
    summary: '秘书处首页：本月各片组出勤率、近 12 个月出勤、近三期简报阅读率、报送进度与待办',
    access: ['secretariat'],
    response: ConsoleOverview,
  }),
};
