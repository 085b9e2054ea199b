/**
 * The life of an entry (案例、课题报告、信息), as one explicit state machine. The server refuses any
 * change not listed here; the app draws the timeline from the same table.
 *
 *   草稿 → 已提交 → 已登记 → 初审通过 → 评审中 → 已评定
 *                         ↘ 退回修改 → (edited) → 已提交 (resubmitted, keeps its number)
 *                         ↘ 未通过
 *   已提交 / 已登记 / 初审通过 / 退回修改 → 已撤回 (withdrawn before review)
 *   信息报送: 已提交 / 已登记 / 初审通过 → 已采用
 */
export const ENTRY_STATUSES = [
  'draft',
  'submitted',
  'registered',
  'passed',
  'returned',
  'rejected',
  'in_review',
  'rated',
  'withdrawn',
  'adopted',
] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export const ENTRY_STATUS_LABELS: Record<EntryStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  registered: '已登记',
  passed: '初审通过',
  returned: '退回修改',
  rejected: '未通过',
  in_review: '评审中',
  rated: '已评定',
  withdrawn: '已撤回',
  adopted: '已采用',
};

export const ENTRY_ACTIONS = [
  'create',
  'submit',
  'resubmit',
  'withdraw',
  'register',
  'pass',
  'return',
  'reject',
  'start_review',
  'rate',
  'adopt',
] as const;
export type EntryAction = (typeof ENTRY_ACTIONS)[number];

export const ENTRY_ACTION_LABELS: Record<EntryAction, string> = {
  create: '创建草稿',
  submit: '提交',
  resubmit: '修改后重新提交',
  withdraw: '撤回',
  register: '登记',
  pass: '初审通过',
  return: '退回修改',
  reject: '初审未通过',
  start_review: '进入专家评审',
  rate: '评定结果',
  adopt: '采用进简报',
};

interface Transition {
  from: readonly EntryStatus[];
  to: EntryStatus;
}

/** Every legal move. `create` has no source: it is how an entry comes to exist. */
export const ENTRY_TRANSITIONS: Record<Exclude<EntryAction, 'create'>, Transition> = {
  submit: { from: ['draft'], to: 'submitted' },
  resubmit: { from: ['returned'], to: 'submitted' },
  withdraw: { from: ['submitted', 'registered', 'passed', 'returned'], to: 'withdrawn' },
  register: { from: ['submitted'], to: 'registered' },
  pass: { from: ['registered'], to: 'passed' },
  return: { from: ['registered'], to: 'returned' },
  reject: { from: ['registered'], to: 'rejected' },
  start_review: { from: ['passed'], to: 'in_review' },
  rate: { from: ['in_review'], to: 'rated' },
  adopt: { from: ['submitted', 'registered', 'passed'], to: 'adopted' },
};

/** The status after `action`, or null when the lifecycle does not allow it from `status`. */
export function nextEntryStatus(status: EntryStatus, action: Exclude<EntryAction, 'create'>): EntryStatus | null {
  const transition = ENTRY_TRANSITIONS[action];
  return transition.from.includes(status) ? transition.to : null;
}

/** The unit may change its entry until the secretariat registers it, and again when it is returned. */
export const EDITABLE_STATUSES: readonly EntryStatus[] = ['draft', 'submitted', 'returned'];

export function isEditable(status: EntryStatus): boolean {
  return EDITABLE_STATUSES.includes(status);
}

/** Entries that use up one of the unit's places in a call: everything handed in and not withdrawn. */
export function countsTowardLimit(status: EntryStatus): boolean {
  return status !== 'draft' && status !== 'withdrawn';
}

/** The straight path an entry is meant to take, for the timeline's "what comes next". */
export const ENTRY_MAIN_PATH: readonly EntryStatus[] = ['draft', 'submitted', 'registered', 'passed', 'in_review', 'rated'];
export const NEWS_MAIN_PATH: readonly EntryStatus[] = ['draft', 'submitted', 'adopted'];

/** Statuses nothing follows. */
export function isFinal(status: EntryStatus): boolean {
  return ['rejected', 'rated', 'withdrawn', 'adopted'].includes(status);
}
