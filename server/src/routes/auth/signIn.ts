import type { SignedIn } from '@zhijian/shared';
import type { CurrentUser } from '../../auth/currentUser';
import type { Command } from '../../commands/context';
import { startSession, type StartedSession } from '../../commands/startSession';
import { presentMe } from '../../presenters/me';
import { loadMe } from '../../queries/me';
import type { AppServices } from '../../services';

type Run = <Props, Result>(command: Command<Props, Result>, props: Props) => Promise<Result>;

/** The answer to every successful sign-in: a new session, its first token pair, and who it belongs to. */
export async function signedIn(services: AppServices, run: Run, user: CurrentUser): Promise<SignedIn> {
  const started = await run(startSession, { memberId: user.id, ttlSeconds: services.config.refreshTtlSeconds });
  return tokenPair(services, user, started);
}

/** A session's access token (never outliving the session) and refresh token, with the profile. */
export async function tokenPair(services: AppServices, user: CurrentUser, { session, refreshToken }: StartedSession): Promise<SignedIn> {
  const access = services.tokens.issueAccess({ memberId: user.id, sessionId: session.id, roles: user.roles, notAfter: session.expiresAt });
  return {
    status: 'signed_in',
    token: access.token,
    expiresAt: access.expiresAt.toISOString(),
    refreshToken,
    refreshExpiresAt: session.expiresAt.toISOString(),
    user: presentMe(await loadMe(services.db, user)),
  };
}
