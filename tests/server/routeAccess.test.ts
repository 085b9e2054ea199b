import { allEndpoints, buildPath, ROLES, type Endpoint, type Role } from '@zhijian/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, createMember, signedInMember } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Walks every endpoint of the contract with every role (and with no sign-in at all) and proves
 * that exactly the callers the contract names get past authentication and authorisation.
 */
let server: TestServer;
const callers = new Map<Role, { token: string; unitId: number; peerId: number }>();
let groupId: number;

beforeAll(async () => {
  server = await startTestServer();
  groupId = (await createGroup(server.db)).id;
  for (const role of ROLES) {
    const { member, token } = await signedInMember(server, [role]);
    // A second roster entry in the caller's own unit, for member-level routes.
    const peer = await createMember(server.db, { unitId: member.unitId });
    callers.set(role, { token, unitId: member.unitId!, peerId: peer.id });
  }
});
afterAll(() => server.close());

function pathFor(endpoint: Endpoint, caller: { unitId: number; peerId: number } | undefined): string {
  const id = endpoint.path.startsWith('/api/groups') ? groupId : endpoint.path.startsWith('/api/members') ? caller?.peerId : caller?.unitId;
  return buildPath(endpoint.path, { id: id ?? 1, unitId: caller?.unitId ?? 1, year: 2001 });
}

async function call(endpoint: Endpoint, token: string | undefined, caller?: { unitId: number; peerId: number }) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  // Every endpoint that takes a body gets `{}`, the least a client can send.
  const hasBody = endpoint.method !== 'GET';
  if (hasBody) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${pathFor(endpoint, caller)}`, {
    method: endpoint.method,
    headers,
    body: hasBody ? '{}' : undefined,
  });
  const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  return { status: response.status, body };
}

function allowed(endpoint: Endpoint, role: Role): boolean {
  return endpoint.access === 'public' || endpoint.access === 'signedIn' || endpoint.access.includes(role);
}

/** The path with every parameter set to something that is not an id. */
const malformedPath = (endpoint: Endpoint) => endpoint.path.replace(/:[a-zA-Z]+/g, 'abc');

/** A query string the endpoint refuses: the first of its fields that does not take `abc`, set to `abc`. */
function malformedQuery(query: NonNullable<Endpoint['query']>): string {
  const fields = Object.keys((query as unknown as { shape: Record<string, unknown> }).shape);
  return `?${fields.find((field) => !query.safeParse({ [field]: 'abc' }).success)}=abc`;
}

const endpoints = allEndpoints();

describe('route × role access', () => {
  it('covers every endpoint of the contract', () => {
    expect(endpoints.length).toBeGreaterThanOrEqual(20);
  });

  describe.each(endpoints.map((e) => [`${e.method} ${e.path}`, e] as const))('%s', (_name, endpoint) => {
    it('is mounted', async () => {
      const caller = callers.get('secretariat')!;
      const { body } = await call(endpoint, caller.token, caller);
      expect(body?.error?.message).not.toBe('接口不存在');
    });

    it(endpoint.access === 'public' ? 'is open without sign-in' : 'should require authentication', async () => {
      const { status } = await call(endpoint, undefined);
      expect(status).toBeLessThan(500);
      if (endpoint.access === 'public') expect(status).not.toBe(401);
      else expect(status).toBe(401);
    });

    it.each(ROLES.map((role) => [role]))('role %s', async (role) => {
      const caller = callers.get(role)!;
      const { status, body } = await call(endpoint, caller.token, caller);
      // Whatever the answer, it is never the server's fault: a body of `{}` is the caller's.
      expect(status, JSON.stringify(body)).toBeLessThan(500);
      if (allowed(endpoint, role)) {
        expect([401, 403]).not.toContain(status);
      } else {
        expect(status).toBe(403);
        expect(body?.error?.code).toBe('forbidden');
      }
    });
  });
});

// Only endpoints that take some input can be given a malformed one.
const endpointsWithInput = endpoints.filter((e) => e.params || e.body || e.query);

describe('route input', () => {
  describe.each(endpointsWithInput.map((e) => [`${e.method} ${e.path}`, e] as const))('%s', (_name, endpoint) => {
    it('refuses malformed input with 400 invalid_input', async () => {
      const caller = callers.get(ROLES.find((role) => allowed(endpoint, role))!)!;
      const multipart = endpoint.bodyKind === 'multipart';
      const headers: Record<string, string> = { authorization: `Bearer ${caller.token}` };
      if (endpoint.body && !multipart) headers['content-type'] = 'application/json';
      // An id that is not a number where the path has one; else a body that is not an object; else a bad query field.
      const path = endpoint.params
        ? malformedPath(endpoint)
        : pathFor(endpoint, caller) + (!endpoint.body && endpoint.query ? malformedQuery(endpoint.query) : '');
      const body = multipart ? new FormData() : endpoint.body ? '[]' : undefined;
      const response = await fetch(`${server.url}${path}`, { method: endpoint.method, headers, body });
      const answer = (await response.json()) as { error?: { code: string } };
      expect(response.status).toBe(400);
      expect(answer.error?.code).toBe('invalid_input');
    });
  });
});
