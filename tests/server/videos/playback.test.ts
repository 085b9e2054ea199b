import { api, commonRefusals, videoRefusals } from '@zhijian/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInMember } from '../../support/factories';
import { setClock } from '../../support/recordFactories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';
import { videoFixture } from '../../support/videoFixtures';
import { openRound, secretary, unitAdmin, uploadVideo } from './videoFactories';

let server: TestServer;
let videoId: number;
let size: number;
let stored: Buffer;
let viewer: Awaited<ReturnType<typeof signedInMember>>;

beforeAll(async () => {
  server = await startTestServer();
  setClock(server, '2026-11-20 09:00:00');
  const sec = await secretary(server);
  const round = await openRound(sec.client);
  const admin = await unitAdmin(server);
  const upload = await uploadVideo(admin.client, round.id, await videoFixture('good'));
  videoId = upload.body.id as number;
  await sec.client.call(api.videos.review, { params: { id: videoId }, body: { approve: true } });
  stored = (await server.storage.get(server.storage.keys().find((key) => key.endsWith('.mp4'))!))!;
  size = stored.length;
  viewer = await signedInMember(server, ['member']);
  // ffmpeg checks and remuxes the upload: slow on a machine shared by many test runs.
}, 180_000);
afterAll(() => server.close());

async function streamUrl(client = viewer.client): Promise<string> {
  const playback = await client.call(api.videos.playback, { params: { id: videoId } });
  return `${server.url}${playback.url}`;
}

const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers });

describe('GET /api/video-streams/:id (range requests)', () => {
  it('answers the whole file with Accept-Ranges and an ETag', async () => {
    const response = await get(await streamUrl());
    expect(response.status).toBe(200);
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f-]{36}"$/);
    expect(Buffer.from(await response.arrayBuffer()).equals(stored)).toBe(true);
  });

  it('answers the first bytes, a middle range and a suffix with 206 and a correct Content-Range', async () => {
    const url = await streamUrl();
    const first = await get(url, { range: 'bytes=0-99' });
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-99/${size}`);
    expect(Buffer.from(await first.arrayBuffer()).equals(stored.subarray(0, 100))).toBe(true);

    const middle = await get(url, { range: 'bytes=1000-1999' });
    expect(middle.status).toBe(206);
    expect(middle.headers.get('content-range')).toBe(`bytes 1000-1999/${size}`);
    expect(middle.headers.get('content-length')).toBe('1000');
    expect(Buffer.from(await middle.arrayBuffer()).equals(stored.subarray(1000, 2000))).toBe(true);

    const suffix = await get(url, { range: 'bytes=-500' });
    expect(suffix.status).toBe(206);
    expect(suffix.headers.get('content-range')).toBe(`bytes ${size - 500}-${size - 1}/${size}`);
    expect(Buffer.from(await suffix.arrayBuffer()).equals(stored.subarray(size - 500))).toBe(true);

    const open = await get(url, { range: `bytes=${size - 10}-` });
    expect(open.status).toBe(206);
    expect(open.headers.get('content-range')).toBe(`bytes ${size - 10}-${size - 1}/${size}`);
  });

  it('answers 416 with the size for a range beyond the end', async () => {
    const response = await get(await streamUrl(), { range: `bytes=${size}-${size + 100}` });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe(`bytes */${size}`);
    const body = (await response.json()) as { error: { code: string; details: { reason: string } } };
    expect(body.error).toMatchObject({ code: 'range_not_satisfiable', details: { reason: 'range_not_satisfiable' } });
  });

  it('answers 304 to If-None-Match with the ETag, and the whole file when If-Range names another version', async () => {
    const url = await streamUrl();
    const etag = (await get(url)).headers.get('etag')!;
    expect((await get(url, { 'if-none-match': etag })).status).toBe(304);
    const stale = await get(url, { range: 'bytes=0-99', 'if-range': '"another-version"' });
    expect(stale.status).toBe(200);
    expect((await stale.arrayBuffer()).byteLength).toBe(size);
    expect((await get(url, { range: 'bytes=0-99', 'if-range': etag })).status).toBe(206);
  });

  it('is for members only: no ticket, a forged one, another video’s or an expired one is refused', async () => {
    const url = new URL(await streamUrl());
    const ticket = url.searchParams.get('ticket')!;
    const bare = await get(`${server.url}/api/video-streams/${videoId}`);
    expect(bare.status).toBe(400);
    const forged = await get(
      `${server.url}/api/video-streams/${videoId}?ticket=${encodeURIComponent(ticket.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))}`,
    );
    expect(forged.status).toBe(401);
    const other = await get(`${server.url}/api/video-streams/${videoId + 1000}?ticket=${encodeURIComponent(ticket)}`);
    expect(other.status).toBe(401);
    expect(((await other.json()) as { error: { details: { reason: string } } }).error.details.reason).toBe(
      videoRefusals.ticket_invalid.reason,
    );
    server.clock.advance(2 * 3600 * 1000 + 1000);
    try {
      expect((await get(url.toString())).status).toBe(401);
    } finally {
      server.clock.advance(-(2 * 3600 * 1000 + 1000));
    }
    await expectRefused(server.client.call(api.videos.playback, { params: { id: videoId } }), commonRefusals.unauthorized);
  });

  it('serves the poster frame with the same ticket', async () => {
    const playback = await viewer.client.call(api.videos.playback, { params: { id: videoId } });
    expect(playback.posterUrl).not.toBeNull();
    const poster = await get(`${server.url}${playback.posterUrl}`);
    expect(poster.status).toBe(200);
    expect(poster.headers.get('content-type')).toBe('image/jpeg');
  });
});
