import { addWorkingDays, LETTER_REPLY_DAYS, shanghaiToday } from '@zhijian/shared';
import { presentLetterForAudit } from '../presenters/letters';
import type { LetterRow } from '../queries/letters';
import { audit } from './audit';
import type { CommandContext } from './context';
import { noticeToWriter } from './letterNotices';
import { lockLetterIn, updateLetter } from './moveLetter';

/** 受理: the reply is due 10 working days after the day of acceptance; the writer is told. */
export async function acceptLetter(ctx: CommandContext, { letterId }: { letterId: number }): Promise<LetterRow> {
  const before = await lockLetterIn(ctx, letterId, ['pending']);
  const after = await updateLetter(ctx, letterId, {
    status: 'accepted',
    acceptedAt: ctx.now,
    replyDueOn: addWorkingDays(shanghaiToday(ctx.now), LETTER_REPLY_DAYS),
  });
  await audit(ctx, {
    action: 'letter.accept',
    entity: 'letter',
    entityId: letterId,
    before: presentLetterForAudit(before),
    after: presentLetterForAudit(after),
  });
  await noticeToWriter(ctx, after, 'letter.accepted');
  return after;
}
