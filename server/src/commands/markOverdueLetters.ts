import { shanghaiToday } from '@zhijian/shared';
import { and, inArray, isNull, lt, or, eq } from 'drizzle-orm';
import { letters } from '../db/schema';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * Marks letters whose reader let the due day pass (not accepted in 2 working days, not replied by
 * the reply deadline). One conditional update: a letter already marked is left alone, so two runs
 * at once mark it once. The flag stays after a late reply; the secretariat's timeliness counts it.
 */
export async function markOverdueLetters(ctx: CommandContext, _props: Record<string, never>): Promise<{ flagged: number }> {
  const today = shanghaiToday(ctx.now);
  const rows = await ctx.tx
    .update(letters)
    .set({ overdueAt: ctx.now })
    .where(
      and(
        isNull(letters.overdueAt),
        or(
          and(eq(letters.status, 'pending'), lt(letters.acceptDueOn, today)),
          and(inArray(letters.status, ['accepted', 'reopened']), lt(letters.replyDueOn, today)),
        ),
      ),
    )
    .returning({ id: letters.id });
  if (rows.length)
    await audit(ctx, { action: 'letter.overdue', entity: 'letter', entityId: null, after: { letterIds: rows.map((row) => row.id) } });
  return { flagged: rows.length };
}
