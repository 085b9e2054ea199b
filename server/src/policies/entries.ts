import type { EntryStatus } from '@zhijian/shared';
import type { CurrentUser } from '../auth/currentUser';
import { forbidden } from '../errors';

/** The people who report for a unit: its 党务工作者 and 信息员. */
export function isUnitStaff(user: CurrentUser, unitId: number): boolean {
  return user.unitId === unitId && (user.roles.includes('unit_admin') || user.roles.includes('info_officer'));
}

export function isSecretariat(user: CurrentUser): boolean {
  return user.roles.includes('secretariat');
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
