import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendStoredFile } from '../../../server/src/files/sendStoredFile';
import { copyFileRange } from '../../../server/src/storage/copyFileRange';
import { localDiskStorage } from '../../../server/src/storage/localDiskStorage';

/**
 * Files on the local disk are written to the response through one reused buffer
 * (`copyFileRange`), not piped from a read stream: the same answers as before — ranges, HEAD,
 * the whole file — and nothing left open when a viewer goes away halfway.
 */
const root = mkdtempSync(path.join(tmpdir(), 'zhijian-send-disk-'));
const storage = localDiskStorage(root);
// Over four of copyFileRange's 256 KB buffers, and not a multiple of one.
const data = randomBytes(1024 * 1024 + 12_345);
let server: Server;
let url: string;

function openDescriptors(): number {
  return readdirSync('/proc/self/fd').length;
}

beforeAll(async () => {
  await storage.put('videos/1/clip.mp4', data);
  const app = new Koa();
  app.silent = true; // as the server's app: a viewer going away is not an error worth printing
  app.use(async (ctx) => {
    if (!(await sendStoredFile(ctx, storage, 'videos/1/clip.mp4', 'video/mp4'))) ctx.status = 404;
  });
  server = http.createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(root, { recursive: true, force: true });
});

describe('a file on the local disk, served', () => {
  it('answers the whole file with its length and type', async () => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(response.headers.get('content-length')).toBe(String(data.length));
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await response.arrayBuffer()).equals(data)).toBe(true);
  });

  it('answers ranges inside one buffer, across several and to the end with 206 and just those bytes', async () => {
    for (const [start, end] of [
      [0, 0],
      [100, 199],
      [256 * 1024 - 3, 256 * 1024 + 2],
      [5, 3 * 256 * 1024 + 77],
      [data.length - 9, data.length - 1],
    ] as const) {
      const response = await fetch(url, { headers: { range: `bytes=${start}-${end}` } });
      expect(response.status).toBe(206);
      expect(response.headers.get('content-range')).toBe(`bytes ${start}-${end}/${data.length}`);
      expect(response.headers.get('content-length')).toBe(String(end - start + 1));
      expect(Buffer.from(await response.arrayBuffer()).equals(data.subarray(start, end + 1))).toBe(true);
    }
  });

  it('answers HEAD with the headers and no bytes', async () => {
    const response = await fetch(url, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(data.length));
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it('closes the file when the viewer goes away halfway, and serves the next one whole', async () => {
    const before = openDescriptors();
    await new Promise<void>((resolve, reject) => {
      const request = http.get(url, (response) => {
        response.once('data', () => {
          request.destroy();
          resolve();
        });
      });
      request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
    });
    await expect.poll(openDescriptors, { timeout: 5000 }).toBeLessThanOrEqual(before);
    expect(Buffer.from(await (await fetch(url)).arrayBuffer()).equals(data)).toBe(true);
  });
});

describe('copyFileRange', () => {
  it('hands every chunk over in one reused buffer, waiting for each to be taken', async () => {
    const chunks: Buffer[] = [];
    const backings = new Set<ArrayBufferLike>();
    const out = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _encoding, done) {
        backings.add(chunk.buffer);
        chunks.push(Buffer.from(chunk)); // a copy: the next read reuses the memory
        setImmediate(done);
      },
    });
    await copyFileRange(path.join(root, 'videos/1/clip.mp4'), out, { start: 7, end: data.length - 1 });
    expect(Buffer.concat(chunks).equals(data.subarray(7))).toBe(true);
    expect(chunks.length).toBeGreaterThan(4);
    expect(backings.size).toBe(1);
  });
});
