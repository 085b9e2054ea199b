import { addWorkingDays, letterRefusals, type LetterExtensionInput } from '@zhijian/shared';
import { refuse } from '../errors';
import { presentLetterForAudit } from '../presenters/letters';
import type { LetterRow } from '../queries/letters';
import { audit } from './audit';
import type { CommandContext } from './context';
import { lockLetterIn, updateLetter } from './moveLetter';

/** One extension per letter, up to 10 working days added to the reply deadline, with a reason the writer sees. */
export async function extendLetter(
  ctx: CommandContext,
  { letterId, input }: { letterId: number; input: LetterExtensionInput },
): Promise<LetterRow> {
  const before = await lockLetterIn(ctx, letterId, ['accepted', 'reopened']);
  if (before.extensionDays !== null) throw refuse(letterRefusals.already_extended);
  const after = await updateLetter(ctx, letterId, {
    extensionDays: input.days,
    extensionReason: input.reason,
    replyDueOn: addWorkingDays(before.replyDueOn!, input.days),
  });
  await audit(ctx, {
    action: 'letter.extend',
    entity: 'letter',
    entityId: letterId,
    before: presentLetterForAudit(before),
    after: presentLetterForAudit(after),
  });
  return after;
}
