import {
  api,
  callRefusals,
  commonRefusals,
  entryRefusals,
  ERROR_STATUS,
  UPLOAD_LIMITS,
  uploadRefusals,
  type Refusal,
} from '@zhijian/shared';
import { crc32 } from 'node:zlib';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInMember } from '../../support/factories';
import { expectRefused } from '../../support/refusals';
import {
  completeDraft,
  days,
  fetchFile,
  fromNow,
  hours,
  jpegWithGps,
  LONG_TOKENS,
  openCall,
  png,
  reviewer,
  secretariat,
  submittedEntry,
  unitAdmin,
  uploadFile,
  uploadImage,
} from '../../support/submissionFactories';
import { startTestServer, type TestServer } from '../../support/testServer';
import { buildDocx } from '../bulletinImport/helpers';

let server: TestServer;
let secretary: Awaited<ReturnType<typeof secretariat>>;
let callId: number;
beforeAll(async () => {
  server = await startTestServer(LONG_TOKENS);
  secretary = await secretariat(server);
  callId = (await openCall(server, secretary.client, { entryLimit: 20 })).id;
});
afterAll(() => server.close());

async function draftOfNewUnit() {
  const unit = await unitAdmin(server);
  return { unit, draft: await completeDraft(unit.client, callId) };
}

/** Asserts a raw answer (uploads and downloads go around the typed client) is this refusal; returns its details. */
async function expectUploadRefused(response: Response, refusal: Refusal): Promise<Record<string, unknown>> {
  const body = (await response.json()) as { error: { code: string; message: string; details: Record<string, unknown> } };
  expect({ status: response.status, code: body.error.code, reason: body.error.details.reason }).toEqual({
    status: ERROR_STATUS[refusal.code],
    code: refusal.code,
    reason: refusal.reason,
  });
  expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
  return body.error.details;
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

/** A PDF whose trailer says it is encrypted. */
async function encryptedPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage([200, 200]);
  const text = Buffer.from(await pdf.save({ useObjectStreams: false })).toString('latin1');
  return Buffer.from(
    text.replace(/trailer\s*<</, (start) => `${start}\n/Encrypt << /Filter /Standard /V 1 /R 2 /O (x) /U (y) /P -4 >>`),
    'latin1',
  );
}

describe('POST /api/entries/:id/images', () => {
  it('strips the GPS position and every other EXIF field from a JPEG', async () => {
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

  it('accepts PNG and WebP by content', async () => {
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

  it('refuses a wrong type whatever its name says, saying what it found', async () => {
    const { unit, draft } = await draftOfNewUnit();
    const gif = await sharp(await png())
      .gif()
      .toBuffer();
    for (const [data, name, detected] of [
      [gif, 'photo.gif', 'image/gif'],
      [await pdfWithAuthor(), 'photo.jpg', 'application/pdf'],
      [Buffer.from('just text, not a picture'), 'photo.jpg', null],
    ] as const) {
      const details = await expectUploadRefused(
        await uploadImage(server, unit.token, draft.id, data, name),
        uploadRefusals.file_type_refused,
      );
      expect(details.detected).toBe(detected);
    }
    expect((await unit.client.call(api.entries.get, { params: { id: draft.id } })).images).toEqual([]);
  });

  it('refuses a damaged image that only starts like a JPEG, and an empty file', async () => {
    const { unit, draft } = await draftOfNewUnit();
    const damaged = Buffer.concat([(await jpegWithGps()).subarray(0, 200), Buffer.alloc(200, 7)]);
    await expectUploadRefused(await uploadImage(server, unit.token, draft.id, damaged), uploadRefusals.file_unreadable);
    await expectUploadRefused(await uploadImage(server, unit.token, draft.id, Buffer.alloc(0)), uploadRefusals.file_empty);
  });

  it('refuses an image of more pixels than any camera takes, before decoding it', async () => {
    const { unit, draft } = await draftOfNewUnit();
    // A PNG header that claims 20 000 × 20 000 pixels; the pixels themselves are never there.
    const header = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const huge = Buffer.from(header);
    huge.writeUInt32BE(20_000, 16);
    huge.writeUInt32BE(20_000, 20);
    // The IHDR chunk's checksum covers its type and data (bytes 12–28).
    huge.writeUInt32BE(crc32(huge.subarray(12, 29)), 29);
    const details = await expectUploadRefused(
      await uploadImage(server, unit.token, draft.id, huge, 'huge.png'),
      uploadRefusals.file_too_complex,
    );
    expect(details.limit).toEqual(expect.any(String));
  });

  it('refuses an image over 5 MB', async () => {
    const { unit, draft } = await draftOfNewUnit();
    const tooBig = Buffer.concat([await jpegWithGps(), Buffer.alloc(UPLOAD_LIMITS.imageBytes)]);
    await expectUploadRefused(await uploadImage(server, unit.token, draft.id, tooBig), commonRefusals.payload_too_large);
  });

  it('allows at most 9 images per entry, leaving no file behind', async () => {
    const { unit, draft } = await draftOfNewUnit();
    const image = await png(8, 8);
    for (let i = 0; i < UPLOAD_LIMITS.imagesPerEntry; i += 1)
      expect((await uploadImage(server, unit.token, draft.id, image)).status).toBe(201);
    const details = await expectUploadRefused(await uploadImage(server, unit.token, draft.id, image), uploadRefusals.too_many_files);
    expect(details.limit).toBe(UPLOAD_LIMITS.imagesPerEntry);
    expect(server.storage.keys().filter((k) => k.startsWith(`entries/${draft.id}/`))).toHaveLength(9);
  });

  it("is refused to another unit's admin, after registration and after the close time", async () => {
    const { unit, draft } = await draftOfNewUnit();
    const other = await unitAdmin(server);
    await expectUploadRefused(await uploadImage(server, other.token, draft.id, await png()), commonRefusals.forbidden);
    const entry = await submittedEntry(unit.client, callId);
    await secretary.client.call(api.desk.register, { params: { id: entry.id } });
    const details = await expectUploadRefused(
      await uploadImage(server, unit.token, entry.id, await png()),
      entryRefusals.entry_not_editable,
    );
    expect(details.status).toBe('registered');

    const closing = await openCall(server, secretary.client, { closesAt: fromNow(server, hours(1)) });
    const late = await submittedEntry(unit.client, closing.id);
    server.clock.advance(hours(1));
    await expectUploadRefused(await uploadImage(server, unit.token, late.id, await png()), callRefusals.call_closed);
  });

  it('asks for the file when none is sent', async () => {
    const { unit, draft } = await draftOfNewUnit();
    const missing = await fetch(`${server.url}/api/entries/${draft.id}/images`, {
      method: 'POST',
      headers: { authorization: `Bearer ${unit.token}` },
      body: new FormData(),
    });
    await expectUploadRefused(missing, uploadRefusals.file_missing);
  });
});

describe('POST /api/entries/:id/attachments', () => {
  it('accepts a Word document and drops its author and company', async () => {
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

  it('accepts a PDF and drops its document information', async () => {
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

  it('refuses other types, an encrypted PDF and files over 20 MB', async () => {
    const { unit, draft } = await draftOfNewUnit();
    const path = `/api/entries/${draft.id}/attachments`;
    const zip = await new JSZip().file('a.txt', 'x').generateAsync({ type: 'nodebuffer' });
    await expectUploadRefused(await uploadFile(server, unit.token, path, zip, 'report.docx'), uploadRefusals.file_type_refused);
    await expectUploadRefused(await uploadFile(server, unit.token, path, await png(), 'report.pdf'), uploadRefusals.file_type_refused);
    await expectUploadRefused(
      await uploadFile(server, unit.token, path, await encryptedPdf(), 'report.pdf'),
      uploadRefusals.file_encrypted,
    );
    const huge = Buffer.concat([await pdfWithAuthor(), Buffer.alloc(UPLOAD_LIMITS.attachmentBytes)]);
    await expectUploadRefused(await uploadFile(server, unit.token, path, huge, 'report.pdf'), commonRefusals.payload_too_large);
    expect((await unit.client.call(api.entries.get, { params: { id: draft.id } })).attachments).toEqual([]);
  });
});

describe('DELETE /api/entry-files/:id', () => {
  it('removes a file and its bytes while the entry may change, not after registration', async () => {
    const { unit, draft } = await draftOfNewUnit();
    const removable = (await (await uploadImage(server, unit.token, draft.id, await png())).json()) as { id: number };
    expect(await unit.client.call(api.entries.removeFile, { params: { id: removable.id } })).toEqual({ ok: true });
    expect((await unit.client.call(api.entries.get, { params: { id: draft.id } })).images).toEqual([]);
    expect(server.storage.keys().filter((k) => k.startsWith(`entries/${draft.id}/`))).toEqual([]);
    await expectRefused(unit.client.call(api.entries.removeFile, { params: { id: removable.id } }), commonRefusals.not_found);

    const entry = await submittedEntry(unit.client, callId);
    const kept = (await (await uploadImage(server, unit.token, entry.id, await png())).json()) as { id: number };
    await expectRefused(
      (await unitAdmin(server)).client.call(api.entries.removeFile, { params: { id: kept.id } }),
      commonRefusals.forbidden,
    );
    await secretary.client.call(api.desk.register, { params: { id: entry.id } });
    await expectRefused(unit.client.call(api.entries.removeFile, { params: { id: kept.id } }), entryRefusals.entry_not_editable);
  });
});

describe('GET /api/entry-files/:id', () => {
  it('serves only to the unit, the secretariat once handed in, and an assigned reviewer — blind to the reviewer', async () => {
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
    await expectUploadRefused(await fetchFile(server, secretary.token, fileId), commonRefusals.forbidden);
    await unit.client.call(api.entries.submit, { params: { id: entry.id } });
    expect((await fetchFile(server, secretary.token, fileId)).status).toBe(200);
    for (const token of [other.token, member.token, expert.token]) {
      await expectUploadRefused(await fetchFile(server, token, fileId), commonRefusals.forbidden);
    }

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
    await expectUploadRefused(await fetchFile(server, unit.token, 99_999_999), commonRefusals.not_found);
  });
});
