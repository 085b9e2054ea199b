import { videoRefusals } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { videoComments } from '../db/schema';
import { refuse } from '../errors';
import { findVideoComment } from '../queries/videos';
import { audit } from './audit';
import type { CommandContext } from './context';

/** The secretariat hides a comment with a reason; its author still sees it, marked hidden, with the reason. */
export async function hideVideoComment(ctx: CommandContext, { commentId, reason }: { commentId: number; reason: string }) {
  const before = await findVideoComment(ctx.tx, commentId, { lock: true });
  if (before.status === 'hidden') throw refuse(videoRefusals.comment_already_hidden);
  const [after] = await ctx.tx
    .update(videoComments)
    .set({ status: 'hidden', hiddenReason: reason, hiddenBy: ctx.actor?.id ?? null, hiddenAt: ctx.now })
    .where(eq(videoComments.id, commentId))
    .returning();
  await audit(ctx, {
    action: 'video_comment.hide',
    entity: 'video_comment',
    entityId: commentId,
    before: { status: before.status },
    after: { status: 'hidden', reason },
  });
  return after!;
}
