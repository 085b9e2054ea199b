import { api, UPLOAD_LIMITS } from '@zhijian/shared';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInMember } from '../../support/factories';
import {
  completeDraft,
  days,
  failure,
  fetchFile,
  fromNow,
  jpegWithGps,
  LONG_TOKENS,
  openCall,
  png,
  reviewer,
  submittedEntry,
  unitAdmin,
  uploadFile,
  uploadImage,
} from '../../support/submissionFactories';
import { startTestServer, type TestServer } from '../../support/testServer';
import { buildDocx } from '../bulletinImport/helpers';

let server: TestServer;
let secretary: Awaited<ReturnType<typeof signedInMember>>;
let callId: number;
beforeAll(async () => {
  server = await startTestServer(LONG_TOKENS);
  secretary = await signedInMember(server, ['secretariat'], { unitId: null });
  callId = (await openCall(server, secretary.client, { entryLimit: 20 })).id;
});
afterAll(() => server.close());

async function draftOfNewUnit() {
  const unit = await unitAdmin(server);
  return { unit, draft: await completeDraft(unit.client, callId) };
}

/** A Word document whose properties name its author and company. */
async function docxWithAuthor(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await buildDocx(['红色驿站工作总结']));
  zip.file(
    'docProps/core.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>王建华</dc:creator><cp:lastModifiedBy>建华文创园党总支</cp:lastModifiedBy></cp:coreProperties>',
  );
  zip.file(
    'docProps/app.xml',
    '<?xml version="1.0" encoding="UTF-8"?><Properties><Company>建华文创园</Company><Pages>1</Pages></Properties>',
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function pdfWithAuthor(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage([200, 200]);
  pdf.setAuthor('JianhuaPark');
  pdf.setCreator('JianhuaPark Office');
  pdf.setTitle('Report of JianhuaPark');
  return Buffer.from(await pdf.save());
}

describe('image uploads', () => {
  it('strip the GPS position and every other EXIF field from a JPEG', async () => {
    const { unit, draft } = await draftOfNewUnit();
    const original = await jpegWithGps();
    const before = await sharp(original).metadata();
    expect(before.exif?.includes(Buffer.from('JianhuaPark'))).toBe(true);
    expect(before.exif?.includes(Buffer.from([0x88, 0x25])) || before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true);

    const response = await uploadImage(server, unit.token, draft.id, original, '建华园区活动.jpg');
    expect(response.status).toBe(201);
    const file = (await response.json()) as { id: number; mimeType: string; width: number; height: number; name: string };
    expect(file).toMatchObject({ mimeType: 'image/jpeg', width: 64, height: 48, name: '建华园区活动.jpg' });

    const served = await fetchFile(server, unit.token, file.id);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await served.arrayBuffer());
    const after = await sharp(bytes).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.exif).toBeUndefined();
    expect(bytes.includes(Buffer.from('JianhuaPark'))).toBe(false);
  });

  it('accept PNG and WebP by content', async () => {
    const { unit, draft } = await draftOfNewUnit();
    expect((await uploadImage(server, unit.token, draft.id, await png(), 'a.png')).status).toBe(201);
    const webp = await sharp(await png())
      .webp()
      .toBuffer();
    // Named .jpg on purpose: the name does not matter, the content does.
    const response = await uploadImage(server, unit.token, draft.id, webp, 'b.jpg');
    expect(response.status).toBe(201);
    expect(((await response.json()) as { mimeType: string }).mimeType).toBe('image/webp');
    expect((await unit.client.call(api.entries.get, { params: { id: draft.id } })).images).toHaveLength(2);
  });

  it('refuse a wrong type whatever its name says', async () => {
    const { unit, draft } = await draftOfNewUnit();
    const gif = await sharp(await png())
      .gif()
      .toBuffer();
    for (const [data, name] of [
      [gif, 'photo.gif'],
      [await pdfWithAuthor(), 'photo.jpg'],
      [Buffer.from('just text, not a picture'), 'photo.jpg'],
    ] as const) {
      const response = await uploadImage(server, unit.token, draft.id, data, name);
      expect(response.status).toBe(415);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type');
    }
    expect((await unit.client.call(api.entries.get, { params: { id: draft.id } })).images).toEqual([]);
  });

  it('refuse a damaged image that only starts like a JPEG', async () => {
    const { unit, draft } = await draftOfNewUnit();
    const damaged = Buffer.concat([(await jpegWithGps()).subarray(0, 200), Buffer.alloc(200, 7)]);
    expect((await uploadImage(server, unit.token, draft.id, damaged)).status).toBe(400);
  });

  it('refuse an image over 5 MB', async () => {
    const { unit, draft } = await draftOfNewUnit();
    const tooBig = Buffer.concat([await jpegWithGps(), Buffer.alloc(UPLOAD_LIMITS.imageBytes)]);
    const response = await uploadImage(server, unit.token, draft.id, tooBig);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  it('allow at most 9 images per entry', async () => {
    const { unit, draft } = await draftOfNewUnit();
    const image = await png(8, 8);
    for (let i = 0; i < UPLOAD_LIMITS.imagesPerEntry; i += 1)
      expect((await uploadImage(server, unit.token, draft.id, image)).status).toBe(201);
    const tenth = await uploadImage(server, unit.token, draft.id, image);
    expect(tenth.status).toBe(409);
    expect(server.storage.keys().filter((k) => k.startsWith(`entries/${draft.id}/`))).toHaveLength(9);
  });

  it("are refused to another unit's admin and after registration", async () => {
    const { unit, draft } = await draftOfNewUnit();
    const other = await unitAdmin(server);
    expect((await uploadImage(server, other.token, draft.id, await png())).status).toBe(403);
    const entry = await submittedEntry(unit.client, callId);
    const uploaded = (await (await uploadImage(server, unit.token, entry.id, await png())).json()) as { id: number };
    await secretary.client.call(api.desk.register, { params: { id: entry.id } });
    expect((await uploadImage(server, unit.token, entry.id, await png())).status).toBe(409);
    expect((await failure(unit.client.call(api.entries.removeFile, { params: { id: uploaded.id } }))).status).toBe(409);
  });
});

describe('attachments', () => {
  it('accept a Word document and drop its author and company', async () => {
    const { unit, draft } = await draftOfNewUnit();
    const response = await uploadFile(server, unit.token, `/api/entries/${draft.id}/attachments`, await docxWithAuthor(), '工作总结.docx');
    expect(response.status).toBe(201);
    const file = (await response.json()) as { id: number; mimeType: string };
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const zip = await JSZip.loadAsync(Buffer.from(await (await fetchFile(server, unit.token, file.id)).arrayBuffer()));
    const properties = (await zip.file('docProps/core.xml')!.async('string')) + (await zip.file('docProps/app.xml')!.async('string'));
    expect(properties).not.toContain('王建华');
    expect(properties).not.toContain('建华');
    expect(await zip.file('word/document.xml')!.async('string')).toContain('红色驿站工作总结');
  });

  it('accept a PDF and drop its document information', async () => {
    const { unit, draft } = await draftOfNewUnit();
    const response = await uploadFile(server, unit.token, `/api/entries/${draft.id}/attachments`, await pdfWithAuthor(), 'report.pdf');
    expect(response.status).toBe(201);
    const file = (await response.json()) as { id: number };
    const bytes = Buffer.from(await (await fetchFile(server, unit.token, file.id)).arrayBuffer());
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pdf.getAuthor()).toBeUndefined();
    expect(pdf.getCreator()).toBeUndefined();
    expect(pdf.getTitle()).toBeUndefined();
    expect(pdf.getPageCount()).toBe(1);
  });

  it('refuse other types and files over 20 MB', async () => {
    const { unit, draft } = await draftOfNewUnit();
    const path = `/api/entries/${draft.id}/attachments`;
    const zip = await new JSZip().file('a.txt', 'x').generateAsync({ type: 'nodebuffer' });
    expect((await uploadFile(server, unit.token, path, zip, 'report.docx')).status).toBe(415);
    expect((await uploadFile(server, unit.token, path, await png(), 'report.pdf')).status).toBe(415);
    const huge = Buffer.concat([await pdfWithAuthor(), Buffer.alloc(UPLOAD_LIMITS.attachmentBytes)]);
    expect((await uploadFile(server, unit.token, path, huge, 'report.pdf')).status).toBe(413);
    const missing = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${unit.token}` },
      body: new FormData(),
    });
    expect(missing.status).toBe(400);
  });
});

describe('serving files', () => {
  it('only to the unit, the secretariat once handed in, and an assigned reviewer — blind to the reviewer', async () => {
    const unit = await unitAdmin(server);
    const entry = await completeDraft(unit.client, callId);
    const fileId = (
      (await (await uploadImage(server, unit.token, entry.id, await png(), `${unit.unit.name}-照片.png`)).json()) as { id: number }
    ).id;
    const expert = await reviewer(server);
    const stranger = await reviewer(server);
    const member = await signedInMember(server, ['member']);
    const other = await unitAdmin(server);

    expect((await fetchFile(server, unit.token, fileId)).status).toBe(200);
    // A draft is the unit's own, even for the secretariat.
    expect((await fetchFile(server, secretary.token, fileId)).status).toBe(403);
    await unit.client.call(api.entries.submit, { params: { id: entry.id } });
    expect((await fetchFile(server, secretary.token, fileId)).status).toBe(200);
    for (const token of [other.token, member.token, expert.token]) expect((await fetchFile(server, token, fileId)).status).toBe(403);

    await secretary.client.call(api.desk.register, { params: { id: entry.id } });
    await secretary.client.call(api.desk.prescreen, { params: { id: entry.id }, body: { decision: 'pass' } });
    await secretary.client.call(api.desk.assign, {
      params: { id: entry.id },
      body: { reviewerId: expert.member.id, deadline: fromNow(server, days(2)) },
    });
    const blind = await fetchFile(server, expert.token, fileId);
    expect(blind.status).toBe(200);
    expect(decodeURIComponent(blind.headers.get('content-disposition') ?? '')).not.toContain(unit.unit.name);
    expect((await fetchFile(server, stranger.token, fileId)).status).toBe(403);
    const full = await fetchFile(server, unit.token, fileId);
    expect(decodeURIComponent(full.headers.get('content-disposition') ?? '')).toContain(`${unit.unit.name}-照片.png`);
    expect((await fetchFile(server, unit.token, 99_999_999)).status).toBe(404);
  });
});
