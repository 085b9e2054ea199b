import { recordEvents } from '../db/schema';
import type { RecordEventSubject } from '../queries/recordEvents';
import type { CommandContext } from './context';

/**
 * A step of a bonus claim's, a deduction's or a sanction's timeline, written by the command that
 * takes the step, in its transaction, beside its audit entry. `at` defaults to the command's now.
 */
export async function recordEvent(
  ctx: CommandContext,
  event: { subject: RecordEventSubject; subjectId: number; action: string; note?: string | null; at?: Date },
): Promise<void> {
  await ctx.tx.insert(recordEvents).values({
    subject: event.subject,
    subjectId: event.subjectId,
    action: event.action,
    actorId: ctx.actor?.id ?? null,
    note: event.note ?? null,
    at: event.at ?? ctx.now,
  });
}
