import {
  callRefusals,
  commonRefusals,
  ENTRY_TRANSITIONS,
  entryRefusals,
  isEditable,
  type EntryDraftInput,
  type EntryStatus,
} from '@zhijian/shared';
import type { CurrentUser } from '../auth/currentUser';
import { forbidden, refuse } from '../errors';

/** The people who report for a unit: its 党务工作者 and 信息员. */
export function isUnitStaff(user: CurrentUser, unitId: number): boolean {
  return user.unitId === unitId && (user.roles.includes('unit_admin') || user.roles.includes('info_officer'));
}

export function isSecretariat(user: CurrentUser): boolean {
  return user.roles.includes('secretariat');
}

/** The unit the caller reports for, if they report for one. */
export function staffUnitOf(user: CurrentUser): number | null {
  return user.unitId !== null && isUnitStaff(user, user.unitId) ? user.unitId : null;
}

/** Only a unit's own staff start entries, for their unit; answers that unit. */
export function authorizeEntryCreate(user: CurrentUser): number {
  const unitId = staffUnitOf(user);
  if (unitId === null) throw forbidden('只有会员单位的党务工作者或信息员可以报送');
  return unitId;
}

/**
 * How someone sees an entry: the secretariat's desk sees everything handed in, the unit sees its
 * own entries (drafts included); nobody else sees it here (reviewers have their own, blind view).
 */
export function entryViewOf(user: CurrentUser, entry: { unitId: number; status: EntryStatus }): 'secretariat' | 'unit' | null {
  if (isSecretariat(user) && entry.status !== 'draft') return 'secretariat';
  if (isUnitStaff(user, entry.unitId)) return 'unit';
  return null;
}

export function authorizeEntryView(user: CurrentUser, entry: { unitId: number; status: EntryStatus }): 'secretariat' | 'unit' {
  const view = entryViewOf(user, entry);
  if (!view) throw forbidden('只能查看本单位的报送');
  return view;
}

/** Only the unit's own staff change, submit or withdraw its entries. */
export function authorizeEntryWrite(user: CurrentUser, entry: { unitId: number }): void {
  if (!isUnitStaff(user, entry.unitId)) throw forbidden('只能修改本单位的报送');
}

/**
 * Who may read an entry's file, and how: `full` with its name, `blind` without anything that
 * could name the unit (an assigned reviewer), or not at all.
 */
export function fileAccessOf(
  user: CurrentUser,
  entry: { unitId: number; status: EntryStatus },
  facts: { assignedReviewer: boolean; publishedCase: boolean },
): 'full' | 'blind' | null {
  if (entryViewOf(user, entry)) return 'full';
  if (facts.publishedCase) return 'full';
  if (facts.assignedReviewer) return 'blind';
  return null;
}

/**
 * Whether the unit may still change its entry: drafts always, returned entries until resubmitted,
 * submitted ones until registered — but not after the close time, or the deadline would mean nothing.
 */
export function canEditEntry(entry: { status: EntryStatus }, call: { closesAt: Date }, now: Date): boolean {
  if (!isEditable(entry.status)) return false;
  if (entry.status === 'submitted') return now.getTime() < call.closesAt.getTime();
  return true;
}

/** Refuses a change the unit may no longer make: past the close time, or in a status it cannot edit. */
export function assertEditable(entry: { status: EntryStatus }, call: { closesAt: Date }, now: Date): void {
  if (canEditEntry(entry, call, now)) return;
  if (entry.status === 'submitted') {
    throw refuse(callRefusals.call_closed, { closesAt: call.closesAt.toISOString() }, '征集已截止，已提交的报送不能再修改');
  }
  throw refuse(entryRefusals.entry_not_editable, { status: entry.status });
}

export function canWithdrawEntry(entry: { status: EntryStatus }): boolean {
  return ENTRY_TRANSITIONS.withdraw.from.includes(entry.status);
}

/**
 * Category and topic must belong to the call; checked on every save, not only at submission.
 * `topicInCall`: whether the chosen topic, if any, is one of the call's.
 */
export function assertEntryReferences(
  call: { kind: string; categories: readonly string[] },
  input: Pick<EntryDraftInput, 'category' | 'topicId'>,
  { topicInCall }: { topicInCall: boolean },
): void {
  const invalid = (path: string, label: string, message: string) =>
    refuse(commonRefusals.invalid_fields, { issues: [{ path: `body.${path}`, label, message }] });
  if (input.category && call.categories.length && !call.categories.includes(input.category)) {
    throw invalid('category', '类别', `应为：${call.categories.join('、')}`);
  }
  if (input.topicId) {
    if (call.kind !== 'research') throw invalid('topicId', '课题', '只有课题调研的报送才选择课题');
    if (!topicInCall) throw invalid('topicId', '课题', '不属于这个征集');
  }
}
