import { api, ApiError, ErrorBody } from '@zhijian/shared';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInMember } from '../support/factories';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ BODY_LIMIT_KB: '2' });
});
afterAll(() => server.close());

/** Raw HTTP, for the requests the typed client would never send. */
async function raw(path: string, init: RequestInit = {}) {
  const response = await fetch(`${server.url}${path}`, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text ? JSON.parse(text) : undefined };
}

function expectErrorShape(body: unknown, code: string) {
  const parsed = ErrorBody.parse(body);
  expect(parsed.error.code).toBe(code);
  expect(parsed.error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(JSON.stringify(body)).not.toMatch(/at .+\.(ts|js):\d+/);
}

describe('error responses', () => {
  it('answers malformed JSON with 400 bad_json', async () => {
    const res = await raw('/api/auth/wechat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"code":' });
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 'bad_json');
  });

  it('answers a schema violation with 400 invalid_input and the failing field paths', async () => {
    const res = await raw('/api/auth/bind', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ticket: 'x', inviteCode: 42, name: '' }),
    });
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 'invalid_input');
    const paths = (res.body.error.details.issues as { path: string }[]).map((d) => d.path).sort();
    expect(paths).toEqual(['body.inviteCode', 'body.name', 'body.phone']);
  });

  it('answers a missing body with 400 invalid_input', async () => {
    const res = await raw('/api/auth/wechat', { method: 'POST' });
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 'invalid_input');
  });

  it('refuses a body that is not JSON with 415', async () => {
    const res = await raw('/api/auth/wechat', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'code=1' });
    expect(res.status).toBe(415);
    expectErrorShape(res.body, 'unsupported_media_type');
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await raw('/api/auth/wechat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'x'.repeat(5000) }),
    });
    expect(res.status).toBe(413);
    expectErrorShape(res.body, 'payload_too_large');
  });

  it('answers an unknown API route with 404', async () => {
    const res = await raw('/api/no-such-thing');
    expect(res.status).toBe(404);
    expectErrorShape(res.body, 'not_found');
  });

  it('answers a known path with the wrong method with 405', async () => {
    const res = await raw('/api/health', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expectErrorShape(res.body, 'method_not_allowed');
  });

  it('answers a missing token with 401', async () => {
    const error = await server.client.call(api.auth.me).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).code).toBe('unauthorized');
  });

  it('answers a forged token with 401', async () => {
    const forged = jwt.sign({ roles: ['secretariat'] }, 'not-the-server-secret-but-long-enough-anyway', {
      subject: '1',
      issuer: 'zhijian',
      audience: 'zhijian-api',
    });
    const error = (await server
      .clientWith(forged)
      .call(api.auth.me)
      .catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(401);
    expect(error.code).toBe('unauthorized');
  });

  it('answers a token for another audience (a bind ticket) with 401', async () => {
    const ticket = jwt.sign({}, TEST_JWT_SECRET, { subject: 'openid-x', issuer: 'zhijian', audience: 'zhijian-bind' });
    const error = (await server
      .clientWith(ticket)
      .call(api.auth.me)
      .catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(401);
  });

  it('answers an expired token with 401 token_expired', async () => {
    const { client } = await signedInMember(server, ['member']);
    server.clock.advance(server.config.tokenTtlSeconds * 1000 + 1000);
    const error = (await client.call(api.auth.me).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(401);
    expect(error.code).toBe('token_expired');
  });

  it('answers a role that may not call the route with 403', async () => {
    const { client } = await signedInMember(server, ['member']);
    const error = (await client.call(api.groups.create, { body: { name: '不该建成' } }).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(403);
    expect(error.code).toBe('forbidden');
  });

  it('answers a missing record with 404 and a duplicate with 409', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const missing = (await client
      .call(api.groups.update, { params: { id: 999999 }, body: { name: '无' } })
      .catch((e: unknown) => e)) as ApiError;
    expect(missing.status).toBe(404);
    await client.call(api.groups.create, { body: { name: '重复的片组' } });
    const duplicate = (await client.call(api.groups.create, { body: { name: '重复的片组' } }).catch((e: unknown) => e)) as ApiError;
    expect(duplicate.status).toBe(409);
    expect(duplicate.code).toBe('conflict');
  });

  it('returns a request id on every response, errors included', async () => {
    const ok = await raw('/api/health');
    const failed = await raw('/api/no-such-thing');
    expect(ok.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(failed.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers and no CORS headers to unconfigured origins', async () => {
    const res = await raw('/api/health', { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('GET /api/health', () => {
  it('reports the database kind', async () => {
    const health = await server.client.call(api.health.get);
    expect(health).toEqual({ status: 'ok', db: process.env.DATABASE_URL ? 'postgres' : 'pglite', database: 'up', redis: 'not_configured' });
  });
});

describe('CORS', () => {
  it('allows configured origins only', async () => {
    const cors = await startTestServer({ CORS_ORIGINS: 'https://console.example.org' });
    try {
      const allowed = await fetch(`${cors.url}/api/health`, { headers: { origin: 'https://console.example.org' } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://console.example.org');
      const other = await fetch(`${cors.url}/api/health`, { headers: { origin: 'https://other.example.org' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await cors.close();
    }
  });
});

describe('sign-in rate limit', () => {
  it('refuses sign-in attempts past the per-minute limit with 429, and leaves other routes alone', async () => {
    const limited = await startTestServer({ SIGN_IN_RATE_PER_MINUTE: '3' });
    try {
      for (let i = 0; i < 3; i += 1) {
        await expect(limited.client.call(api.auth.wechat, { body: { code: `dev:rate-${i}` } })).resolves.toMatchObject({
          status: 'unbound',
        });
      }
      const error = (await limited.client
        .call(api.auth.password, { body: { username: 'x', password: 'y' } })
        .catch((e: unknown) => e)) as ApiError;
      expect(error.status).toBe(429);
      expect(error.code).toBe('rate_limited');
      await expect(limited.client.call(api.health.get)).resolves.toMatchObject({ status: 'ok' });
    } finally {
      await limited.close();
    }
  });
});

describe('refusals at the transport level, each in the one error shape', () => {
  const signedIn = async (roles: Parameters<typeof signedInMember>[1]) => (await signedInMember(server, roles)).token;

  it('answers an unknown method with 405 and the methods the path allows', async () => {
    for (const method of ['PROPFIND', 'DELETE']) {
      const res = await raw('/api/health', { method });
      expect(res.status).toBe(405);
      expectErrorShape(res.body, 'method_not_allowed');
      expect(res.headers.get('allow')).toContain('GET');
      expect(res.body.error.details).toMatchObject({ reason: 'method_not_allowed', allow: expect.arrayContaining(['GET']) });
    }
  });

  it('answers a body that claims gzip but is not with 400', async () => {
    const res = await raw('/api/auth/wechat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: '{"code":"x"}',
    });
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 'invalid_input');
  });

  it('answers an unknown content encoding with 415', async () => {
    const res = await raw('/api/auth/wechat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'compress' },
      body: '{"code":"x"}',
    });
    expect(res.status).toBe(415);
    expectErrorShape(res.body, 'unsupported_media_type');
  });

  it('answers malformed multipart (no boundary, truncated, empty) with 400', async () => {
    const token = await signedIn(['unit_admin']);
    const { member } = await signedInMember(server, ['unit_admin']);
    const path = `/api/units/${member.unitId}/members/import`;
    const bodies: Array<[string, string]> = [
      ['multipart/form-data', 'whatever'],
      ['multipart/form-data; boundary=XYZ', '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc'],
      ['multipart/form-data; boundary=XYZ', ''],
    ];
    for (const [type, body] of bodies) {
      const res = await raw(path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body });
      expect(res.status, `${type} ${JSON.stringify(body)}`).toBe(400);
      expectErrorShape(res.body, 'invalid_input');
    }
  });

  it('answers headers or a URL over 16 KB with 431 in the one shape', async () => {
    const bigHeader = await raw('/api/health', { headers: { 'x-filler': 'x'.repeat(20_000) } });
    expect(bigHeader.status).toBe(431);
    expectErrorShape(bigHeader.body, 'headers_too_large');
    const bigUrl = await raw(`/api/health?q=${'x'.repeat(20_000)}`);
    expect(bigUrl.status).toBe(431);
    expectErrorShape(bigUrl.body, 'headers_too_large');
  });

  it('answers an id beyond the integer range with 400, in a path and in a body', async () => {
    const token = await signedIn(['secretariat']);
    const inPath = await raw('/api/groups/2147483648', {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '超出' }),
    });
    expect(inPath.status).toBe(400);
    expectErrorShape(inPath.body, 'invalid_input');
    const inBody = await raw('/api/units', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '某单位', kind: 'enterprise', groupId: 2 ** 31 }),
    });
    expect(inBody.status).toBe(400);
  });

  it('answers a NUL character in any text with 400, naming the field', async () => {
    const token = await signedIn(['secretariat']);
    const res = await raw('/api/groups', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '片组\u0000名' }),
    });
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 'invalid_input');
    expect(res.body.error.details.issues[0].path).toBe('body.name');
  });

  it('names fields in Chinese, without English type names', async () => {
    const token = await signedIn(['secretariat']);
    const res = await raw('/api/units', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 42, kind: 'bank' }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).not.toMatch(/[A-Za-z]{3,}/);
    for (const issue of res.body.error.details.issues as Array<{ message: string; label: string }>) {
      expect(issue.message).not.toMatch(/[A-Za-z]{3,}/);
      expect(issue.label).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
