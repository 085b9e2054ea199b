import type { CurrentUser } from '../auth/currentUser';
import { notFound } from '../errors';

/** Drafts are the secretariat's; members see published issues only (内部刊物: signed-in members). */
export function canSeeDrafts(user: CurrentUser): boolean {
  return user.roles.includes('secretariat');
}

export function canSeeIssue(user: CurrentUser, issue: { status: 'draft' | 'published' }): boolean {
  return issue.status === 'published' || canSeeDrafts(user);
}

/**
 * A draft, and each article of it, does not exist for members: a 404 naming what was asked for
 * (`简报` or `文章`), not a 403 that would tell them it is there.
 */
export function authorizeReading(user: CurrentUser, issue: { status: 'draft' | 'published' }, resource: '简报' | '文章'): void {
  if (!canSeeIssue(user, issue)) throw notFound(resource);
}
