import { and, eq, gt, isNull } from 'drizzle-orm';
import { newRefreshToken, parseRefreshToken } from '../auth/refreshTokens';
import { sessions } from '../db/schema';
import { findSessionByFamily } from '../queries/sessions';
import type { CommandContext } from './context';
import { revokeSession } from './revokeSessions';
import type { StartedSession } from './startSession';

/** Why a refresh token was not honoured (the reasons of `authRefusals`). */
export type RefreshRefusal = 'refresh_token_invalid' | 'refresh_token_expired' | 'refresh_token_reused' | 'session_revoked';

/**
 * Answered, not thrown: a reused token must end its sign-in, and that write has to be committed
 * before the caller is refused.
 */
export type RefreshOutcome = ({ status: 'rotated' } & StartedSession) | { status: 'refused'; reason: RefreshRefusal };

/**
 * Refresh token rotation with reuse detection (OAuth 2.0 Security BCP, RFC 9700 §4.14.2): the
 * current token is traded for a new one in a single compare-and-set on its stored hash, so of
 * several requests presenting it at once exactly one succeeds. Any other presentation of a token
 * of the family — a replay, or the losers of such a race — is reuse: the server cannot tell the
 * owner from a thief, so the sign-in ends for both.
 */
export async function refreshSession(
  ctx: CommandContext,
  { refreshToken, ttlSeconds }: { refreshToken: string; ttlSeconds: number },
): Promise<RefreshOutcome> {
  const presented = parseRefreshToken(refreshToken);
  if (!presented) return { status: 'refused', reason: 'refresh_token_invalid' };
  const next = newRefreshToken(presented.familyId);
  const [rotated] = await ctx.tx
    .update(sessions)
    .set({ refreshTokenHash: next.hash, refreshedAt: ctx.now, expiresAt: new Date(ctx.now.getTime() + ttlSeconds * 1000) })
    .where(
      and(
        eq(sessions.familyId, presented.familyId),
        eq(sessions.refreshTokenHash, presented.hash),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, ctx.now),
      ),
    )
    .returning();
  if (rotated) return { status: 'rotated', session: rotated, refreshToken: next.token };

  const session = await findSessionByFamily(ctx.tx, presented.familyId);
  if (!session) return { status: 'refused', reason: 'refresh_token_invalid' };
  if (session.revokedAt) return { status: 'refused', reason: 'session_revoked' };
  if (session.expiresAt <= ctx.now) return { status: 'refused', reason: 'refresh_token_expired' };
  await revokeSession(ctx, { session, reason: 'refresh_token_reused' });
  return { status: 'refused', reason: 'refresh_token_reused' };
}
