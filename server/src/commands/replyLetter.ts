import { addWorkingDays, LETTER_REPLY_DAYS, letterRefusals, shanghaiToday } from '@zhijian/shared';
import type { ContentVerdict } from '../contentCheck/contentChecker';
import { letterReplies } from '../db/schema';
import { refuse } from '../errors';
import { presentLetterForAudit } from '../presenters/letters';
import { hasHeldReply, type LetterRow } from '../queries/letters';
import { audit } from './audit';
import type { CommandContext } from './context';
import { noticeToWriter } from './letterNotices';
import { lockLetterIn, updateLetter } from './moveLetter';

/**
 * A reply to an accepted (or reopened) letter; replying to a letter not yet accepted accepts it
 * too. A reply the content check held is kept for review and the letter waits as it was.
 */
export async function replyLetter(
  ctx: CommandContext,
  { letterId, body, verdict }: { letterId: number; body: string; verdict: ContentVerdict },
): Promise<LetterRow> {
  const before = await lockLetterIn(ctx, letterId, ['pending', 'accepted', 'reopened']);
  if (await hasHeldReply(ctx.tx, letterId)) throw refuse(letterRefusals.reply_under_review);
  const held = verdict.verdict === 'review';
  const [reply] = await ctx.tx
    .insert(letterReplies)
    .values({ letterId, authorId: ctx.actor?.id ?? null, body, held, heldLabel: held ? (verdict.label ?? null) : null, createdAt: ctx.now })
    .returning();
  const accepting =
    before.status === 'pending' ? { acceptedAt: ctx.now, replyDueOn: addWorkingDays(shanghaiToday(ctx.now), LETTER_REPLY_DAYS) } : {};
  const after = await updateLetter(
    ctx,
    letterId,
    held ? { ...accepting, status: before.status === 'pending' ? 'accepted' : before.status } : { ...accepting, status: 'replied' },
  );
  await audit(ctx, {
    action: 'letter.reply',
    entity: 'letter',
    entityId: letterId,
    before: presentLetterForAudit(before),
    after: { replyId: reply!.id, held, status: after.status },
  });
  if (!held) await noticeToWriter(ctx, after, 'letter.replied');
  return after;
}
