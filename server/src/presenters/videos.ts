import {
  roundEndsOn,
  roundPhase,
  VIDEO_STATUS_LABELS,
  type Video,
  type VideoComment,
  type VideoResultRow,
  type VideoRoundSummary,
} from '@zhijian/shared';
import type { z } from 'zod';
import type { CurrentUser } from '../auth/currentUser';
import { mayLike } from '../policies/videos';
import type { VideoCommentRows, VideoRoundRow, VideoRows } from '../queries/videos';

export function presentVideoRound(round: VideoRoundRow, now: Date): z.infer<typeof VideoRoundSummary> {
  const endsOn = roundEndsOn(round.startsOn, round.days);
  return {
    id: round.id,
    title: round.title,
    theme: round.theme,
    startsOn: round.startsOn,
    endsOn,
    phase: roundPhase(round.startsOn, endsOn, now),
    juryWeight: round.juryWeight,
  };
}

export function presentVideo(rows: VideoRows, user: CurrentUser, running: boolean): Video {
  const { video, unit } = rows;
  const secretariat = user.roles.includes('secretariat');
  const approved = video.status === 'approved';
  return {
    id: video.id,
    roundId: video.roundId,
    unit,
    title: video.title,
    kind: video.kind,
    status: video.status,
    statusLabel: VIDEO_STATUS_LABELS[video.status],
    returnReason: video.returnReason,
    durationSeconds: video.durationSeconds,
    sizeBytes: video.sizeBytes,
    width: video.width,
    height: video.height,
    channel: video.kind === 'channel' ? { finderUserName: video.finderUserName ?? '', feedId: video.feedId ?? '' } : null,
    hasPoster: video.posterKey !== null,
    publishedLikes: rows.publishedLikes,
    likedToday: rows.likedToday,
    juryScore: secretariat ? video.juryScore : null,
    commentCount: rows.commentCount,
    actions: {
      like: mayLike(user, video, running) && !rows.likedToday,
      comment: approved && user.roles.includes('member'),
      review: secretariat && video.status === 'pending',
      score: secretariat && approved,
    },
    createdAt: video.createdAt.toISOString(),
  };
}

export function presentVideoComment({ comment, authorName, unitName }: VideoCommentRows, user: CurrentUser): z.infer<typeof VideoComment> {
  const secretariat = user.roles.includes('secretariat');
  return {
    id: comment.id,
    author: { id: comment.authorId, name: authorName, unitName },
    body: comment.body,
    status: comment.status,
    heldLabel: secretariat || comment.authorId === user.id ? comment.heldLabel : null,
    hiddenReason: comment.hiddenReason,
    mine: comment.authorId === user.id,
    canHide: secretariat && comment.status !== 'hidden',
    createdAt: comment.createdAt.toISOString(),
  };
}

/** Results are public once counted: the jury's score and the published likes of every placed video. */
export function presentResultRow(row: z.infer<typeof VideoResultRow>): z.infer<typeof VideoResultRow> {
  return { ...row };
}
