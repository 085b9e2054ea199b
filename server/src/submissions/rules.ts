import { ENTRY_TRANSITIONS, isEditable, type EntryStatus } from '@zhijian/shared';

/**
 * Whether the unit may still change its entry: drafts always, returned entries until resubmitted,
 * submitted ones until registered — but not after the close time, or the deadline would mean nothing.
 */
export function canEditEntry(entry: { status: EntryStatus }, call: { closesAt: Date }, now: Date): boolean {
  if (!isEditable(entry.status)) return false;
  if (entry.status === 'submitted') return now.getTime() < call.closesAt.getTime();
  return true;
}

export function canWithdrawEntry(entry: { status: EntryStatus }): boolean {
  return ENTRY_TRANSITIONS.withdraw.from.includes(entry.status);
}
