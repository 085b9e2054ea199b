import { addWorkingDays, LETTER_REPLY_DAYS, shanghaiToday, type LetterRating } from '@zhijian/shared';
import { presentLetterForAudit } from '../presenters/letters';
import type { LetterRow } from '../queries/letters';
import { audit } from './audit';
import type { CommandContext } from './context';
import { lockLetterIn, updateLetter } from './moveLetter';

/**
 * The writer rates the reply. 不满意 on a first reply reopens the letter (待复审) with a new
 * 10-working-day reply deadline; otherwise, and after a second reply, the rating closes it.
 */
export async function rateLetter(
  ctx: CommandContext,
  { letterId, rating }: { letterId: number; rating: LetterRating },
): Promise<LetterRow> {
  const before = await lockLetterIn(ctx, letterId, ['replied']);
  const reopen = rating === 'unsatisfied' && before.reopenedAt === null;
  const after = await updateLetter(
    ctx,
    letterId,
    reopen
      ? {
          status: 'reopened',
          rating,
          ratedAt: ctx.now,
          reopenedAt: ctx.now,
          replyDueOn: addWorkingDays(shanghaiToday(ctx.now), LETTER_REPLY_DAYS),
        }
      : { status: 'rated', rating, ratedAt: ctx.now },
  );
  await audit(ctx, {
    action: reopen ? 'letter.reopen' : 'letter.rate',
    entity: 'letter',
    entityId: letterId,
    before: presentLetterForAudit(before),
    after: presentLetterForAudit(after),
    hideActor: before.anonymous,
  });
  return after;
}
