import { ENTRY_STATUS_LABELS, ENTRY_TRANSITIONS, isEditable, type EntryStatus } from '@zhijian/shared';
import { conflict, legacyError } from '../legacyErrors';

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
  if (entry.status === 'submitted') throw legacyError('deadline_passed', '征集已截止，已提交的报送不能再修改');
  throw conflict(`报送已${ENTRY_STATUS_LABELS[entry.status]}，不能再修改`, { status: entry.status });
}

export function canWithdrawEntry(entry: { status: EntryStatus }): boolean {
  return ENTRY_TRANSITIONS.withdraw.from.includes(entry.status);
}
