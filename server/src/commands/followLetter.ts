import { letterRefusals } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import type { CurrentUser } from '../auth/currentUser';
import { letterFollows } from '../db/schema';
import { refuse } from '../errors';
import { findLetter } from '../queries/letters';
import type { CommandContext } from './context';

/** A letter on the viewer's own unit's board; anything else is, to them, not on the board. */
async function findBoardLetter(ctx: CommandContext, letterId: number, member: CurrentUser) {
  const letter = await findLetter(ctx.tx, letterId);
  const onBoard = letter.onBoard && ['replied', 'reopened', 'rated'].includes(letter.status);
  if (!onBoard || letter.unitId === null || letter.unitId !== member.unitId) throw refuse(letterRefusals.not_on_board);
  return letter;
}

/** 我也关注: once per member and letter; the unique key keeps a double tap (or two at once) to one row. */
export async function followLetter(ctx: CommandContext, { letterId, member }: { letterId: number; member: CurrentUser }): Promise<void> {
  await findBoardLetter(ctx, letterId, member);
  await ctx.tx.insert(letterFollows).values({ letterId, memberId: member.id, createdAt: ctx.now }).onConflictDoNothing();
}

export async function unfollowLetter(ctx: CommandContext, { letterId, member }: { letterId: number; member: CurrentUser }): Promise<void> {
  await findBoardLetter(ctx, letterId, member);
  await ctx.tx.delete(letterFollows).where(and(eq(letterFollows.letterId, letterId), eq(letterFollows.memberId, member.id)));
}
