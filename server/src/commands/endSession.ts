import { parseRefreshToken } from '../auth/refreshTokens';
import { findSessionByFamily } from '../queries/sessions';
import type { CommandContext } from './context';
import { revokeSession } from './revokeSessions';

/**
 * Sign-out: ends the sign-in the refresh token belongs to. An unknown, expired or already ended
 * one is nothing to do (RFC 7009: no answer tells whether a token was valid). A token of the
 * family that is no longer current is a used one: the sign-in ends as reused.
 */
export async function endSession(ctx: CommandContext, { refreshToken }: { refreshToken: string }): Promise<void> {
  const presented = parseRefreshToken(refreshToken);
  if (!presented) return;
  const session = await findSessionByFamily(ctx.tx, presented.familyId);
  if (!session || session.revokedAt || session.expiresAt <= ctx.now) return;
  const reason = session.refreshTokenHash === presented.hash ? 'signed_out' : 'refresh_token_reused';
  await revokeSession(ctx, { session, reason });
}
