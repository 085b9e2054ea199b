import { letterRefusals, type LetterStatus } from '@zhijian/shared';
import { refuse } from '../errors';
import { presentLetterForAudit } from '../presenters/letters';
import type { LetterRow } from '../queries/letters';
import { audit } from './audit';
import type { CommandContext } from './context';
import { lockLetterIn, updateLetter } from './moveLetter';

const REPLIED: readonly LetterStatus[] = ['replied', 'reopened', 'rated'];

/**
 * 党群聊吧 consent: the writer puts a replied letter of their unit on the board (or takes it
 * off), with their name only if they ask and the letter was not anonymous.
 */
export async function setLetterBoard(
  ctx: CommandContext,
  { letterId, onBoard, showName }: { letterId: number; onBoard: boolean; showName: boolean },
): Promise<LetterRow> {
  const before = await lockLetterIn(ctx, letterId, REPLIED);
  if (before.unitId === null) throw refuse(letterRefusals.wrong_status, { status: before.status });
  if (onBoard && showName && before.anonymous) throw refuse(letterRefusals.board_needs_name);
  const after = await updateLetter(ctx, letterId, { onBoard, boardShowsName: onBoard && showName });
  await audit(ctx, {
    action: 'letter.board',
    entity: 'letter',
    entityId: letterId,
    before: presentLetterForAudit(before),
    after: presentLetterForAudit(after),
    hideActor: before.anonymous,
  });
  return after;
}
