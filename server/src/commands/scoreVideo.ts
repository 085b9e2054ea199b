import { videoRefusals } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { videos } from '../db/schema';
import { refuse } from '../errors';
import { audit } from './audit';
import type { CommandContext } from './context';

/** The jury's score (0–100) of an approved video: 60 % of the result by default. */
export async function scoreVideo(ctx: CommandContext, { videoId, score }: { videoId: number; score: number }) {
  const [after] = await ctx.tx
    .update(videos)
    .set({ juryScore: score, updatedAt: ctx.now })
    .where(and(eq(videos.id, videoId), eq(videos.status, 'approved')))
    .returning();
  if (!after) throw refuse(videoRefusals.not_approved);
  await audit(ctx, { action: 'video.score', entity: 'video', entityId: videoId, after: { juryScore: score } });
  return after;
}
