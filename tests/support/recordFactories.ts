import { ERROR_STATUS, ErrorBody, type ApiClient, type Refusal, type Role } from '@zhijian/shared';
import { expect } from 'vitest';
import type { Queryable } from '../../server/src/db/client';
import { indexYears } from '../../server/src/db/schema';
import { createMember, createUnit, signIn, signedInMember } from './factories';
import type { TestServer } from './testServer';

/** A unit with its admin and two plain members, all signed in. */
export async function unitWithPeople(server: TestServer) {
  const unitId = (await createUnit(server.db)).id;
  const admin = await signedInMember(server, ['member', 'unit_admin'], { unitId });
  const alice = await signedInMember(server, ['member'], { unitId });
  const bob = await signedInMember(server, ['member'], { unitId });
  return { unitId, admin, alice, bob };
}

/** A member of a unit of their own, signed in with these roles. */
export async function outsider(server: TestServer, roles: Role[]) {
  return signedInMember(server, roles);
}

/** A member of the unit (not signed in), with the given overrides. */
export async function rosterMember(server: TestServer, unitId: number, overrides: Parameters<typeof createMember>[1] = {}) {
  return createMember(server.db, { unitId, ...overrides });
}

export async function signedIn(server: TestServer, member: { id: number; roles: Role[] }) {
  return (await signIn(server, member)).client;
}

/** The secretariat closes a year (as the index engineer's command will): its records are frozen. */
export async function closeYear(db: Queryable, year: number, at = new Date()) {
  await db.insert(indexYears).values({ year, closedAt: at });
}

/** Moves the test clock to a Shanghai wall-clock time (`2026-11-20 09:00:00`). */
export function setClock(server: TestServer, local: string): Date {
  const target = new Date(`${local.replace(' ', 'T')}+08:00`);
  server.clock.advance(target.getTime() - server.clock.now().getTime());
  return target;
}

/** POSTs a file as multipart (field `file`) to `url` with the client's sign-in. */
export async function postFile(client: ApiClient, url: string, data: Buffer | string, name: string) {
  const form = new FormData();
  form.append('file', new Blob([typeof data === 'string' ? data : new Uint8Array(data)]), name);
  const response = await fetch(url, { method: 'POST', headers: client.headers(), body: form });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Asserts a raw response was refused with this refusal (status, code, reason); returns its details. */
export function expectRefusedBody(result: { status: number; body: Record<string, unknown> }, refusal: Refusal) {
  const { error } = ErrorBody.parse(result.body);
  expect({ status: result.status, code: error.code, reason: error.details.reason }).toEqual({
    status: ERROR_STATUS[refusal.code],
    code: refusal.code,
    reason: refusal.reason,
  });
  expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  return error.details as Record<string, unknown>;
}
