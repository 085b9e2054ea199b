import type { CurrentUser } from '../auth/currentUser';
import { forbidden, notFound } from '../errors';

/** What the rules about a wish need to know of it. */
export interface WishFacts {
  scope: 'unit' | 'association';
  unitId: number;
  wisherId: number;
  createdBy: number | null;
  status: string;
  /** The member holding the live (or completed) claim. */
  claimerId: number | null;
}

/** The rules' view of a wish: scope, unit, people. */
export function wishFacts(wish: Omit<WishFacts, 'claimerId'>, claim: { memberId: number } | null | undefined): WishFacts {
  return {
    scope: wish.scope,
    unitId: wish.unitId,
    wisherId: wish.wisherId,
    createdBy: wish.createdBy,
    status: wish.status,
    claimerId: claim?.memberId ?? null,
  };
}

/** A unit-only wish is run by its unit's admin; an association-wide one by the secretariat. */
export function canManageWish(user: CurrentUser, wish: Pick<WishFacts, 'scope' | 'unitId'>): boolean {
  if (wish.scope === 'association') return user.roles.includes('secretariat');
  return user.roles.includes('unit_admin') && user.unitId === wish.unitId;
}

/** The wisher's own unit admin and the secretariat look after the member in need, whatever the scope. */
function looksAfterWisher(user: CurrentUser, wish: Pick<WishFacts, 'unitId'>): boolean {
  return user.roles.includes('secretariat') || (user.roles.includes('unit_admin') && user.unitId === wish.unitId);
}

/** The wisher's full name: the wisher, the current claimer, the unit admin and the secretariat; 王某 to everyone else. */
export function seesWisherName(user: CurrentUser, wish: WishFacts): boolean {
  return user.id === wish.wisherId || user.id === wish.claimerId || looksAfterWisher(user, wish);
}

/**
 * Who sees a wish at all: a unit-only wish stays in its unit (and with the secretariat), an
 * association-wide one is every member's. One waiting for review or taken down is seen only by
 * the people concerned: the wisher, whoever made it, and the admins.
 */
export function canSeeWish(user: CurrentUser, wish: WishFacts): boolean {
  if (looksAfterWisher(user, wish) || user.id === wish.wisherId || user.id === wish.createdBy) return true;
  if (wish.scope === 'unit' && user.unitId !== wish.unitId) return false;
  if (wish.status === 'pending_review' || wish.status === 'withdrawn') return false;
  return true;
}

/** A wish the reader may not see does not exist for them. */
export function authorizeWishView(user: CurrentUser, wish: WishFacts): void {
  if (!canSeeWish(user, wish)) throw notFound('心愿');
}

export function authorizeWishManager(user: CurrentUser, wish: WishFacts): void {
  authorizeWishView(user, wish);
  if (!canManageWish(user, wish)) {
    throw forbidden(wish.scope === 'association' ? '全协会的心愿由秘书处管理' : '只有本单位的党务工作者可以管理本单位的心愿');
  }
}

/** Who may claim: a member of the wish's unit for a unit-only wish, any member with a unit for an association-wide one. */
export function mayClaimWish(user: CurrentUser, wish: WishFacts): boolean {
  if (!user.roles.includes('member') || user.unitId === null) return false;
  return wish.scope === 'association' || user.unitId === wish.unitId;
}
