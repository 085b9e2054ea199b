import { and, eq, isNull } from 'drizzle-orm';
import { sessions, type SessionRevokedReason } from '../db/schema';
import type { SessionRow } from '../queries/sessions';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * Ends every live sign-in of a member: their next request answers 401. Run inside the command
 * that takes their access away (a role removed), in its transaction.
 */
export async function revokeMemberSessions(
  ctx: CommandContext,
  { memberId, reason }: { memberId: number; reason: SessionRevokedReason },
): Promise<number> {
  const revoked = await ctx.tx
    .update(sessions)
    .set({ revokedAt: ctx.now, revokedReason: reason })
    .where(and(eq(sessions.memberId, memberId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length;
}

/** Ends one sign-in, whoever holds its tokens; a refresh token used twice is audited. */
export async function revokeSession(
  ctx: CommandContext,
  { session, reason }: { session: SessionRow; reason: SessionRevokedReason },
): Promise<void> {
  const [revoked] = await ctx.tx
    .update(sessions)
    .set({ revokedAt: ctx.now, revokedReason: reason })
    .where(and(eq(sessions.id, session.id), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  if (revoked && reason === 'refresh_token_reused') {
    await audit(ctx, {
      action: 'session.revoke',
      entity: 'member',
      entityId: session.memberId,
      after: { session: session.id, reason, signedInAt: session.createdAt.toISOString() },
    });
  }
}
