import { sql } from 'drizzle-orm';
import { checkinReminderSubscriptions } from '../db/schema';
import type { CommandContext } from './context';

/** A member may hold at most this many unused one-time check-in reminders. */
const MAX_PENDING_REMINDERS = 20;

/**
 * Records one more check-in reminder the member allowed in WeChat's subscription dialog (each
 * allows one message); answers how many are waiting. One statement, so two taps at once both count.
 */
export async function subscribeToCheckinReminders(ctx: CommandContext, { memberId }: { memberId: number }): Promise<{ remaining: number }> {
  const [row] = await ctx.tx
    .insert(checkinReminderSubscriptions)
    .values({ memberId, remaining: 1 })
    .onConflictDoUpdate({
      target: checkinReminderSubscriptions.memberId,
      set: { remaining: sql`least(${checkinReminderSubscriptions.remaining} + 1, ${MAX_PENDING_REMINDERS})` },
    })
    .returning({ remaining: checkinReminderSubscriptions.remaining });
  return { remaining: row!.remaining };
}
