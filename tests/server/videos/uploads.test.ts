import { api, commonRefusals, uploadRefusals, VIDEO_MAX_BYTES, VIDEO_MAX_SECONDS, videoRefusals } from '@zhijian/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../server/src/config';
import { signedInMember } from '../../support/factories';
import { expectRefusedBody, setClock } from '../../support/recordFactories';
import { expectRefused } from '../../support/refusals';
import { png } from '../../support/submissionFactories';
import { startTestServer, type TestServer } from '../../support/testServer';
import { videoFixture } from '../../support/videoFixtures';
import { openRound, secretary, unitAdmin, uploadVideo } from './videoFactories';

// Every upload runs ffprobe and ffmpeg: slow on a machine shared by many test runs.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  setClock(server, '2026-11-20 09:00:00');
});

describe('POST /api/video-rounds/:id/videos (upload)', () => {
  it('should require authentication', async () => {
    const sec = await secretary(server);
    const round = await openRound(sec.client);
    expectRefusedBody(await uploadVideo(server.client, round.id, await videoFixture('good')), commonRefusals.unauthorized);
  });

  it('takes an H.264/AAC MP4, reads its duration and size, takes a poster and holds it for review', async () => {
    const sec = await secretary(server);
    const round = await openRound(sec.client);
    const admin = await unitAdmin(server);
    const upload = await uploadVideo(admin.client, round.id, await videoFixture('good'));
    expect(upload.status).toBe(201);
    expect(upload.body).toMatchObject({
      kind: 'upload',
      status: 'pending',
      statusLabel: '待审核',
      width: 160,
      height: 120,
      hasPoster: true,
    });
    expect(upload.body.durationSeconds).toBeCloseTo(2, 0);
    // Nobody outside the unit sees a video before it is approved.
    const member = await signedInMember(server, ['member']);
    await expectRefused(member.client.call(api.videos.get, { params: { id: upload.body.id as number } }), commonRefusals.not_found);
    const detail = await member.client.call(api.videos.getRound, { params: { id: round.id } });
    expect(detail.videos).toEqual([]);
    // The stored file is the remuxed MP4 with its index first ("moov" before "mdat"), so players seek at once.
    const keys = server.storage.keys().filter((key) => key.startsWith(`videos/${round.id}/`));
    expect(keys).toHaveLength(2);
    expect(keys.some((key) => key.endsWith('-poster.jpg'))).toBe(true);
    const stored = (await server.storage.get(keys.find((key) => key.endsWith('.mp4'))!))!;
    expect(stored.indexOf('moov')).toBeLessThan(stored.indexOf('mdat'));
    const poster = (await server.storage.get(keys.find((key) => key.endsWith('.jpg'))!))!;
    expect(poster.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });

  it('refuses what is not an H.264/AAC MP4 of at most three minutes, told by content', async () => {
    const sec = await secretary(server);
    const round = await openRound(sec.client);
    const admin = await unitAdmin(server);
    const refused = async (data: Buffer | string, name: string) => uploadVideo(admin.client, round.id, data, name);
    // A picture renamed .mp4, and plain text renamed .mp4.
    expect(expectRefusedBody(await refused(await png(), '视频.mp4'), videoRefusals.not_a_video)).toMatchObject({ detected: 'image/png' });
    expectRefusedBody(await refused('这不是视频'.repeat(50), '视频.mp4'), videoRefusals.not_a_video);
    // VP9 in WebM is a video, of the wrong kind.
    expect(expectRefusedBody(await refused(await videoFixture('webm'), '视频.mp4'), videoRefusals.not_a_video)).toMatchObject({
      detected: 'video/webm',
    });
    // MPEG-4 Part 2 video with MP3 sound in an MP4.
    expect(expectRefusedBody(await refused(await videoFixture('mpeg4'), '视频.mp4'), videoRefusals.wrong_codec)).toEqual({
      reason: 'wrong_codec',
      video: 'mpeg4',
      audio: 'mp3',
    });
    // Over three minutes (200 s at one frame a second).
    expect(expectRefusedBody(await refused(await videoFixture('long'), '长视频.mp4'), videoRefusals.too_long)).toMatchObject({
      limit: VIDEO_MAX_SECONDS,
    });
    // A truncated MP4: the right signature, no playable video.
    const good = await videoFixture('good');
    expectRefusedBody(await refused(good.subarray(0, 2000), '截断.mp4'), uploadRefusals.file_unreadable);
    expectRefusedBody(await refused(Buffer.alloc(0), '空.mp4'), uploadRefusals.file_empty);
    const missing = await fetch(admin.client.url(api.videos.upload, { params: { id: round.id }, query: { title: '没有文件' } }), {
      method: 'POST',
      headers: admin.client.headers(),
      body: new FormData(),
    });
    expectRefusedBody({ status: missing.status, body: (await missing.json()) as Record<string, unknown> }, uploadRefusals.file_missing);
  });

  it('lets only unit admins upload, one video per unit, replaced until approved', async () => {
    const sec = await secretary(server);
    const round = await openRound(sec.client);
    const admin = await unitAdmin(server);
    const member = await signedInMember(server, ['member']);
    expectRefusedBody(await uploadVideo(member.client, round.id, await videoFixture('good')), commonRefusals.forbidden);
    const first = await uploadVideo(admin.client, round.id, await videoFixture('good'), 'a.mp4', '第一版');
    const firstKeys = server.storage.keys().filter((key) => key.startsWith(`videos/${round.id}/`));
    const returned = await sec.client.call(api.videos.review, {
      params: { id: first.body.id as number },
      body: { approve: false, reason: '画面太暗' },
    });
    expect(returned).toMatchObject({ status: 'returned', returnReason: '画面太暗' });
    // The unit sees why, uploads again: the same video, back in review.
    const second = await uploadVideo(admin.client, round.id, await videoFixture('good'), 'b.mp4', '第二版');
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ id: first.body.id, title: '第二版', status: 'pending', returnReason: null });
    // The replaced file and poster are gone; the new ones are there.
    const secondKeys = server.storage.keys().filter((key) => key.startsWith(`videos/${round.id}/`));
    expect(secondKeys).toHaveLength(2);
    expect(secondKeys.filter((key) => firstKeys.includes(key))).toEqual([]);
    await sec.client.call(api.videos.review, { params: { id: first.body.id as number }, body: { approve: true } });
    expectRefusedBody(await uploadVideo(admin.client, round.id, await videoFixture('good')), videoRefusals.already_approved);
    await expectRefused(
      admin.client.call(api.videos.linkChannel, {
        params: { id: round.id },
        body: { title: '改用视频号', finderUserName: 'sphABCDEF', feedId: 'export/UzFfAgtgekIEAQAAAAAA' },
      }),
      videoRefusals.already_approved,
    );
  });

  it('takes a 视频号 feed instead of a file', async () => {
    const sec = await secretary(server);
    const round = await openRound(sec.client);
    const admin = await unitAdmin(server);
    const video = await admin.client.call(api.videos.linkChannel, {
      params: { id: round.id },
      body: { title: '视频号展示', finderUserName: 'sphABCDEF', feedId: 'export/UzFfAgtgekIEAQAAAAAA' },
    });
    expect(video).toMatchObject({
      kind: 'channel',
      channel: { finderUserName: 'sphABCDEF', feedId: 'export/UzFfAgtgekIEAQAAAAAA' },
      hasPoster: false,
    });
    await expectRefused(
      admin.client.call(api.videos.linkChannel, {
        params: { id: round.id },
        body: { title: '视频号', finderUserName: 'abc', feedId: 'x' },
      }),
      commonRefusals.invalid_fields,
    );
    await expectRefused(admin.client.call(api.videos.playback, { params: { id: video.id } }), videoRefusals.not_a_stream);
  });

  it('refuses uploads once the round has ended', async () => {
    const sec = await secretary(server);
    const round = await openRound(sec.client, { startsOn: '2026-11-01' });
    const admin = await unitAdmin(server);
    expectRefusedBody(await uploadVideo(admin.client, round.id, await videoFixture('good')), videoRefusals.round_not_running);
  });
});

describe('upload limits and the tools', () => {
  it('allows 100 MB and three minutes by default', () => {
    const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(40), DATA_DIR: '/nonexistent-test-data-dir' });
    expect(config.video).toMatchObject({ maxBytes: 100 * 1024 * 1024, maxSeconds: 180, ffprobePath: 'ffprobe', ffmpegPath: 'ffmpeg' });
    expect(VIDEO_MAX_BYTES).toBe(100 * 1024 * 1024);
    expect(api.videos.upload.maxUploadBytes).toBe(VIDEO_MAX_BYTES);
    // The limits may be lowered, never raised.
    expect(() => loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(40), VIDEO_MAX_BYTES: String(VIDEO_MAX_BYTES + 1) })).toThrow();
  });

  it('refuses a file over the configured limit (lowered here to 16 KB)', async () => {
    const small = await startTestServer({ VIDEO_MAX_BYTES: String(16 * 1024) });
    try {
      const sec = await secretary(small);
      const round = await openRound(sec.client);
      const admin = await unitAdmin(small);
      const refused = await uploadVideo(admin.client, round.id, await videoFixture('good'));
      expect(expectRefusedBody(refused, videoRefusals.too_big)).toMatchObject({ limit: 16 * 1024 });
    } finally {
      await small.close();
    }
  });

  it('refuses video uploads with a clear message when ffprobe is missing', async () => {
    const bare = await startTestServer({ FFPROBE_PATH: '/nonexistent/ffprobe' });
    try {
      const sec = await secretary(bare);
      const round = await openRound(sec.client);
      const admin = await unitAdmin(bare);
      const refused = await uploadVideo(admin.client, round.id, await videoFixture('good'));
      expect(refused.status).toBe(503);
      expectRefusedBody(refused, videoRefusals.tools_missing);
      expect((refused.body as { error: { message: string } }).error.message).toContain('ffmpeg');
      // A 视频号 feed still works without the tools.
      const channel = await admin.client.call(api.videos.linkChannel, {
        params: { id: round.id },
        body: { title: '视频号展示', finderUserName: 'sphABCDEF', feedId: 'export/UzFfAgtgekIEAQAAAAAA' },
      });
      expect(channel.kind).toBe('channel');
    } finally {
      await bare.close();
    }
  });
});
