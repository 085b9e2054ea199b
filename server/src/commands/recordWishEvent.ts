import { wishEvents } from '../db/schema';
import type { CommandContext } from './context';

/** A step of a wish's timeline, written by the command that takes it, beside its audit entry. */
export async function recordWishEvent(ctx: CommandContext, wishId: number, action: string, note: string | null = null): Promise<void> {
  await ctx.tx.insert(wishEvents).values({ wishId, action, actorId: ctx.actor?.id ?? null, note, at: ctx.now });
}
