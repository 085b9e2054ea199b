import { videoRefusals } from '@zhijian/shared';
import type { ContentVerdict } from '../contentCheck/contentChecker';
import { videoComments } from '../db/schema';
import { refuse } from '../errors';
import { findVideo, type VideoCommentRow } from '../queries/videos';
import { audit } from './audit';
import type { CommandContext } from './context';

/** A comment on an approved video; one the content check held is shown to its author and the secretariat only. */
export async function commentOnVideo(
  ctx: CommandContext,
  { videoId, authorId, body, verdict }: { videoId: number; authorId: number; body: string; verdict: ContentVerdict },
): Promise<VideoCommentRow> {
  const { video } = await findVideo(ctx.tx, videoId);
  if (video.status !== 'approved') throw refuse(videoRefusals.not_approved);
  const held = verdict.verdict === 'review';
  const [comment] = await ctx.tx
    .insert(videoComments)
    .values({
      videoId,
      authorId,
      body,
      status: held ? 'held' : 'shown',
      heldLabel: held ? (verdict.label ?? null) : null,
      createdAt: ctx.now,
    })
    .returning();
  await audit(ctx, {
    action: 'video_comment.create',
    entity: 'video_comment',
    entityId: comment!.id,
    after: { videoId, status: comment!.status },
  });
  return comment!;
}
