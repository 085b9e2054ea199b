import type { SignedIn } from '@zhijian/shared';
import type { CurrentUser } from '../../auth/currentUser';
import { presentMe } from '../../presenters/me';
import { loadMe } from '../../queries/me';
import type { AppServices } from '../../services';

/** The answer to every successful sign-in: a fresh access token and who it belongs to. */
export async function signedIn(services: AppServices, user: CurrentUser): Promise<SignedIn> {
  const issued = services.tokens.issueAccess(user.id, user.roles);
  return {
    status: 'signed_in',
    token: issued.token,
    expiresAt: issued.expiresAt.toISOString(),
    user: presentMe(await loadMe(services.db, user)),
  };
}
