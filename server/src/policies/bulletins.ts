import type { CurrentUser } from '../auth/currentUser';

/** Drafts are the secretariat's; members see published issues only (内部刊物: signed-in members). */
export function canSeeDrafts(user: CurrentUser): boolean {
  return user.roles.includes('secretariat');
}

export function canSeeIssue(user: CurrentUser, issue: { status: 'draft' | 'published' }): boolean {
  return issue.status === 'published' || canSeeDrafts(user);
}
