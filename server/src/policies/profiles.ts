import type { CurrentUser } from '../auth/currentUser';
import { forbidden, notFound } from '../errors';

/** Whose profile or commitment it is, where it is open to, and whether the content check holds it. */
export interface ProfileFacts {
  memberId: number;
  unitId: number | null;
  public: boolean;
  held: boolean;
}

/** The unit's admin and the secretariat look after a unit's people. */
function looksAfter(user: CurrentUser, unitId: number | null): boolean {
  return user.roles.includes('secretariat') || (user.roles.includes('unit_admin') && unitId !== null && user.unitId === unitId);
}

/**
 * 亮身份 is shown within the unit, and to the whole association when the member opts in; text the
 * content check held is seen only by the member and whoever reviews it.
 */
export function canSeeProfile(user: CurrentUser, facts: ProfileFacts): boolean {
  if (user.id === facts.memberId || looksAfter(user, facts.unitId)) return true;
  if (facts.held) return false;
  return facts.public || (facts.unitId !== null && user.unitId === facts.unitId);
}

export function authorizeProfileView(user: CurrentUser, facts: ProfileFacts): void {
  if (!canSeeProfile(user, facts)) throw notFound('党员资料');
}

/** Profiles and commitments are reviewed and confirmed by the member's own unit admin, never their own. */
export function authorizeProfileKeeper(user: CurrentUser, facts: Pick<ProfileFacts, 'memberId' | 'unitId'>): void {
  if (!(user.roles.includes('unit_admin') && facts.unitId !== null && user.unitId === facts.unitId)) {
    throw forbidden('只有本单位的党务工作者可以审核本单位党员的资料和承诺');
  }
  if (user.id === facts.memberId) throw forbidden('不能审核自己的资料和承诺');
}
