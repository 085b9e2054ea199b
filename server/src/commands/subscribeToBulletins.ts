import { sql } from 'drizzle-orm';
import { bulletinSubscriptions } from '../db/schema';
import type { CommandContext } from './context';

/** A member may hold at most this many unused one-time reminders. */
const MAX_PENDING_REMINDERS = 20;

/**
 * Records one more reminder the member allowed in WeChat's subscription dialog (each allows one
 * message); answers how many are waiting. One statement, so two taps at once both count.
 */
export async function subscribeToBulletins(ctx: CommandContext, { memberId }: { memberId: number }): Promise<{ remaining: number }> {
  const [row] = await ctx.tx
    .insert(bulletinSubscriptions)
    .values({ memberId, remaining: 1 })
    .onConflictDoUpdate({
      target: bulletinSubscriptions.memberId,
      set: { remaining: sql`least(${bulletinSubscriptions.remaining} + 1, ${MAX_PENDING_REMINDERS})` },
    })
    .returning({ remaining: bulletinSubscriptions.remaining });
  return { remaining: row!.remaining };
}
