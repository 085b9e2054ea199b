import { randomUUID } from 'node:crypto';
import type Router from '@koa/router';
import {
  api,
  lastVideoPublication,
  nextVideoPublication,
  roundEndsOn,
  roundPhase,
  roundSchedule,
  type Role,
  shanghaiToday,
  uploadRefusals,
  VIDEO_LIKES_PER_DAY,
  videoRefusals,
} from '@zhijian/shared';
import type { CurrentUser } from '../../auth/currentUser';
import { commentOnVideo } from '../../commands/commentOnVideo';
import { hideVideoComment } from '../../commands/hideVideoComment';
import { likeVideo } from '../../commands/likeVideo';
import { openVideoRound } from '../../commands/openVideoRound';
import { placeVideoResults } from '../../commands/placeVideoResults';
import { reviewVideo } from '../../commands/reviewVideo';
import { saveUnitVideo } from '../../commands/saveUnitVideo';
import { scoreVideo } from '../../commands/scoreVideo';
import { checkAll } from '../../contentCheck/contentChecker';
import { notFound, refuse } from '../../errors';
import { sendStoredFile } from '../../files/sendStoredFile';
import { authorizeVideoView, canSeeVideo } from '../../policies/videos';
import { presentResultRow, presentVideo, presentVideoComment, presentVideoRound } from '../../presenters/videos';
import { findMember } from '../../queries/members';
import {
  countLikesOn,
  findRound,
  findVideo,
  findVideoComment,
  listRoundVideos,
  listRounds,
  listVideoComments,
  loadRoundResults,
  loadVideoComment,
  loadVideoRows,
  roundGroups,
  type VideoRoundRow,
  type VideoRow,
  type VideoUnit,
} from '../../queries/videos';
import { mount, mountPublic } from '../../routing/mount';
import type { AppServices } from '../../services';
import { checkTicket, issueTicket } from '../../videos/playbackTicket';
import { processVideo } from '../../videos/processVideo';
import { storeVideoFiles } from '../../videos/storeVideoFiles';

/** 网络击鼓传花: rounds, one video per unit, review, playback by range, likes published daily, comments, results. */
export function videoRoutes(services: AppServices, router: Router): void {
  const { db, storage, clock, contentChecker, config } = services;

  const isRunning = (round: VideoRoundRow, now: Date) =>
    roundPhase(round.startsOn, roundEndsOn(round.startsOn, round.days), now) === 'running';

  async function presentFor(user: CurrentUser, found: Array<{ video: VideoRow; unit: VideoUnit }>, round: VideoRoundRow) {
    const now = clock.now();
    const rows = await loadVideoRows(db, found, user.id, { publishedBefore: lastVideoPublication(now), today: shanghaiToday(now) });
    return rows.map((row) => presentVideo(row, user, isRunning(round, now)));
  }

  /** The video as the reader sees it now; one they may not see is a 404. */
  async function visibleVideo(user: CurrentUser, id: number) {
    const found = await findVideo(db, id);
    authorizeVideoView(user, found.video);
    const [video] = await presentFor(user, [found], await findRound(db, found.video.roundId));
    return video!;
  }

  /** A unit admin's unit for a round that has not ended. */
  async function uploadingUnit(user: CurrentUser, roundId: number): Promise<number> {
    if (user.unitId === null) throw refuse(videoRefusals.no_unit);
    const round = await findRound(db, roundId);
    if (roundPhase(round.startsOn, roundEndsOn(round.startsOn, round.days), clock.now()) === 'ended') {
      throw refuse(videoRefusals.round_not_running, {}, '这一轮击鼓传花已结束，不能再上传');
    }
    return user.unitId;
  }

  mount(router, services, api.videos.listRounds, async () => {
    const now = clock.now();
    return { items: (await listRounds(db)).map((round) => presentVideoRound(round, now)) };
  });

  mount(router, services, api.videos.openRound, async ({ body, run }) =>
    presentVideoRound(await run(openVideoRound, { input: body }), clock.now()),
  );

  mount(router, services, api.videos.getRound, async ({ params, user }) => {
    const now = clock.now();
    const round = await findRound(db, params.id);
    const today = shanghaiToday(now);
    const groups = await roundGroups(db, round);
    const schedule = roundSchedule(round.startsOn, round.days, groups).map((day) => ({ ...day, today: day.date === today }));
    const featured = schedule.find((day) => day.today)?.group?.id;
    const seen = (await listRoundVideos(db, round.id)).filter((row) => canSeeVideo(user, row.video));
    // Today's 片组 first; every approved video stays viewable all week.
    seen.sort((a, b) => Number(b.unit.groupId === featured) - Number(a.unit.groupId === featured));
    const published = lastVideoPublication(now);
    const own = user.unitId === null ? undefined : seen.find((row) => row.video.unitId === user.unitId);
    return {
      ...presentVideoRound(round, now),
      schedule,
      videos: await presentFor(user, seen, round),
      likesLeftToday: Math.max(0, VIDEO_LIKES_PER_DAY - (await countLikesOn(db, user.id, today))),
      lastPublishedAt: published.toISOString(),
      nextPublishedAt: nextVideoPublication(now).toISOString(),
      top: (await loadRoundResults(db, round, published)).slice(0, 3).map(presentResultRow),
      canUpload:
        user.roles.includes('unit_admin') &&
        user.unitId !== null &&
        own?.video.status !== 'approved' &&
        presentVideoRound(round, now).phase !== 'ended',
    };
  });

  /** Checked and remuxed outside any transaction, stored, then recorded (files removed again if the record is refused). */
  mount(router, services, api.videos.upload, async ({ params, query, file, user, run }) => {
    const unitId = await uploadingUnit(user, params.id);
    if (!file) throw refuse(uploadRefusals.file_missing, {}, '请选择要上传的视频（字段名 file）');
    const processed = await processVideo(file.buffer, config.video);
    const base = `videos/${params.id}/${randomUUID()}`;
    const storageKey = `${base}.mp4`;
    const posterKey = processed.poster ? `${base}-poster.jpg` : null;
    const files = [{ key: storageKey, data: processed.data }, ...(posterKey ? [{ key: posterKey, data: processed.poster! }] : [])];
    const video = await storeVideoFiles(storage, files, () =>
      run(saveUnitVideo, {
        roundId: params.id,
        unitId,
        title: query.title,
        source: {
          kind: 'upload',
          storageKey,
          posterKey,
          sizeBytes: processed.data.length,
          durationSeconds: processed.durationSeconds,
          width: processed.width,
          height: processed.height,
          videoCodec: processed.videoCodec,
          audioCodec: processed.audioCodec,
        },
      }),
    );
    return visibleVideo(user, video.id);
  });

  mount(router, services, api.videos.linkChannel, async ({ params, body, user, run }) => {
    const unitId = await uploadingUnit(user, params.id);
    const video = await run(saveUnitVideo, {
      roundId: params.id,
      unitId,
      title: body.title,
      source: { kind: 'channel', finderUserName: body.finderUserName, feedId: body.feedId },
    });
    return visibleVideo(user, video.id);
  });

  mount(router, services, api.videos.get, async ({ params, user }) => visibleVideo(user, params.id));

  mount(router, services, api.videos.playback, async ({ params, user }) => {
    const { video } = await findVideo(db, params.id);
    authorizeVideoView(user, video);
    if (video.kind !== 'upload' || !video.storageKey) throw refuse(videoRefusals.not_a_stream);
    const { ticket, expiresAt } = issueTicket(config.jwtSecret, video.id, user.id, clock.now());
    const query = { ticket };
    return {
      url: pathOf(api.videos.stream.path, video.id, query),
      posterUrl: video.posterKey ? pathOf(api.videos.poster.path, video.id, query) : null,
      expiresAt: expiresAt.toISOString(),
    };
  });

  /** The ticket's member, still on the roster and still allowed to see the video. */
  async function ticketHolder(ticket: string, videoId: number): Promise<{ video: VideoRow }> {
    const memberId = checkTicket(config.jwtSecret, ticket, videoId, clock.now());
    const member = memberId === null ? undefined : await findMember(db, memberId).catch(() => undefined);
    if (!member) throw refuse(videoRefusals.ticket_invalid);
    const { video } = await findVideo(db, videoId);
    authorizeVideoView({ roles: member.roles as Role[], unitId: member.unitId }, video);
    return { video };
  }

  mountPublic(router, services, api.videos.stream, async ({ params, query, koa }) => {
    const { video } = await ticketHolder(query.ticket, params.id);
    if (!video.storageKey) throw notFound('视频');
    // The stored bytes never change under a key (a replacement gets a new one): the key is the version.
    const etag = `"${video.storageKey.replace(/^.*\//, '').replace(/\.mp4$/, '')}"`;
    koa.set('ETag', etag);
    koa.set('Cache-Control', 'private, max-age=7200');
    if (koa.get('if-none-match') === etag && !koa.get('range')) {
      koa.status = 304;
      return undefined;
    }
    // If-Range naming an older version: the whole (new) file, not a piece of it spliced onto the old.
    if (koa.get('if-range') && koa.get('if-range') !== etag) delete koa.req.headers.range;
    if (!(await sendStoredFile(koa, storage, video.storageKey, 'video/mp4'))) throw notFound('视频');
    return undefined;
  });

  mountPublic(router, services, api.videos.poster, async ({ params, query, koa }) => {
    const { video } = await ticketHolder(query.ticket, params.id);
    if (!video.posterKey) throw notFound('封面');
    koa.set('Cache-Control', 'private, max-age=7200');
    if (!(await sendStoredFile(koa, storage, video.posterKey, 'image/jpeg'))) throw notFound('封面');
    return undefined;
  });

  mount(router, services, api.videos.review, async ({ params, body, user, run }) => {
    await findVideo(db, params.id);
    await run(reviewVideo, { videoId: params.id, review: body });
    return visibleVideo(user, params.id);
  });

  mount(router, services, api.videos.score, async ({ params, body, user, run }) => {
    await findVideo(db, params.id);
    await run(scoreVideo, { videoId: params.id, score: body.score });
    return visibleVideo(user, params.id);
  });

  mount(router, services, api.videos.like, async ({ params, user, run }) => {
    const { video } = await findVideo(db, params.id);
    authorizeVideoView(user, video);
    await run(likeVideo, { videoId: params.id, member: user });
    return visibleVideo(user, params.id);
  });

  mount(router, services, api.videos.comments, async ({ params, user }) => {
    const { video } = await findVideo(db, params.id);
    authorizeVideoView(user, video);
    const secretariat = user.roles.includes('secretariat');
    const rows = (await listVideoComments(db, video.id)).filter(
      (row) => row.comment.status === 'shown' || secretariat || row.comment.authorId === user.id,
    );
    return { items: rows.map((row) => presentVideoComment(row, user)) };
  });

  mount(router, services, api.videos.comment, async ({ params, body, user, run }) => {
    const { video } = await findVideo(db, params.id);
    authorizeVideoView(user, video);
    const openid = (await findMember(db, user.id)).openid;
    const verdict = await checkAll(contentChecker, [body.body], 'comment', openid);
    const comment = await run(commentOnVideo, { videoId: video.id, authorId: user.id, body: body.body, verdict });
    return presentVideoComment(await loadVideoComment(db, comment.id), user);
  });

  mount(router, services, api.videos.hideComment, async ({ params, body, user, run }) => {
    await findVideoComment(db, params.id);
    await run(hideVideoComment, { commentId: params.id, reason: body.reason });
    return presentVideoComment(await loadVideoComment(db, params.id), user);
  });

  mount(router, services, api.videos.results, async ({ params }) => {
    const round = await findRound(db, params.id);
    const countedAt = lastVideoPublication(clock.now());
    return {
      juryWeight: round.juryWeight,
      countedAt: countedAt.toISOString(),
      rows: (await loadRoundResults(db, round, countedAt)).map(presentResultRow),
    };
  });

  mount(router, services, api.videos.placeInBulletin, async ({ params, body, run }) => {
    const round = await findRound(db, params.id);
    const rows = (await loadRoundResults(db, round, lastVideoPublication(clock.now()))).slice(0, body.top);
    return run(placeVideoResults, { roundId: round.id, issueId: body.issueId, rows });
  });
}

/** An address on this server, relative (the client prefixes its base URL): the stream or poster with its ticket. */
function pathOf(path: string, id: number, query: { ticket: string }): string {
  return `${path.replace(':id', String(id))}?ticket=${encodeURIComponent(query.ticket)}`;
}
