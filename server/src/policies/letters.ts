import { letterRefusals } from '@zhijian/shared';
import type { CurrentUser } from '../auth/currentUser';
import { forbidden, refuse } from '../errors';
import type { Inbox, LetterRow } from '../queries/letters';

/**
 * 书记直通车: a letter is read by whom it was written to — the party secretaries of the writer's
 * unit, or the secretariat — and by its writer. Content the check held is reviewed by the unit's
 * admin (letters to its secretaries) or by the secretariat (letters to the association). The
 * secretariat never reads a letter written to a unit's secretaries.
 */

type LetterScope = Pick<LetterRow, 'recipient' | 'unitId'>;

export function isLetterReader(user: CurrentUser, letter: LetterScope): boolean {
  if (letter.recipient === 'secretariat') return user.roles.includes('secretariat');
  return user.roles.includes('party_secretary') && letter.unitId !== null && user.unitId === letter.unitId;
}

export function isLetterReviewer(user: CurrentUser, letter: LetterScope): boolean {
  if (letter.recipient === 'secretariat') return user.roles.includes('secretariat');
  return user.roles.includes('unit_admin') && letter.unitId !== null && user.unitId === letter.unitId;
}

/** The writer, a reader (once the letter is past the content check), or its reviewer. */
export function authorizeLetterView(user: CurrentUser, letter: LetterRow): void {
  if (letter.writerId === user.id) return;
  if (isLetterReader(user, letter) && letter.status !== 'held' && letter.status !== 'rejected') return;
  if (isLetterReviewer(user, letter)) return;
  throw refuse(letterRefusals.letter_not_yours);
}

/** Accepting, replying, extending: the letter's reader; the check-held letter is not theirs yet. */
export function authorizeLetterHandling(user: CurrentUser, letter: LetterRow): void {
  if (!isLetterReader(user, letter) || letter.status === 'held' || letter.status === 'rejected')
    throw refuse(letterRefusals.letter_not_yours);
}

export function authorizeLetterWriter(user: CurrentUser, letter: LetterRow): void {
  if (letter.writerId !== user.id) throw refuse(letterRefusals.letter_not_yours);
}

export function authorizeLetterReview(user: CurrentUser, letter: LetterRow): void {
  if (!isLetterReviewer(user, letter)) throw refuse(letterRefusals.letter_not_yours);
}

/** The inbox the caller reads: their unit's secretaries' (书记 role), else the secretariat's. */
export function inboxOf(user: CurrentUser): Inbox {
  if (user.roles.includes('party_secretary') && user.unitId !== null) return { recipient: 'secretary', unitId: user.unitId };
  if (user.roles.includes('secretariat')) return { recipient: 'secretariat' };
  throw forbidden('只有书记或秘书处可以查看信箱');
}

/** The held items the caller reviews: their unit's (unit admin), else the secretariat's. */
export function reviewQueueOf(user: CurrentUser): Inbox {
  if (user.roles.includes('unit_admin') && user.unitId !== null) return { recipient: 'secretary', unitId: user.unitId };
  if (user.roles.includes('secretariat')) return { recipient: 'secretariat' };
  throw forbidden('只有党务工作者或秘书处可以审核');
}
