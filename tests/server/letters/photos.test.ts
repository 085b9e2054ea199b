import { crc32 } from 'node:zlib';
import { api, commonRefusals, letterRefusals, MAX_UNSENT_LETTER_PHOTOS, uploadRefusals, type ApiClient } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, letterPhotos } from '../../../server/src/db/schema';
import { signedInMember } from '../../support/factories';
import { expectRefusedBody, postFile, setClock } from '../../support/recordFactories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';
import { again, unitWithSecretary, write } from './support';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  setClock(server, '2026-11-18 09:00:00');
});

const jpeg = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: '#b91c1c' } })
    .jpeg()
    .toBuffer();

async function upload(client: ApiClient, data?: Buffer, name = 'p.jpg') {
  return postFile(client, client.url(api.letters.uploadPhoto), data ?? (await jpeg()), name);
}

async function uploaded(client: ApiClient): Promise<number> {
  const result = await upload(client);
  expect(result.status).toBe(201);
  return result.body.id as number;
}

async function fetchPhoto(client: ApiClient | null, id: number) {
  const response = await fetch(server.client.url(api.letters.photo, { params: { id } }), { headers: client ? client.headers() : {} });
  return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('POST /api/me/letter-photos', () => {
  it('should require authentication', async () => {
    const response = await postFile(server.client, server.client.url(api.letters.uploadPhoto), await jpeg(), 'p.jpg');
    expect(response.status).toBe(401);
  });

  it('takes a photo by its content, re-encoded without its metadata, audited without naming the uploader', async () => {
    const { alice } = await unitWithSecretary(server);
    const withExif = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#b91c1c' } })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Artist: '李爱丽' } } })
      .toBuffer();
    const result = await upload(alice.client, withExif, 'no-extension');
    expect(result.status).toBe(201);
    expect(result.body).toEqual({ id: expect.any(Number), width: 40, height: 30 });
    const served = await fetchPhoto(alice.client, result.body.id as number);
    expect(served.status).toBe(200);
    expect(served.type).toBe('image/jpeg');
    expect((await sharp(served.bytes).metadata()).exif).toBeUndefined();
    const [entry] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'letter_photo'), eq(auditLog.entityId, String(result.body.id))));
    expect(entry).toMatchObject({ action: 'letter.photo_upload', actorId: null });
  });

  it('refuses what is not a photo, an empty file, a missing file and a decompression bomb', async () => {
    const { alice } = await unitWithSecretary(server);
    expectRefusedBody(await upload(alice.client, Buffer.from('%PDF-1.4 not a photo'), 'x.jpg'), uploadRefusals.file_type_refused);
    expectRefusedBody(await upload(alice.client, Buffer.alloc(0), 'x.jpg'), uploadRefusals.file_empty);
    const bare = await fetch(alice.client.url(api.letters.uploadPhoto), {
      method: 'POST',
      headers: alice.client.headers(),
      body: new FormData(),
    });
    expectRefusedBody({ status: bare.status, body: (await bare.json()) as Record<string, unknown> }, uploadRefusals.file_missing);
    // A PNG header that claims 20 000 × 20 000 pixels; the pixels themselves are never there.
    const huge = Buffer.from(
      await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
        .png()
        .toBuffer(),
    );
    huge.writeUInt32BE(20_000, 16);
    huge.writeUInt32BE(20_000, 20);
    huge.writeUInt32BE(crc32(huge.subarray(12, 29)), 29);
    expectRefusedBody(await upload(alice.client, huge, 'huge.png'), uploadRefusals.file_too_complex);
  });

  it(`keeps at most ${MAX_UNSENT_LETTER_PHOTOS} unsent, uploads at once included; a sent letter frees its photos’ places`, async () => {
    const { alice } = await unitWithSecretary(server);
    const data = await jpeg();
    const results = await Promise.all(Array.from({ length: MAX_UNSENT_LETTER_PHOTOS + 2 }, () => upload(alice.client, data)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(MAX_UNSENT_LETTER_PHOTOS);
    for (const refused of results.filter((r) => r.status !== 201)) expectRefusedBody(refused, uploadRefusals.too_many_files);
    const ids = results.filter((r) => r.status === 201).map((r) => r.body.id as number);
    await write(alice.client, { photoIds: ids.slice(0, 3) });
    expect((await upload(alice.client, data)).status).toBe(201);
  });

  it('counts only the last day’s unsent photos: those of a letter never sent stop blocking the next day', async () => {
    const { alice } = await unitWithSecretary(server);
    const data = await jpeg();
    for (let i = 0; i < MAX_UNSENT_LETTER_PHOTOS; i += 1) expect((await upload(alice.client, data)).status).toBe(201);
    expectRefusedBody(await upload(alice.client, data), uploadRefusals.too_many_files);
    setClock(server, '2026-11-19 09:00:01');
    expect((await upload(await again(server, alice), data)).status).toBe(201);
  });
});

describe('DELETE /api/me/letter-photos/:id', () => {
  const remove = (client: ApiClient, id: number) => client.call(api.letters.removePhoto, { params: { id } });

  it('should require authentication', async () => {
    await expectRefused(remove(server.client, 1), commonRefusals.unauthorized);
  });

  it('deletes a photo taken out of the form, its bytes with it, and frees its place', async () => {
    const { alice } = await unitWithSecretary(server);
    const data = await jpeg();
    const ids: number[] = [];
    for (let i = 0; i < MAX_UNSENT_LETTER_PHOTOS; i += 1) ids.push(await uploaded(alice.client));
    const [photo] = await server.db.select().from(letterPhotos).where(eq(letterPhotos.id, ids[0]!));
    expect(await server.storage.get(photo!.storageKey)).not.toBeNull();
    expect(await remove(alice.client, ids[0]!)).toEqual({ ok: true });
    expect(await server.storage.get(photo!.storageKey)).toBeNull();
    expect((await fetchPhoto(alice.client, ids[0]!)).status).toBe(404);
    expect((await upload(alice.client, data)).status).toBe(201);
    const [entry] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'letter.photo_remove'), eq(auditLog.entityId, String(ids[0]))));
    expect(entry).toMatchObject({ entity: 'letter_photo', actorId: null });
  });

  it('refuses someone else’s photo, one already sent, one removed before and one that does not exist, deleting nothing', async () => {
    const { alice, bob } = await unitWithSecretary(server);
    const bobs = await uploaded(bob.client);
    const sent = await uploaded(alice.client);
    await write(alice.client, { photoIds: [sent] });
    const removed = await uploaded(alice.client);
    await remove(alice.client, removed);
    for (const id of [bobs, sent, removed, 987_654]) await expectRefused(remove(alice.client, id), letterRefusals.photo_not_removable);
    expect((await fetchPhoto(bob.client, bobs)).status).toBe(200);
    expect((await fetchPhoto(alice.client, sent)).status).toBe(200);
  });

  it('is for members: the secretariat without a roster place is refused', async () => {
    const { alice } = await unitWithSecretary(server);
    const id = await uploaded(alice.client);
    const secretariat = await signedInMember(server, ['secretariat'], { unitId: null });
    await expectRefused(remove(secretariat.client, id), commonRefusals.forbidden);
    expect((await fetchPhoto(alice.client, id)).status).toBe(200);
  });
});

describe('photos with a letter', () => {
  it('go with the letter (up to three) and are seen by the writer and the secretary, even when anonymous', async () => {
    const { alice, secretary } = await unitWithSecretary(server);
    const ids = [await uploaded(alice.client), await uploaded(alice.client), await uploaded(alice.client)];
    const letter = await write(alice.client, { anonymous: true, photoIds: ids });
    expect(letter.photos.map((p) => p.id)).toEqual(ids);
    expect(letter.photos[0]).toEqual({ id: ids[0], width: 40, height: 30 });

    const read = await secretary.client.call(api.letters.get, { params: { id: letter.id } });
    expect(read).toMatchObject({ writer: null, photos: letter.photos });
    const inbox = await secretary.client.call(api.letters.inbox, { query: {} });
    expect(inbox.items.find((l) => l.id === letter.id)?.photos).toHaveLength(3);
    for (const id of ids) {
      expect((await fetchPhoto(secretary.client, id)).status).toBe(200);
      expect((await fetchPhoto(alice.client, id)).status).toBe(200);
    }
    const [entry] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'letter.write'), eq(auditLog.entityId, String(letter.id))));
    expect(entry).toMatchObject({ action: 'letter.write', actorId: null, after: { photoIds: ids } });
  });

  it('refuses a fourth photo and the same photo twice, writing nothing', async () => {
    const { alice } = await unitWithSecretary(server);
    const ids = [];
    for (let i = 0; i < 4; i += 1) ids.push(await uploaded(alice.client));
    const four = await expectRefused(write(alice.client, { photoIds: ids }), commonRefusals.invalid_fields);
    expect(four.issues).toEqual([expect.objectContaining({ path: 'body.photoIds', message: '最多 3 张照片' })]);
    const twice = await expectRefused(write(alice.client, { photoIds: [ids[0]!, ids[0]!] }), commonRefusals.invalid_fields);
    expect(twice.issues).toEqual([expect.objectContaining({ path: 'body.photoIds', message: '同一张照片只能添加一次' })]);
    expect((await alice.client.call(api.letters.mine, {})).total).toBe(0);
  });

  it('refuses someone else’s photo, a photo already sent and one that does not exist, writing no letter', async () => {
    const { alice, bob } = await unitWithSecretary(server);
    const bobs = await uploaded(bob.client);
    const alices = await uploaded(alice.client);
    await expectRefused(write(alice.client, { photoIds: [alices, bobs] }), letterRefusals.photo_not_yours);
    await expectRefused(write(alice.client, { photoIds: [987_654] }), letterRefusals.photo_not_yours);
    expect((await alice.client.call(api.letters.mine, {})).total).toBe(0);
    // The refused letter took nothing: the photo is still Alice's to send, once.
    await write(alice.client, { photoIds: [alices] });
    await expectRefused(write(alice.client, { photoIds: [alices] }), letterRefusals.photo_not_yours);
    expect((await alice.client.call(api.letters.mine, {})).total).toBe(1);
  });

  it('serves a photo to no one else: another member, another unit’s secretary, the secretariat, nor an unsent one to others', async () => {
    const { alice, bob, secretary } = await unitWithSecretary(server);
    const unsent = await uploaded(alice.client);
    expect((await fetchPhoto(bob.client, unsent)).status).toBe(403);
    expect((await fetchPhoto(secretary.client, unsent)).status).toBe(403);
    expect((await fetchPhoto(null, unsent)).status).toBe(401);

    const sent = await uploaded(alice.client);
    await write(alice.client, { photoIds: [sent] });
    const stranger = await signedInMember(server, ['member', 'party_secretary']);
    const secretariat = await signedInMember(server, ['secretariat'], { unitId: null });
    for (const who of [bob, stranger, secretariat]) {
      const refused = await fetchPhoto(who.client, sent);
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.bytes.toString()).error.details.reason).toBe('letter_not_yours');
    }
    expect((await fetchPhoto(alice.client, 987_654)).status).toBe(404);
  });

  it('shows no photos on the 党群聊吧 board, even with the writer’s consent', async () => {
    const { alice, bob, secretary } = await unitWithSecretary(server);
    const letter = await write(alice.client, { photoIds: [await uploaded(alice.client)] });
    await secretary.client.call(api.letters.reply, { params: { id: letter.id }, body: { body: '收到，已安排专人落实。' } });
    await alice.client.call(api.letters.setBoard, { params: { id: letter.id }, body: { onBoard: true, showName: false } });
    const board = await bob.client.call(api.letters.board, {});
    const shown = board.items.find((item) => item.id === letter.id)!;
    expect(shown).toBeDefined();
    expect(shown).not.toHaveProperty('photos');
    expect((await fetchPhoto(bob.client, letter.photos[0]!.id)).status).toBe(403);
  });
});
