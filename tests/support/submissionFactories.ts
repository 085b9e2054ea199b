import { api, type ApiClient, type CallInput, type EntryDraftInput } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { z } from 'zod';
import { reviewAssignments } from '../../server/src/db/schema';
import { createGroup, createUnit, signedInMember } from './factories';
import type { TestServer } from './testServer';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** ISO time relative to the test clock. */
export function fromNow(server: TestServer, ms: number): string {
  return new Date(server.clock.now().getTime() + ms).toISOString();
}

export const hours = (n: number) => n * HOUR;
export const days = (n: number) => n * DAY;

/** A case call open since an hour ago and for a week, with the default categories and rubric. */
export async function openCall(server: TestServer, secretary: ApiClient, overrides: Partial<z.input<typeof CallInput>> = {}) {
  return secretary.call(api.calls.create, {
    body: {
      kind: 'case',
      title: '小创意发挥大作用',
      opensAt: fromNow(server, -hours(1)),
      closesAt: fromNow(server, days(7)),
      ...overrides,
    },
  });
}

/** A unit admin of a unit of its own (in the given 片组, or a new one). */
export async function unitAdmin(server: TestServer, groupId?: number) {
  const unit = await createUnit(server.db, { groupId: groupId ?? (await createGroup(server.db)).id });
  const signedIn = await signedInMember(server, ['member', 'unit_admin'], { unitId: unit.id });
  return { ...signedIn, unit };
}

export async function reviewer(server: TestServer, unitId: number | null = null) {
  return signedInMember(server, ['member', 'reviewer'], { unitId });
}

/** Someone of the secretariat (no unit of their own). */
export async function secretariat(server: TestServer) {
  return signedInMember(server, ['secretariat'], { unitId: null });
}

/** The id of a reviewer's assignment to an entry. */
export async function assignmentOf(server: TestServer, entryId: number, reviewerId: number): Promise<number> {
  const [row] = await server.db
    .select({ id: reviewAssignments.id })
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.entryId, entryId), eq(reviewAssignments.reviewerId, reviewerId)));
  if (!row) throw new Error(`reviewer ${reviewerId} has no assignment to entry ${entryId}`);
  return row.id;
}

export const COMPLETE_ENTRY: EntryDraftInput = {
  title: '“红色驿站”服务流动党员',
  category: '服务员工群众',
  summary: '在市场设立红色驿站，为流动党员提供学习和活动场所。',
  body: '一、背景\n市场流动党员多。\n二、做法\n每周三开展活动。',
  contactName: '王联系',
  contactPhone: '13800001111',
};

/** A complete draft in the call, ready to submit. */
export async function completeDraft(client: ApiClient, callId: number, overrides: EntryDraftInput = {}) {
  return client.call(api.entries.create, { params: { id: callId }, body: { ...COMPLETE_ENTRY, ...overrides } });
}

export async function submittedEntry(client: ApiClient, callId: number, overrides: EntryDraftInput = {}) {
  const draft = await completeDraft(client, callId, overrides);
  return client.call(api.entries.submit, { params: { id: draft.id } });
}

/** A small JPEG that carries the camera's GPS position and an artist name in its EXIF. */
export async function jpegWithGps(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#b22222' } })
    .jpeg()
    .withExif({
      IFD0: { Artist: 'JianhuaPark', Make: 'PhoneMaker' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 1234/100', GPSLongitudeRef: 'E', GPSLongitude: '120/1 10/1 0/1' },
    })
    .toBuffer();
}

export async function png(width = 32, height = 32): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: '#1e90ff' } })
    .png()
    .toBuffer();
}

/** Posts one file as multipart field `file`; answers the raw response. */
export async function uploadFile(
  server: TestServer,
  token: string,
  path: string,
  data: Buffer,
  name: string,
  type = 'application/octet-stream',
) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type }), name);
  return fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
}

export async function uploadImage(server: TestServer, token: string, entryId: number, data: Buffer, name = '活动照片.jpg') {
  return uploadFile(server, token, `/api/entries/${entryId}/images`, data, name, 'image/jpeg');
}

export async function fetchFile(server: TestServer, token: string, fileId: number) {
  return fetch(`${server.url}/api/entry-files/${fileId}`, { headers: { authorization: `Bearer ${token}` } });
}

export async function fetchBinary(server: TestServer, token: string, path: string) {
  return fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
}

/** Submits, registers and passes an entry: ready for reviewers. */
export async function passedEntry(secretary: ApiClient, unit: { client: ApiClient }, callId: number, overrides: EntryDraftInput = {}) {
  const entry = await submittedEntry(unit.client, callId, overrides);
  await secretary.call(api.desk.register, { params: { id: entry.id } });
  return secretary.call(api.desk.prescreen, { params: { id: entry.id }, body: { decision: 'pass' } });
}

/** Submits, registers and passes an entry, then assigns these reviewers by hand. */
export async function entryInReview(
  server: TestServer,
  secretary: ApiClient,
  unit: { client: ApiClient },
  callId: number,
  reviewerIds: number[],
  overrides: EntryDraftInput = {},
) {
  const entry = await passedEntry(secretary, unit, callId, overrides);
  const deadline = fromNow(server, days(3));
  for (const reviewerId of reviewerIds) {
    await secretary.call(api.desk.assign, { params: { id: entry.id }, body: { reviewerId, deadline } });
  }
  return secretary.call(api.entries.get, { params: { id: entry.id } });
}

/** Scores every criterion of the default rubric with the same value. */
export function evenScores(value: number): Record<string, number> {
  return { innovation: value, effectiveness: value, durability: value, replicability: value };
}

/** Tests here move the clock by hours and days; tokens must outlive that. */
export const LONG_TOKENS = { TOKEN_TTL_SECONDS: String(30 * 24 * 3600) };

export type Reviewer = Awaited<ReturnType<typeof reviewer>>;

/** A reviewer scores every criterion of an entry they review with the same value, and submits. */
export async function score(server: TestServer, r: Reviewer, entryId: number, value: number, opinion = '意见') {
  const id = await assignmentOf(server, entryId, r.member.id);
  return r.client.call(api.reviews.submit, { params: { id }, body: { scores: evenScores(value), opinion } });
}

/** A case call with two reviewers and two entries (案例1, 案例2) of two units, both in review with both reviewers. */
export async function contest(server: TestServer, secretary: ApiClient) {
  const call = await openCall(server, secretary, { reviewersPerEntry: 2 });
  const experts = [await reviewer(server), await reviewer(server)];
  const units = [await unitAdmin(server), await unitAdmin(server)];
  const entries = [];
  for (const [i, unit] of units.entries()) {
    entries.push(
      await entryInReview(
        server,
        secretary,
        unit,
        call.id,
        experts.map((e) => e.member.id),
        { title: `案例${i + 1}` },
      ),
    );
  }
  return { call, experts, units, entries };
}
