import { formatShanghaiDateTime, LETTER_KIND_LABELS } from '@zhijian/shared';
import { thing } from '../notify/notifier';
import { writerOpenid, type LetterRow } from '../queries/letters';
import type { CommandContext } from './context';

/** Tells the writer (subscription message, after commit) that their letter was accepted or replied to. */
export async function noticeToWriter(
  ctx: CommandContext,
  letter: LetterRow,
  template: 'letter.accepted' | 'letter.replied',
): Promise<void> {
  const openid = await writerOpenid(ctx.tx, letter.writerId);
  if (!openid) return;
  const title = `${LETTER_KIND_LABELS[letter.kind]}：${letter.body}`;
  const at = formatShanghaiDateTime(ctx.now);
  ctx.afterCommit(() =>
    ctx.services.notifier.notify([openid], {
      template,
      page: `packages/letters/detail/index?id=${letter.id}`,
      fields: { thing1: thing(title), time2: at },
    }),
  );
}
