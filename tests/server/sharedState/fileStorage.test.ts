import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { commonRefusals } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/src/config';
import type { DatabaseHandle } from '../../../server/src/db/client';
import { storedFiles } from '../../../server/src/db/schema';
import type { AppDeps } from '../../../server/src/deps';
import { createLogger } from '../../../server/src/logger';
import { createServices } from '../../../server/src/services';
import type { FileStorage, ByteRange } from '../../../server/src/storage/fileStorage';
import { localDiskStorage } from '../../../server/src/storage/localDiskStorage';
import { memoryStorage } from '../../../server/src/storage/memoryStorage';
import { CHUNK_BYTES, postgresStorage } from '../../../server/src/storage/postgresStorage';
import { createTestDatabase } from '../../support/testDatabase';
import { completeDraft, fetchFile, openCall, png, secretariat, unitAdmin, uploadImage } from '../../support/submissionFactories';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../../support/testServer';
import { TestClock } from '../../support/clock';

async function read(storage: FileStorage, key: string, range?: ByteRange): Promise<Buffer> {
  const file = await storage.open(key);
  if (!file) throw new Error(`nothing under ${key}`);
  const parts: Buffer[] = [];
  for await (const part of file.stream(range)) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

let database: DatabaseHandle;
const diskRoot = mkdtempSync(path.join(tmpdir(), 'zhijian-storage-'));
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => {
  await database.close();
  rmSync(diskRoot, { recursive: true, force: true });
});

describe.each([
  ['postgres', () => postgresStorage(database.db)],
  ['local disk', () => localDiskStorage(diskRoot)],
  ['memory', () => memoryStorage()],
] as [string, () => FileStorage][])('%s storage, opened for serving', (_name, make) => {
  // Two and a half chunks: ranges within one chunk, across a boundary, and to the end.
  const data = randomBytes(Math.floor(CHUNK_BYTES * 2.5));

  it('streams the whole file and any range of it, across chunk boundaries', async () => {
    const storage = make();
    await storage.put('videos/1/clip.mp4', data);
    expect((await storage.open('videos/1/clip.mp4'))?.size).toBe(data.length);
    expect((await read(storage, 'videos/1/clip.mp4')).equals(data)).toBe(true);
    expect((await storage.get('videos/1/clip.mp4'))?.equals(data)).toBe(true);
    for (const range of [
      { start: 0, end: 0 },
      { start: 10, end: 99 },
      { start: CHUNK_BYTES - 5, end: CHUNK_BYTES + 4 },
      { start: 100, end: 2 * CHUNK_BYTES + 100 },
      { start: data.length - 7, end: data.length - 1 },
    ]) {
      expect((await read(storage, 'videos/1/clip.mp4', range)).equals(data.subarray(range.start, range.end + 1))).toBe(true);
    }
  });

  it('replaces a key whole, keeps an empty file, and forgets a deleted one', async () => {
    const storage = make();
    await storage.put('entries/2/a.png', data);
    await storage.put('entries/2/a.png', Buffer.from('short'));
    expect((await read(storage, 'entries/2/a.png')).toString()).toBe('short');
    await storage.put('entries/2/empty.txt', Buffer.alloc(0));
    expect((await read(storage, 'entries/2/empty.txt')).length).toBe(0);
    await storage.delete('entries/2/a.png');
    expect(await storage.open('entries/2/a.png')).toBeNull();
    expect(await storage.get('entries/2/a.png')).toBeNull();
  });
});

describe('serving a stored file with Range', () => {
  let server: TestServer;
  let token: string;
  let fileId: number;
  let whole: Buffer;
  beforeAll(async () => {
    server = await startTestServer();
    const secretary = await secretariat(server);
    const call = await openCall(server, secretary.client);
    const own = await unitAdmin(server);
    token = own.token;
    const draft = await completeDraft(own.client, call.id);
    fileId = ((await (await uploadImage(server, token, draft.id, await png(120, 90), '照片.png')).json()) as { id: number }).id;
    const response = await fetchFile(server, token, fileId);
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    whole = Buffer.from(await response.arrayBuffer());
  });
  afterAll(async () => server.close());

  const ranged = (range: string) =>
    fetch(`${server.url}/api/entry-files/${fileId}`, { headers: { authorization: `Bearer ${token}`, range } });

  it('answers one range with 206, its Content-Range and just those bytes', async () => {
    const response = await ranged('bytes=5-24');
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 5-24/${whole.length}`);
    expect(response.headers.get('content-length')).toBe('20');
    expect(Buffer.from(await response.arrayBuffer()).equals(whole.subarray(5, 25))).toBe(true);
  });

  it('answers a suffix range with the last bytes', async () => {
    const response = await ranged('bytes=-10');
    expect(response.status).toBe(206);
    expect(Buffer.from(await response.arrayBuffer()).equals(whole.subarray(whole.length - 10))).toBe(true);
  });

  it('refuses a range past the end with 416 in the one error shape', async () => {
    const response = await ranged(`bytes=${whole.length + 10}-${whole.length + 20}`);
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe(`bytes */${whole.length}`);
    const body = (await response.json()) as { error: { code: string; details: { reason: string; size: number } } };
    expect(body.error.code).toBe('range_not_satisfiable');
    expect(body.error.details).toEqual({ reason: commonRefusals.range_not_satisfiable.reason, size: whole.length });
  });

  it('sends the whole file for a malformed header, another unit or several ranges', async () => {
    for (const header of ['garbage', 'items=0-5', 'bytes=0-1,10-11']) {
      const response = await ranged(header);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(whole)).toBe(true);
    }
  });
});

describe('STORAGE', () => {
  it('=postgres keeps uploads in the database the app runs on', async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: diskRoot, JWT_SECRET: TEST_JWT_SECRET, STORAGE: 'postgres' });
    const services = createServices({ config, database, clock: new TestClock(), logger: createLogger('silent') } as unknown as AppDeps);
    await services.storage.put('bonuses/3/p.jpg', Buffer.from('photo'));
    expect(await database.db.select({ size: storedFiles.size }).from(storedFiles).where(eq(storedFiles.key, 'bonuses/3/p.jpg'))).toEqual([
      { size: 5 },
    ]);
  });
});
