import { api, authRefusals, commonRefusals } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../server/src/auth/passwords';
import { unconfiguredWechatClient } from '../../../server/src/auth/wechatClient';
import { auditLog, members } from '../../../server/src/db/schema';
import { createMember, createUnit } from '../../support/factories';
import { expectRefused, refusalOf } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function rosterEntry() {
  const unit = await createUnit(server.db);
  const member = await createMember(server.db, { unitId: unit.id, name: '张三', roles: ['member', 'info_officer'] });
  return { unit, member };
}

async function unboundTicket(openid: string, on: TestServer = server): Promise<string> {
  const result = await on.client.call(api.auth.wechat, { body: { code: on.wechat.issueCode(openid) } });
  if (result.status !== 'unbound') throw new Error('expected an unbound openid');
  return result.bindTicket;
}

describe('GET /api/auth/options', () => {
  it('offers the demo accounts where development sign-in is on', async () => {
    const options = await server.client.call(api.auth.options);
    expect(options.devSignIn).toBe(true);
    expect(options.wechat).toBe(false);
    expect(options.devAccounts.map((a) => a.code)).toContain('dev:demo-member');
  });
});

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
    const details = await expectRefused(server.client.call(api.auth.wechat, { body: { code } }), authRefusals.wechat_code_invalid);
    expect(details.errcode).toBe(40029);
  });

  it('accepts dev:<openid> codes outside production without a WeChat app', async () => {
    const result = await server.client.call(api.auth.wechat, { body: { code: 'dev:someone' } });
    expect(result.status).toBe('unbound');
  });

  it('refuses a dev code that names no openid', async () => {
    const details = await expectRefused(server.client.call(api.auth.wechat, { body: { code: 'dev:' } }), commonRefusals.invalid_fields);
    expect(details.issues).toEqual([expect.objectContaining({ path: 'body.code', label: '登录凭证' })]);
  });

  it('answers a WeChat code with a 400, not a 5xx, when no WeChat app is configured', async () => {
    const unconfigured = await startTestServer();
    try {
      unconfigured.wechat.code2Session = unconfiguredWechatClient.code2Session;
      await expectRefused(
        unconfigured.client.call(api.auth.wechat, { body: { code: '0a1b2c3d4e5f' } }),
        authRefusals.wechat_not_configured,
      );
      // Development sign-in still works there.
      await expect(unconfigured.client.call(api.auth.wechat, { body: { code: 'dev:someone' } })).resolves.toMatchObject({
        status: 'unbound',
      });
    } finally {
      await unconfigured.close();
    }
  });

  it('refuses dev codes in production', async () => {
    const production = await startTestServer({ NODE_ENV: 'production' });
    try {
      await expectRefused(
        production.client.call(api.auth.wechat, { body: { code: 'dev:demo-secretary' } }),
        authRefusals.dev_sign_in_disabled,
      );
      const options = await production.client.call(api.auth.options);
      expect(options).toEqual({ devSignIn: false, devAccounts: [], wechat: false });
    } finally {
      await production.close();
    }
  });
});

describe('POST /api/auth/bind', () => {
  it('binds the openid to the roster entry matching invite code, name and phone, audited', async () => {
    const { unit, member } = await rosterEntry();
    const ticket = await unboundTicket('binder-1');
    const result = await server.client.call(api.auth.bind, {
      body: { ticket, inviteCode: unit.inviteCode.toLowerCase(), name: '张三', phone: member.phone },
    });
    expect(result.user.id).toBe(member.id);
    const again = await server.client.call(api.auth.wechat, { body: { code: server.wechat.issueCode('binder-1') } });
    expect(again.status).toBe('signed_in');
    const trail = await server.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(member.id)));
    expect(trail.filter((e) => e.entity === 'member').map((e) => e.action)).toEqual(['member.bind']);
    expect(JSON.stringify(trail)).not.toContain('binder-1');
  });

  it('fails with one answer whichever detail is wrong', async () => {
    const { unit, member } = await rosterEntry();
    const ticket = await unboundTicket('binder-2');
    const attempts = [
      { inviteCode: 'WRONG000', name: '张三', phone: member.phone },
      { inviteCode: unit.inviteCode, name: '李四', phone: member.phone },
      { inviteCode: unit.inviteCode, name: '张三', phone: '13000000000' },
    ];
    const answers = new Set<string>();
    for (const attempt of attempts) {
      const call = server.client.call(api.auth.bind, { body: { ticket, ...attempt } });
      const error = await refusalOf(call);
      await expectRefused(Promise.reject(error), authRefusals.bind_mismatch);
      answers.add(JSON.stringify({ message: error.message, details: error.details }));
    }
    expect(answers.size).toBe(1);
  });

  it('throttles repeated failures for the same WeChat account', async () => {
    const { unit, member } = await rosterEntry();
    const ticket = await unboundTicket('guesser');
    for (let i = 0; i < 5; i += 1) {
      await expectRefused(
        server.client.call(api.auth.bind, { body: { ticket, inviteCode: unit.inviteCode, name: `猜${i}`, phone: member.phone } }),
        authRefusals.bind_mismatch,
      );
    }
    const blocked = await expectRefused(
      server.client.call(api.auth.bind, { body: { ticket, inviteCode: unit.inviteCode, name: '张三', phone: member.phone } }),
      authRefusals.bind_attempts_exceeded,
    );
    expect(blocked.retryAfterMinutes).toBe(15);
    server.clock.advance(16 * 60 * 1000);
    const fresh = await unboundTicket('guesser');
    const result = await server.client.call(api.auth.bind, {
      body: { ticket: fresh, inviteCode: unit.inviteCode, name: '张三', phone: member.phone },
    });
    expect(result.user.id).toBe(member.id);
  });

  it('throttles one address guessing with many WeChat accounts, more loosely', async () => {
    const own = await startTestServer();
    try {
      const unit = await createUnit(own.db);
      const member = await createMember(own.db, { unitId: unit.id, name: '张三' });
      for (let account = 0; account < 6; account += 1) {
        const ticket = await unboundTicket(`account-${account}`, own);
        for (let i = 0; i < 5; i += 1) {
          await expectRefused(
            own.client.call(api.auth.bind, { body: { ticket, inviteCode: unit.inviteCode, name: `猜${i}`, phone: member.phone } }),
            authRefusals.bind_mismatch,
          );
        }
      }
      const ticket = await unboundTicket('account-fresh', own);
      await expectRefused(
        own.client.call(api.auth.bind, { body: { ticket, inviteCode: unit.inviteCode, name: '张三', phone: member.phone } }),
        authRefusals.bind_attempts_exceeded,
      );
    } finally {
      await own.close();
    }
  });

  it('keeps one openid per member and one member per openid', async () => {
    const { unit, member } = await rosterEntry();
    const first = await unboundTicket('owner-openid');
    await server.client.call(api.auth.bind, { body: { ticket: first, inviteCode: unit.inviteCode, name: '张三', phone: member.phone } });
    const second = await unboundTicket('intruder-openid');
    await expectRefused(
      server.client.call(api.auth.bind, { body: { ticket: second, inviteCode: unit.inviteCode, name: '张三', phone: member.phone } }),
      authRefusals.member_bound_elsewhere,
    );
    // The owner's ticket, still valid, cannot bind a second entry.
    const { unit: otherUnit, member: other } = await rosterEntry();
    await expectRefused(
      server.client.call(api.auth.bind, { body: { ticket: first, inviteCode: otherUnit.inviteCode, name: '张三', phone: other.phone } }),
      authRefusals.wechat_bound_elsewhere,
    );
  });

  it('binds an entry to one of two accounts binding it at once', async () => {
    const { unit, member } = await rosterEntry();
    const tickets = await Promise.all([unboundTicket('racer-a'), unboundTicket('racer-b')]);
    const body = { inviteCode: unit.inviteCode, name: '张三', phone: member.phone };
    const results = await Promise.allSettled(tickets.map((ticket) => server.client.call(api.auth.bind, { body: { ticket, ...body } })));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    await expectRefused(Promise.reject(lost[0]!.reason), authRefusals.member_bound_elsewhere);
    const [row] = await server.db.select({ openid: members.openid }).from(members).where(eq(members.id, member.id));
    expect(row!.openid).toBe(results[0]!.status === 'fulfilled' ? 'racer-a' : 'racer-b');
  });

  it('refuses an expired or forged ticket', async () => {
    const { unit, member } = await rosterEntry();
    const ticket = await unboundTicket('slow-binder');
    server.clock.advance(11 * 60 * 1000);
    await expectRefused(
      server.client.call(api.auth.bind, { body: { ticket, inviteCode: unit.inviteCode, name: '张三', phone: member.phone } }),
      authRefusals.bind_ticket_expired,
    );
    await expectRefused(
      server.client.call(api.auth.bind, {
        body: { ticket: 'abc.def.ghi', inviteCode: unit.inviteCode, name: '张三', phone: member.phone },
      }),
      authRefusals.bind_ticket_invalid,
    );
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
    const wrong = await refusalOf(server.client.call(api.auth.password, { body: { username: 'desk', password: 'nope' } }));
    const unknown = await refusalOf(server.client.call(api.auth.password, { body: { username: 'nobody', password: 'nope' } }));
    await expectRefused(Promise.reject(wrong), authRefusals.wrong_password);
    await expectRefused(Promise.reject(unknown), authRefusals.wrong_password);
    expect(wrong.message).toBe(unknown.message);
  });
});

describe('GET /api/me', () => {
  it('names the unit, its group and the branch of the signed-in member', async () => {
    const { unit, member } = await rosterEntry();
    await server.db.update(members).set({ openid: 'me-openid' }).where(eq(members.id, member.id));
    const signedIn = await server.client.call(api.auth.wechat, { body: { code: server.wechat.issueCode('me-openid') } });
    if (signedIn.status !== 'signed_in') throw new Error('expected sign-in');
    const me = await server.clientWith(signedIn.token).call(api.auth.me);
    expect(me).toMatchObject({
      id: member.id,
      name: '张三',
      phoneTail: member.phone.slice(-4),
      unit: { id: unit.id, name: unit.name },
      group: { id: unit.groupId },
      branch: null,
    });
    expect(JSON.stringify(me)).not.toContain(member.phone);
  });
});

describe('sign-in rate limit', () => {
  it('answers in the one error shape, with a reason and a Retry-After', async () => {
    const limited = await startTestServer({ SIGN_IN_RATE_PER_MINUTE: '1' });
    try {
      await limited.client.call(api.auth.wechat, { body: { code: 'dev:first' } });
      const response = await fetch(`${limited.url}/api/auth/password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'x', password: 'y' }),
      });
      expect(response.status).toBe(429);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = (await response.json()) as { error: { code: string; message: string; details: { reason: string } } };
      expect(body.error).toEqual({ code: 'rate_limited', message: '登录尝试过于频繁，请稍后再试', details: { reason: 'rate_limited' } });
    } finally {
      await limited.close();
    }
  });
});
