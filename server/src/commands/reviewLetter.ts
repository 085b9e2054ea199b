import { addWorkingDays, LETTER_ACCEPT_DAYS, letterRefusals, shanghaiToday } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { letterReplies } from '../db/schema';
import { refuse } from '../errors';
import { presentLetterForAudit } from '../presenters/letters';
import { findLetter, type LetterRow } from '../queries/letters';
import { audit } from './audit';
import type { CommandContext } from './context';
import { noticeToWriter } from './letterNotices';
import { updateLetter } from './moveLetter';

/**
 * The reviewer decides on what the content check held: a held letter goes to its reader (the
 * acceptance deadline counted from today) or ends refused; a held reply reaches the writer (the
 * letter is replied) or is discarded for the reader to write again.
 */
export async function reviewLetter(ctx: CommandContext, { letterId, release }: { letterId: number; release: boolean }): Promise<LetterRow> {
  const before = await findLetter(ctx.tx, letterId, { lock: true });
  if (before.status === 'held') {
    const after = await updateLetter(
      ctx,
      letterId,
      release ? { status: 'pending', acceptDueOn: addWorkingDays(shanghaiToday(ctx.now), LETTER_ACCEPT_DAYS) } : { status: 'rejected' },
    );
    await audit(ctx, {
      action: release ? 'letter.release' : 'letter.refuse',
      entity: 'letter',
      entityId: letterId,
      before: presentLetterForAudit(before),
      after: presentLetterForAudit(after),
    });
    return after;
  }
  const [reply] = await ctx.tx
    .select()
    .from(letterReplies)
    .where(and(eq(letterReplies.letterId, letterId), eq(letterReplies.held, true)));
  if (!reply) throw refuse(letterRefusals.nothing_to_review);
  if (!release) {
    await ctx.tx.delete(letterReplies).where(eq(letterReplies.id, reply.id));
    await audit(ctx, {
      action: 'letter.refuse_reply',
      entity: 'letter',
      entityId: letterId,
      before: { replyId: reply.id, body: reply.body },
    });
    return before;
  }
  await ctx.tx.update(letterReplies).set({ held: false }).where(eq(letterReplies.id, reply.id));
  const after = await updateLetter(ctx, letterId, { status: 'replied' });
  await audit(ctx, {
    action: 'letter.release_reply',
    entity: 'letter',
    entityId: letterId,
    before: presentLetterForAudit(before),
    after: presentLetterForAudit(after),
  });
  await noticeToWriter(ctx, after, 'letter.replied');
  return after;
}
