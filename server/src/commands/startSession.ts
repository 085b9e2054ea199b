import { and, eq, lt } from 'drizzle-orm';
import { newRefreshToken } from '../auth/refreshTokens';
import { sessions } from '../db/schema';
import type { SessionRow } from '../queries/sessions';
import type { CommandContext } from './context';

export interface StartedSession {
  session: SessionRow;
  /** Given to the client once; only its hash is kept. */
  refreshToken: string;
}

/** A sign-in: a sessions row and its first refresh token, good for `ttlSeconds` unless used. */
export async function startSession(
  ctx: CommandContext,
  { memberId, ttlSeconds }: { memberId: number; ttlSeconds: number },
): Promise<StartedSession> {
  // The member's sign-ins that ran out are of no further use: cleared as a new one starts.
  await ctx.tx.delete(sessions).where(and(eq(sessions.memberId, memberId), lt(sessions.expiresAt, ctx.now)));
  const refresh = newRefreshToken();
  const [session] = await ctx.tx
    .insert(sessions)
    .values({
      memberId,
      familyId: refresh.familyId,
      refreshTokenHash: refresh.hash,
      createdAt: ctx.now,
      expiresAt: new Date(ctx.now.getTime() + ttlSeconds * 1000),
    })
    .returning();
  return { session: session!, refreshToken: refresh.token };
}
