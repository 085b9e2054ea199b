import { videoRefusals, type VideoReview } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { videos } from '../db/schema';
import { refuse } from '../errors';
import { audit } from './audit';
import type { CommandContext } from './context';

/** 通过 or 退回 with a reason; only a pending video moves (compare-and-set on its status). */
export async function reviewVideo(ctx: CommandContext, { videoId, review }: { videoId: number; review: z.output<typeof VideoReview> }) {
  const [after] = await ctx.tx
    .update(videos)
    .set({
      status: review.approve ? 'approved' : 'returned',
      returnReason: review.approve ? null : (review.reason ?? null),
      reviewedBy: ctx.actor?.id ?? null,
      reviewedAt: ctx.now,
      updatedAt: ctx.now,
    })
    .where(and(eq(videos.id, videoId), eq(videos.status, 'pending')))
    .returning();
  if (!after) throw refuse(videoRefusals.not_pending);
  await audit(ctx, {
    action: review.approve ? 'video.approve' : 'video.return',
    entity: 'video',
    entityId: videoId,
    after: { status: after.status, reason: after.returnReason },
  });
  return after;
}
