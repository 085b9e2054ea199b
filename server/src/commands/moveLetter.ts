import { letterRefusals, type LetterStatus } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { letters } from '../db/schema';
import { refuse } from '../errors';
import { findLetter, type LetterRow } from '../queries/letters';
import type { CommandContext } from './context';

/**
 * Locks the letter and checks it is in one of `from`; every state move of a letter starts here,
 * so two hands on one letter (two secretaries, a double tap) take turns and the second sees the
 * state the first left.
 */
export async function lockLetterIn(ctx: CommandContext, letterId: number, from: readonly LetterStatus[]): Promise<LetterRow> {
  const letter = await findLetter(ctx.tx, letterId, { lock: true });
  if (!from.includes(letter.status)) throw refuse(letterRefusals.wrong_status, { status: letter.status });
  return letter;
}

export async function updateLetter(
  ctx: CommandContext,
  letterId: number,
  changes: Partial<typeof letters.$inferInsert>,
): Promise<LetterRow> {
  const [after] = await ctx.tx
    .update(letters)
    .set({ ...changes, updatedAt: ctx.now })
    .where(eq(letters.id, letterId))
    .returning();
  return after!;
}
