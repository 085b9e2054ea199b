import { api, commonRefusals, VIDEO_LIKES_PER_DAY, videoRefusals } from '@zhijian/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signedInMember } from '../../support/factories';
import { setClock } from '../../support/recordFactories';
import { expectRefused, refusalOf } from '../../support/refusals';
import { LONG_TOKENS } from '../../support/submissionFactories';
import { startTestServer, type TestServer } from '../../support/testServer';
import { approvedVideo, openRound, secretary } from './videoFactories';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(LONG_TOKENS);
});
afterAll(() => server.close());
beforeEach(() => {
  setClock(server, '2026-11-20 09:00:00');
});

async function roundWithVideos(count: number) {
  const sec = await secretary(server);
  const round = await openRound(sec.client);
  const videos = [];
  for (let i = 0; i < count; i += 1) videos.push(await approvedVideo(server, round.id));
  return { sec, round, videos };
}

const like = (client: Awaited<ReturnType<typeof signedInMember>>['client'], id: number) => client.call(api.videos.like, { params: { id } });

describe('POST /api/videos/:id/like', () => {
  it('should require authentication', async () => {
    const { videos } = await roundWithVideos(1);
    await expectRefused(like(server.client, videos[0]!.id), commonRefusals.unauthorized);
  });

  it('takes one like per video per day, and again the next Shanghai day', async () => {
    const { videos } = await roundWithVideos(1);
    const member = await signedInMember(server, ['member']);
    const liked = await like(member.client, videos[0]!.id);
    expect(liked).toMatchObject({ likedToday: true, actions: { like: false } });
    await expectRefused(like(member.client, videos[0]!.id), videoRefusals.already_liked);
    setClock(server, '2026-11-20 23:59:00');
    await expectRefused(like(member.client, videos[0]!.id), videoRefusals.already_liked);
    setClock(server, '2026-11-21 00:00:30');
    expect(await like(member.client, videos[0]!.id)).toMatchObject({ likedToday: true });
  });

  it('refuses a like for one’s own unit’s video and for a video not approved', async () => {
    const { round, videos } = await roundWithVideos(1);
    const own = await signedInMember(server, ['member'], { unitId: videos[0]!.unitId });
    await expectRefused(like(own.client, videos[0]!.id), videoRefusals.own_unit);
    const admin = await signedInMember(server, ['member', 'unit_admin']);
    const pending = await admin.client.call(api.videos.linkChannel, {
      params: { id: round.id },
      body: { title: '待审核', finderUserName: 'sphABCDEF', feedId: 'export/UzFfAgtgekIEAQAAAAAA' },
    });
    const member = await signedInMember(server, ['member']);
    // Another unit's unapproved video does not exist for a member.
    await expectRefused(like(member.client, pending.id), commonRefusals.not_found);
    const secretaryMember = await signedInMember(server, ['member', 'secretariat'], { unitId: null });
    await expectRefused(like(secretaryMember.client, pending.id), videoRefusals.not_approved);
  });

  it('refuses likes outside the round’s days', async () => {
    const { videos } = await roundWithVideos(1);
    const member = await signedInMember(server, ['member']);
    setClock(server, '2026-11-27 10:00:00'); // the 8th day of a 7-day round
    await expectRefused(like(member.client, videos[0]!.id), videoRefusals.round_not_running);
  });

  it(`holds ${VIDEO_LIKES_PER_DAY} likes a day when twelve are fired at once`, async () => {
    const { round, videos } = await roundWithVideos(12);
    const member = await signedInMember(server, ['member']);
    const results = await Promise.allSettled(videos.map((video) => like(member.client, video.id)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(VIDEO_LIKES_PER_DAY);
    for (const rejected of results.filter((r) => r.status === 'rejected')) {
      const error = await refusalOf(Promise.reject((rejected as PromiseRejectedResult).reason));
      expect(error.details).toMatchObject({ reason: videoRefusals.daily_likes.reason, limit: VIDEO_LIKES_PER_DAY });
    }
    const detail = await member.client.call(api.videos.getRound, { params: { id: round.id } });
    expect(detail.likesLeftToday).toBe(0);
  });

  it('holds one like per video per day when the same like is fired five times at once', async () => {
    const { videos } = await roundWithVideos(1);
    const member = await signedInMember(server, ['member']);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => like(member.client, videos[0]!.id)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const rejected of results.filter((r) => r.status === 'rejected')) {
      const error = await refusalOf(Promise.reject((rejected as PromiseRejectedResult).reason));
      expect(error.details?.reason).toBe(videoRefusals.already_liked.reason);
    }
  });
});

describe('like counts are published at 18:00 Shanghai, not live', () => {
  it('shows a morning’s likes only once the clock passes 18:00', async () => {
    const { round, videos } = await roundWithVideos(1);
    const fans = await Promise.all([1, 2, 3].map(() => signedInMember(server, ['member'])));
    for (const fan of fans) await like(fan.client, videos[0]!.id);
    const reader = await signedInMember(server, ['member']);
    const seen = async () => (await reader.client.call(api.videos.get, { params: { id: videos[0]!.id } })).publishedLikes;
    expect(await seen()).toBe(0);
    const detail = await reader.client.call(api.videos.getRound, { params: { id: round.id } });
    expect(detail.nextPublishedAt).toBe('2026-11-20T10:00:00.000Z');
    setClock(server, '2026-11-20 17:59:59');
    expect(await seen()).toBe(0);
    setClock(server, '2026-11-20 18:00:00');
    expect(await seen()).toBe(3);
    // A like after 18:00 waits for the next day's publication.
    const late = await signedInMember(server, ['member']);
    await like(late.client, videos[0]!.id);
    expect(await seen()).toBe(3);
    setClock(server, '2026-11-21 18:00:00');
    expect(await seen()).toBe(4);
    const results = await reader.client.call(api.videos.results, { params: { id: round.id } });
    expect(results.countedAt).toBe('2026-11-21T10:00:00.000Z');
    expect(results.rows[0]).toMatchObject({ videoId: videos[0]!.id, publishedLikes: 4 });
  });
});
