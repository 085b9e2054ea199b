import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { api, type ApiError } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWechatClient } from '../../server/src/auth/wechatClient';
import { hashPassword } from '../../server/src/auth/passwords';
import { members } from '../../server/src/db/schema';
import { createLogger } from '../../server/src/logger';
import { createMember, createUnit } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined as never,
    (error: ApiError) => error,
  );

async function rosterEntry() {
  const unit = await createUnit(server.db);
  const member = await createMember(server.db, { unitId: unit.id, name: '张三', roles: ['member', 'info_officer'] });
  return { unit, member };
}

async function unboundTicket(openid: string): Promise<string> {
  const result = await server.client.call(api.auth.wechat, { body: { code: server.wechat.issueCode(openid) } });
  if (result.status !== 'unbound') throw new Error('expected an unbound openid');
  return result.bindTicket;
}

describe('POST /api/auth/wechat', () => {
  it('gives an unbound openid a short-lived binding ticket, not a token', async () => {
    const result = await server.client.call(api.auth.wechat, { body: { code: server.wechat.issueCode('new-openid') } });
    expect(result.status).toBe('unbound');
    expect(result).not.toHaveProperty('token');
    expect(JSON.stringify(result)).not.toContain('session_key');
  });

  it('signs in an openid bound to a roster member', async () => {
    const { member } = await rosterEntry();
    await server.db.update(members).set({ openid: 'bound-openid' }).where(eq(members.id, member.id));
    const result = await server.client.call(api.auth.wechat, { body: { code: server.wechat.issueCode('bound-openid') } });
    expect(result.status).toBe('signed_in');
    if (result.status !== 'signed_in') return;
    expect(result.user.name).toBe('张三');
    expect(result.user.roles).toEqual(['member', 'info_officer']);
    const me = await server.clientWith(result.token).call(api.auth.me);
    expect(me.id).toBe(member.id);
    expect(me.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  it('refuses a code WeChat does not recognise (or one used twice)', async () => {
    const code = server.wechat.issueCode('once');
    await server.client.call(api.auth.wechat, { body: { code } });
    const error = await failure(server.client.call(api.auth.wechat, { body: { code } }));
    expect(error.status).toBe(400);
    expect(error.code).toBe('wechat_code_invalid');
  });

  it('accepts dev:<openid> codes outside production without a WeChat app', async () => {
    const result = await server.client.call(api.auth.wechat, { body: { code: 'dev:someone' } });
    expect(result.status).toBe('unbound');
    const options = await server.client.call(api.auth.options);
    expect(options.devSignIn).toBe(true);
    expect(options.devAccounts.map((a) => a.code)).toContain('dev:demo-member');
  });

  it('refuses dev codes in production', async () => {
    const production = await startTestServer({ NODE_ENV: 'production' });
    try {
      const error = await failure(production.client.call(api.auth.wechat, { body: { code: 'dev:demo-secretary' } }));
      expect(error.status).toBe(403);
      const options = await production.client.call(api.auth.options);
      expect(options).toEqual({ devSignIn: false, devAccounts: [], wechat: false });
    } finally {
      await production.close();
    }
  });
});

describe('POST /api/auth/bind', () => {
  it('binds the openid to the roster entry matching invite code, name and phone', async () => {
    const { unit, member } = await rosterEntry();
    const ticket = await unboundTicket('binder-1');
    const result = await server.client.call(api.auth.bind, {
      body: { ticket, inviteCode: unit.inviteCode.toLowerCase(), name: '张三', phone: member.phone },
    });
    expect(result.user.id).toBe(member.id);
    const again = await server.client.call(api.auth.wechat, { body: { code: server.wechat.issueCode('binder-1') } });
    expect(again.status).toBe('signed_in');
  });

  it('fails with one message whichever detail is wrong', async () => {
    const { unit, member } = await rosterEntry();
    const ticket = await unboundTicket('binder-2');
    const attempts = [
      { inviteCode: 'WRONG000', name: '张三', phone: member.phone },
      { inviteCode: unit.inviteCode, name: '李四', phone: member.phone },
      { inviteCode: unit.inviteCode, name: '张三', phone: '13000000000' },
    ];
    const messages = new Set<string>();
    for (const attempt of attempts) {
      const error = await failure(server.client.call(api.auth.bind, { body: { ticket, ...attempt } }));
      expect(error.status).toBe(400);
      expect(error.code).toBe('bind_mismatch');
      messages.add(error.message);
    }
    expect(messages.size).toBe(1);
  });

  it('throttles repeated failures for the same WeChat account', async () => {
    const { unit, member } = await rosterEntry();
    const ticket = await unboundTicket('guesser');
    for (let i = 0; i < 5; i += 1) {
      const error = await failure(
        server.client.call(api.auth.bind, { body: { ticket, inviteCode: unit.inviteCode, name: `猜${i}`, phone: member.phone } }),
      );
      expect(error.code).toBe('bind_mismatch');
    }
    const blocked = await failure(
      server.client.call(api.auth.bind, { body: { ticket, inviteCode: unit.inviteCode, name: '张三', phone: member.phone } }),
    );
    expect(blocked.status).toBe(429);
    expect(blocked.code).toBe('rate_limited');
    server.clock.advance(16 * 60 * 1000);
    const fresh = await unboundTicket('guesser');
    const result = await server.client.call(api.auth.bind, {
      body: { ticket: fresh, inviteCode: unit.inviteCode, name: '张三', phone: member.phone },
    });
    expect(result.user.id).toBe(member.id);
  });

  it('keeps one openid per member and one member per openid', async () => {
    const { unit, member } = await rosterEntry();
    const first = await unboundTicket('owner-openid');
    await server.client.call(api.auth.bind, { body: { ticket: first, inviteCode: unit.inviteCode, name: '张三', phone: member.phone } });
    const second = await unboundTicket('intruder-openid');
    const taken = await failure(
      server.client.call(api.auth.bind, { body: { ticket: second, inviteCode: unit.inviteCode, name: '张三', phone: member.phone } }),
    );
    expect(taken.status).toBe(409);
  });

  it('refuses an expired or forged ticket', async () => {
    const { unit, member } = await rosterEntry();
    const ticket = await unboundTicket('slow-binder');
    server.clock.advance(11 * 60 * 1000);
    const expired = await failure(
      server.client.call(api.auth.bind, { body: { ticket, inviteCode: unit.inviteCode, name: '张三', phone: member.phone } }),
    );
    expect(expired.status).toBe(401);
    const forged = await failure(
      server.client.call(api.auth.bind, {
        body: { ticket: 'abc.def.ghi', inviteCode: unit.inviteCode, name: '张三', phone: member.phone },
      }),
    );
    expect(forged.status).toBe(401);
  });
});

describe('POST /api/auth/password', () => {
  beforeEach(async () => {
    const [existing] = await server.db.select().from(members).where(eq(members.username, 'desk'));
    if (!existing)
      await createMember(server.db, {
        name: '秘书处',
        roles: ['secretariat'],
        username: 'desk',
        passwordHash: await hashPassword('correct horse'),
      });
  });

  it('signs the secretariat in with username and password', async () => {
    const result = await server.client.call(api.auth.password, { body: { username: 'desk', password: 'correct horse' } });
    expect(result.user.roles).toEqual(['secretariat']);
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const wrong = await failure(server.client.call(api.auth.password, { body: { username: 'desk', password: 'nope' } }));
    const unknown = await failure(server.client.call(api.auth.password, { body: { username: 'nobody', password: 'nope' } }));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.message).toBe(unknown.message);
  });
});

describe('POST /api/auth/refresh', () => {
  it('should require authentication', async () => {
    const error = await failure(server.client.call(api.auth.refresh));
    expect(error.status).toBe(401);
  });

  it('gives a new token that outlives the old one', async () => {
    const { member } = await rosterEntry();
    await server.db.update(members).set({ openid: 'refresher' }).where(eq(members.id, member.id));
    const first = await server.client.call(api.auth.wechat, { body: { code: server.wechat.issueCode('refresher') } });
    if (first.status !== 'signed_in') throw new Error('expected sign-in');
    server.clock.advance(60 * 60 * 1000);
    const renewed = await server.clientWith(first.token).call(api.auth.refresh);
    expect(new Date(renewed.expiresAt).getTime()).toBeGreaterThan(new Date(first.expiresAt).getTime());
    server.clock.advance(90 * 60 * 1000);
    await expect(server.clientWith(first.token).call(api.auth.me)).rejects.toMatchObject({ code: 'token_expired' });
    await expect(server.clientWith(renewed.token).call(api.auth.me)).resolves.toMatchObject({ id: member.id });
  });

  it('stops working once the member is removed from the roster', async () => {
    const { member } = await rosterEntry();
    await server.db.update(members).set({ openid: 'leaver' }).where(eq(members.id, member.id));
    const signedIn = await server.client.call(api.auth.wechat, { body: { code: server.wechat.issueCode('leaver') } });
    if (signedIn.status !== 'signed_in') throw new Error('expected sign-in');
    await server.db.delete(members).where(eq(members.id, member.id));
    await expect(server.clientWith(signedIn.token).call(api.auth.refresh)).rejects.toMatchObject({ status: 401 });
  });
});

describe('WeChat code2Session client', () => {
  let wechatApi: Server;
  let base: string;
  const replies = new Map<string, object>([
    ['good-code', { openid: 'o-123', session_key: 'SECRET-KEY' }],
    ['bad-code', { errcode: 40029, errmsg: 'invalid code' }],
    ['busy-code', { errcode: -1, errmsg: 'system error' }],
    ['risky-code', { errcode: 40226, errmsg: 'high risk' }],
    ['fast-code', { errcode: 45011, errmsg: 'api minute-quota reach limit' }],
  ]);
  const seen: URLSearchParams[] = [];

  beforeAll(async () => {
    wechatApi = createServer((req, res) => {
      const url = new URL(req.url!, 'http://localhost');
      seen.push(url.searchParams);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(url.pathname === '/sns/jscode2session' ? (replies.get(url.searchParams.get('js_code')!) ?? {}) : {}));
    });
    await new Promise<void>((resolve) => wechatApi.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(wechatApi.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => wechatApi.close(() => resolve())));

  const client = () => createWechatClient({ appId: 'wx-app', secret: 'wx-secret', apiBase: base, logger: createLogger('silent') });

  it('sends appid, secret and code, and keeps only the openid', async () => {
    const session = await client().code2Session('good-code');
    expect(session).toEqual({ openid: 'o-123' });
    const params = seen.at(-1)!;
    expect(params.get('appid')).toBe('wx-app');
    expect(params.get('secret')).toBe('wx-secret');
    expect(params.get('grant_type')).toBe('authorization_code');
  });

  it.each([
    ['bad-code', 'wechat_code_invalid', 400],
    ['busy-code', 'wechat_unavailable', 502],
    ['risky-code', 'forbidden', 403],
    ['fast-code', 'rate_limited', 429],
  ])('maps the reply to %s to %s', async (code, expectedCode, status) => {
    await expect(client().code2Session(code)).rejects.toMatchObject({ code: expectedCode, status });
  });

  it('reports an unreachable WeChat as wechat_unavailable', async () => {
    const offline = createWechatClient({ appId: 'a', secret: 's', apiBase: 'http://127.0.0.1:9', logger: createLogger('silent') });
    await expect(offline.code2Session('x')).rejects.toMatchObject({ code: 'wechat_unavailable' });
  });
});
