import { roundEndsOn, roundPhase, shanghaiToday, VIDEO_LIKES_PER_DAY, videoRefusals } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import type { CurrentUser } from '../auth/currentUser';
import { members, videoLikes } from '../db/schema';
import { refuse } from '../errors';
import { countLikesOn, findRound, findVideo } from '../queries/videos';
import type { CommandContext } from './context';

/**
 * One like per member per video per Shanghai day (the unique index), at most ten a day (counted
 * while the member's roster row is locked, so likes fired at once queue and the eleventh is
 * refused), never for one's own unit's video. Likes are not audited one by one: the likes table is
 * their record.
 */
export async function likeVideo(ctx: CommandContext, { videoId, member }: { videoId: number; member: CurrentUser }): Promise<void> {
  const { video } = await findVideo(ctx.tx, videoId);
  if (video.status !== 'approved') throw refuse(videoRefusals.not_approved);
  if (member.unitId !== null && member.unitId === video.unitId) throw refuse(videoRefusals.own_unit);
  const round = await findRound(ctx.tx, video.roundId);
  if (roundPhase(round.startsOn, roundEndsOn(round.startsOn, round.days), ctx.now) !== 'running') {
    throw refuse(videoRefusals.round_not_running);
  }
  await ctx.tx.select({ id: members.id }).from(members).where(eq(members.id, member.id)).for('update');
  const today = shanghaiToday(ctx.now);
  if ((await countLikesOn(ctx.tx, member.id, today)) >= VIDEO_LIKES_PER_DAY) {
    throw refuse(videoRefusals.daily_likes, { limit: VIDEO_LIKES_PER_DAY });
  }
  const [like] = await ctx.tx
    .insert(videoLikes)
    .values({ videoId, memberId: member.id, likedOn: today, createdAt: ctx.now })
    .onConflictDoNothing()
    .returning({ id: videoLikes.id });
  if (!like) throw refuse(videoRefusals.already_liked);
}
