import { api, ERROR_STATUS, uploadRefusals, type ApiClient } from '@zhijian/shared';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, createActivity } from '../../support/checkinFactories';
import { signedInMember } from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function upload(client: ApiClient, activityId: number, file: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), name);
  const response = await fetch(client.url(api.activities.uploadPhoto, { params: { id: activityId } }), {
    method: 'POST',
    headers: client.headers(),
    body: form,
  });
  type Body = {
    id?: number;
    url?: string;
    error?: { code: string; message: string; details: { reason: string; [field: string]: unknown } };
  };
  return { status: response.status, body: (await response.json()) as Body };
}

/** A photo as phones take them: with EXIF that says where and with what. */
function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#b91c1c' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Phone 12', ImageDescription: '建华文创园' } })
    .toBuffer();
}

describe('activity photos', () => {
  it('re-encodes an upload without its metadata, fitted into 1600 px, and shows it to the unit’s members', async () => {
    const organiser = await signedInMember(server, ['member', 'unit_admin']);
    const unitId = organiser.member.unitId!;
    const activity = await createActivity(server.db, { unitId, startsAt: at('2026-11-15 14:00:00') });
    const original = await phonePhoto();
    expect((await sharp(original).metadata()).exif).toBeDefined();

    const uploaded = await upload(organiser.client, activity.id, original, '现场.jpg');
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.url).toBe(`/api/activity-photos/${uploaded.body.id}`);

    const member = await signedInMember(server, ['member'], { unitId });
    const response = await fetch(`${server.url}${uploaded.body.url}`, { headers: member.client.headers() });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await response.arrayBuffer());
    const stored = await sharp(bytes).metadata();
    expect(stored.exif).toBeUndefined();
    expect([stored.width, stored.height]).toEqual([1600, 1200]);
    // Served like every stored file: a range on request.
    const ranged = await fetch(`${server.url}${uploaded.body.url}`, { headers: { ...member.client.headers(), range: 'bytes=0-99' } });
    expect(ranged.status).toBe(206);
    expect(Buffer.from(await ranged.arrayBuffer()).equals(bytes.subarray(0, 100))).toBe(true);

    const detail = await member.client.call(api.activities.get, { params: { id: activity.id } });
    expect(detail.photos).toEqual([{ id: uploaded.body.id, url: uploaded.body.url }]);

    const outsider = await signedInMember(server, ['member']);
    expect((await fetch(`${server.url}${uploaded.body.url}`, { headers: outsider.client.headers() })).status).toBe(403);
  });

  it('refuses files that are not images, whatever their name, and a tenth photo', async () => {
    const organiser = await signedInMember(server, ['unit_admin']);
    const activity = await createActivity(server.db, { unitId: organiser.member.unitId!, startsAt: at('2026-11-15 14:00:00') });
    const text = await upload(organiser.client, activity.id, Buffer.from('这不是图片'), 'photo.jpg');
    expect(text.status).toBe(ERROR_STATUS[uploadRefusals.file_type_refused.code]);
    expect(text.body.error).toEqual({
      code: 'unsupported_media_type',
      message: '照片应为 JPEG、PNG 或 WebP 图片',
      details: { reason: 'file_type_refused', detected: null },
    });
    const broken = await upload(organiser.client, activity.id, (await phonePhoto()).subarray(0, 2000), 'broken.jpg');
    expect(broken.status).toBe(400);
    expect(broken.body.error).toMatchObject({ message: '图片已损坏或无法读取，请换一张', details: { reason: 'file_unreadable' } });
    const small = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    for (let i = 0; i < 9; i += 1) expect((await upload(organiser.client, activity.id, small, `${i}.png`)).status).toBe(201);
    const tenth = await upload(organiser.client, activity.id, small, '9.png');
    expect(tenth.status).toBe(409);
    expect(tenth.body.error).toEqual({
      code: 'conflict',
      message: '每次活动最多上传 9 张照片',
      details: { reason: 'too_many_files', limit: 9 },
    });
    const stranger = await signedInMember(server, ['unit_admin']);
    expect((await upload(stranger.client, activity.id, small, 'x.png')).status).toBe(403);
  });

  it('holds the limit of nine when uploads arrive at once', async () => {
    const organiser = await signedInMember(server, ['unit_admin']);
    const activity = await createActivity(server.db, { unitId: organiser.member.unitId!, startsAt: at('2026-11-15 14:00:00') });
    const small = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => upload(organiser.client, activity.id, small, `${i}.png`)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(9);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.error?.details.reason)).toEqual([
      'too_many_files',
      'too_many_files',
      'too_many_files',
    ]);
    const detail = await organiser.client.call(api.activities.get, { params: { id: activity.id } });
    expect(detail.photos).toHaveLength(9);
  });

  it('asks for the file', async () => {
    const organiser = await signedInMember(server, ['unit_admin']);
    const activity = await createActivity(server.db, { unitId: organiser.member.unitId!, startsAt: at('2026-11-15 14:00:00') });
    const form = new FormData();
    form.append('note', 'no file');
    const response = await fetch(organiser.client.url(api.activities.uploadPhoto, { params: { id: activity.id } }), {
      method: 'POST',
      headers: organiser.client.headers(),
      body: form,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { details: { reason: string } } }).error.details.reason).toBe('file_missing');
  });
});
