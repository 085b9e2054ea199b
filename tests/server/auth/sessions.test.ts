import { createHash } from 'node:crypto';
import { api, authRefusals, commonRefusals, memberRefusals, type SignedIn } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/src/config';
import { auditLog, members, sessions } from '../../../server/src/db/schema';
import { createMember, createUnit, signedInMember } from '../../support/factories';
import { expectRefused, refusalOf } from '../../support/refusals';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../../support/testServer';

/**
 * Sign-ins as database rows: access tokens honoured only while their session is live, refresh
 * tokens single-use with reuse detection, sign-out, and the roster ending sessions.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const DAY = 24 * 3600 * 1000;

/** A roster member with a bound WeChat account, signed in through `POST /api/auth/wechat`. */
async function wechatSignIn(roles: ('member' | 'info_officer' | 'unit_admin')[] = ['member']) {
  const unit = await createUnit(server.db);
  const openid = `openid-${Math.random().toString(36).slice(2)}`;
  const member = await createMember(server.db, { unitId: unit.id, roles, openid });
  const signedIn = await server.client.call(api.auth.wechat, { body: { code: server.wechat.issueCode(openid) } });
  if (signedIn.status !== 'signed_in') throw new Error('expected sign-in');
  return { member, signedIn };
}

const refresh = (refreshToken: string) => server.client.call(api.auth.refresh, { body: { refreshToken } });
const me = (token: string) => server.clientWith(token).call(api.auth.me);

async function sessionOf(signedIn: SignedIn) {
  const [row] = await server.db
    .select()
    .from(sessions)
    .where(eq(sessions.familyId, signedIn.refreshToken.split('.')[0]!));
  return row;
}

/** An access token signed with the server's secret, carrying whatever claims a test needs. */
function forgedAccess(claims: object, options: jwt.SignOptions = {}) {
  const iat = Math.floor(server.clock.now().getTime() / 1000);
  return jwt.sign({ iat, ...claims }, TEST_JWT_SECRET, { issuer: 'zhijian', audience: 'zhijian-api', algorithm: 'HS256', ...options });
}

describe('signing in', () => {
  it('answers a short-lived access token with exp and a session id, and an opaque refresh token kept only as its hash', async () => {
    const { member, signedIn } = await wechatSignIn();
    const claims = jwt.decode(signedIn.token) as Record<string, unknown>;
    expect(claims).toMatchObject({ sub: String(member.id), sid: expect.any(Number), exp: expect.any(Number) });
    expect((claims.exp as number) * 1000 - server.clock.now().getTime()).toBe(server.config.tokenTtlSeconds * 1000);
    expect(signedIn.refreshToken).not.toBe(signedIn.token);
    expect(new Date(signedIn.refreshExpiresAt).getTime() - server.clock.now().getTime()).toBe(server.config.refreshTtlSeconds * 1000);

    const row = await sessionOf(signedIn);
    expect(row).toMatchObject({ id: claims.sid, memberId: member.id, revokedAt: null, refreshedAt: null });
    expect(row!.refreshTokenHash).toBe(createHash('sha256').update(signedIn.refreshToken).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(signedIn.refreshToken.split('.')[1]);
  });

  it('starts one session per sign-in', async () => {
    const { member } = await wechatSignIn();
    const again = await server.client.call(api.auth.wechat, { body: { code: server.wechat.issueCode(member.openid!) } });
    expect(again.status).toBe('signed_in');
    const rows = await server.db.select().from(sessions).where(eq(sessions.memberId, member.id));
    expect(rows).toHaveLength(2);
  });

  it('refuses a refresh lifetime shorter than the access token lifetime', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, TOKEN_TTL_SECONDS: '7200', REFRESH_TTL_SECONDS: '3600' }),
    ).toThrow(/REFRESH_TTL_SECONDS/);
  });
});

describe('POST /api/auth/refresh', () => {
  it('trades the refresh token for a new pair that outlives the old one, and retires the old token', async () => {
    const { member, signedIn: first } = await wechatSignIn();
    server.clock.advance(60 * 60 * 1000);
    const renewed = await refresh(first.refreshToken);
    expect(renewed.user.id).toBe(member.id);
    expect(renewed.refreshToken).not.toBe(first.refreshToken);
    expect(new Date(renewed.expiresAt).getTime()).toBeGreaterThan(new Date(first.expiresAt).getTime());
    expect(new Date(renewed.refreshExpiresAt).getTime()).toBeGreaterThan(new Date(first.refreshExpiresAt).getTime());
    expect((jwt.decode(renewed.token) as { sid: number }).sid).toBe((jwt.decode(first.token) as { sid: number }).sid);
    const row = await sessionOf(renewed);
    expect(row!.refreshedAt).toEqual(server.clock.now());

    // The old access token lives out its short life; the new one goes on.
    server.clock.advance(90 * 60 * 1000);
    await expectRefused(me(first.token), commonRefusals.token_expired);
    await expect(me(renewed.token)).resolves.toMatchObject({ id: member.id });
  });

  it('renews a sign-in whose access token has already expired', async () => {
    const { member, signedIn } = await wechatSignIn();
    server.clock.advance(server.config.tokenTtlSeconds * 1000 + 1000);
    await expectRefused(me(signedIn.token), commonRefusals.token_expired);
    const renewed = await refresh(signedIn.refreshToken);
    await expect(me(renewed.token)).resolves.toMatchObject({ id: member.id });
  });

  it('ends the whole sign-in when a used refresh token comes back: the thief and the owner are both out', async () => {
    const { signedIn: owner } = await wechatSignIn();
    // Someone with a copy of the owner's refresh token uses it first …
    const thief = await refresh(owner.refreshToken);
    await expect(me(thief.token)).resolves.toBeDefined();
    // … and when the owner presents it, the server cannot tell who is who: everyone is signed out.
    await expectRefused(refresh(owner.refreshToken), authRefusals.refresh_token_reused);
    await expectRefused(refresh(thief.refreshToken), authRefusals.session_revoked);
    await expectRefused(me(thief.token), commonRefusals.unauthorized);
    await expectRefused(me(owner.token), commonRefusals.unauthorized);

    const row = await sessionOf(owner);
    expect(row).toMatchObject({ revokedAt: server.clock.now(), revokedReason: 'refresh_token_reused' });
    const trail = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'session.revoke'), eq(auditLog.entityId, String(row!.memberId))));
    expect(trail).toHaveLength(1);
    expect(trail[0]!.after).toMatchObject({ session: row!.id, reason: 'refresh_token_reused' });
    expect(JSON.stringify(trail)).not.toContain(owner.refreshToken);
  });

  it('lets exactly one of several refreshes with the same token through; the others are reuse and end the sign-in', async () => {
    const { signedIn } = await wechatSignIn();
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => refresh(signedIn.refreshToken)));
    const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(won).toHaveLength(1);
    const reasons = await Promise.all(lost.map(async (error) => (await refusalOf(Promise.reject(error))).reason));
    expect(reasons).toContain('refresh_token_reused');
    for (const error of lost) {
      const refusal = await refusalOf(Promise.reject(error));
      expect(refusal.status).toBe(401);
      expect(['refresh_token_reused', 'session_revoked']).toContain(refusal.reason);
    }
    // One new pair was minted, and it went down with the sign-in.
    await expectRefused(refresh(won[0]!.refreshToken), authRefusals.session_revoked);
    await expectRefused(me(won[0]!.token), commonRefusals.unauthorized);
    expect(await sessionOf(signedIn)).toMatchObject({ revokedReason: 'refresh_token_reused' });
  });

  it('refuses a refresh token past its expiry', async () => {
    const { signedIn } = await wechatSignIn();
    server.clock.advance(server.config.refreshTtlSeconds * 1000 + 1000);
    await expectRefused(refresh(signedIn.refreshToken), authRefusals.refresh_token_expired);
  });

  it('gives a sign-in in use more time at each refresh', async () => {
    const { member, signedIn } = await wechatSignIn();
    let current = signedIn;
    for (let i = 0; i < 3; i += 1) {
      server.clock.advance(20 * DAY);
      current = await refresh(current.refreshToken);
    }
    await expect(me(current.token)).resolves.toMatchObject({ id: member.id });
  });

  it('refuses a refresh token it never issued', async () => {
    const { signedIn } = await wechatSignIn();
    const [family] = signedIn.refreshToken.split('.');
    for (const token of ['not-a-token', `${family}.short`, `${family}.${'B'.repeat(43)}.x`, `${'A'.repeat(22)}.${'B'.repeat(43)}`]) {
      await expectRefused(refresh(token), authRefusals.refresh_token_invalid);
    }
    // A guess at the secret of a real family is reuse, as far as the server can tell.
    await expectRefused(refresh(`${family}.${'B'.repeat(43)}`), authRefusals.refresh_token_reused);
  });

  it('refuses an empty body with 400', async () => {
    const response = await fetch(`${server.url}/api/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(400);
  });
});

describe('POST /api/auth/sign-out', () => {
  it('ends this sign-in at once and leaves the member’s other sign-ins alone', async () => {
    const { member, signedIn: phone } = await wechatSignIn();
    const other = await server.client.call(api.auth.wechat, { body: { code: server.wechat.issueCode(member.openid!) } });
    if (other.status !== 'signed_in') throw new Error('expected sign-in');

    await expect(server.client.call(api.auth.signOut, { body: { refreshToken: phone.refreshToken } })).resolves.toEqual({ ok: true });
    await expectRefused(me(phone.token), commonRefusals.unauthorized);
    await expectRefused(refresh(phone.refreshToken), authRefusals.session_revoked);
    expect(await sessionOf(phone)).toMatchObject({ revokedAt: server.clock.now(), revokedReason: 'signed_out' });

    await expect(me(other.token)).resolves.toMatchObject({ id: member.id });
    await expect(refresh(other.refreshToken)).resolves.toMatchObject({ status: 'signed_in' });
  });

  it('answers ok for a token that is unknown or already signed out, telling nothing', async () => {
    const { signedIn } = await wechatSignIn();
    await server.client.call(api.auth.signOut, { body: { refreshToken: signedIn.refreshToken } });
    await expect(server.client.call(api.auth.signOut, { body: { refreshToken: signedIn.refreshToken } })).resolves.toEqual({ ok: true });
    await expect(server.client.call(api.auth.signOut, { body: { refreshToken: 'whatever' } })).resolves.toEqual({ ok: true });
  });

  it('takes a used refresh token for what it is: the sign-in ends as reused', async () => {
    const { signedIn } = await wechatSignIn();
    const renewed = await refresh(signedIn.refreshToken);
    await server.client.call(api.auth.signOut, { body: { refreshToken: signedIn.refreshToken } });
    await expectRefused(me(renewed.token), commonRefusals.unauthorized);
    expect(await sessionOf(signedIn)).toMatchObject({ revokedReason: 'refresh_token_reused' });
  });
});

describe('access tokens', () => {
  it('refuses a token without exp, even one signed with the right secret for a live session', async () => {
    const { member, sessionId } = await signedInMember(server, ['member']);
    const forever = forgedAccess({ roles: ['member'], sid: sessionId }, { subject: String(member.id) });
    expect(jwt.decode(forever)).not.toHaveProperty('exp');
    await expectRefused(me(forever), commonRefusals.unauthorized);
  });

  it('refuses a token without a session id (as issued before sessions)', async () => {
    const { member } = await signedInMember(server, ['member']);
    await expectRefused(
      me(forgedAccess({ roles: ['member'] }, { subject: String(member.id), expiresIn: 3600 })),
      commonRefusals.unauthorized,
    );
  });

  it('answers 401, never 500, for a subject or session id no integer column can hold', async () => {
    const { member, sessionId } = await signedInMember(server, ['member']);
    const tokens = [
      forgedAccess({ roles: ['member'], sid: sessionId }, { subject: '2147483648', expiresIn: 3600 }),
      forgedAccess({ roles: ['member'], sid: sessionId }, { subject: '99999999999999999999', expiresIn: 3600 }),
      forgedAccess({ roles: ['member'], sid: 2 ** 31 }, { subject: String(member.id), expiresIn: 3600 }),
      forgedAccess({ roles: ['member'], sid: 1.5 }, { subject: String(member.id), expiresIn: 3600 }),
      forgedAccess({ roles: ['member'], sid: sessionId }, { subject: '0', expiresIn: 3600 }),
    ];
    for (const token of tokens) await expectRefused(me(token), commonRefusals.unauthorized);
  });

  it("refuses a member's token naming someone else's session", async () => {
    const { sessionId } = await signedInMember(server, ['member']);
    const { member: other } = await signedInMember(server, ['member']);
    const token = forgedAccess({ roles: ['member'], sid: sessionId }, { subject: String(other.id), expiresIn: 3600 });
    await expectRefused(me(token), commonRefusals.unauthorized);
  });
});

describe('the roster ends sessions', () => {
  it('ends every sign-in of a member taken off the roster', async () => {
    const { member, signedIn } = await wechatSignIn();
    const { client: admin } = await signedInMember(server, ['unit_admin'], { unitId: member.unitId });
    await admin.call(api.members.remove, { params: { id: member.id } });
    await expectRefused(me(signedIn.token), commonRefusals.unauthorized);
    await expectRefused(refresh(signedIn.refreshToken), authRefusals.refresh_token_invalid);
    expect(await server.db.select().from(sessions).where(eq(sessions.memberId, member.id))).toEqual([]);
  });

  it('ends every sign-in of a member whose role is taken away, and none when roles are only added', async () => {
    const { member, signedIn } = await wechatSignIn(['member', 'info_officer']);
    const second = await server.client.call(api.auth.wechat, { body: { code: server.wechat.issueCode(member.openid!) } });
    if (second.status !== 'signed_in') throw new Error('expected sign-in');
    const { client: admin } = await signedInMember(server, ['unit_admin'], { unitId: member.unitId });

    await admin.call(api.members.update, { params: { id: member.id }, body: { name: '改名不影响登录' } });
    await admin.call(api.members.update, { params: { id: member.id }, body: { roles: ['member', 'info_officer', 'unit_admin'] } });
    await expect(me(signedIn.token)).resolves.toMatchObject({ roles: ['member', 'info_officer', 'unit_admin'] });

    await admin.call(api.members.update, { params: { id: member.id }, body: { roles: ['member', 'unit_admin'] } });
    for (const session of [signedIn, second]) {
      await expectRefused(me(session.token), commonRefusals.unauthorized);
      await expectRefused(refresh(session.refreshToken), authRefusals.session_revoked);
      expect(await sessionOf(session)).toMatchObject({ revokedReason: 'roles_reduced' });
    }
    // Signing in again gives the member their new roles.
    const again = await server.client.call(api.auth.wechat, { body: { code: server.wechat.issueCode(member.openid!) } });
    expect(again.status === 'signed_in' && again.user.roles).toEqual(['member', 'unit_admin']);
  });

  it('keeps sessions when a role change is refused', async () => {
    const { member, signedIn } = await wechatSignIn(['member', 'unit_admin']);
    const self = server.clientWith(signedIn.token);
    await expectRefused(
      self.call(api.members.update, { params: { id: member.id }, body: { roles: ['member'] } }),
      memberRefusals.cannot_drop_own_admin_role,
    );
    await expect(me(signedIn.token)).resolves.toMatchObject({ roles: ['member', 'unit_admin'] });
    const [row] = await server.db.select().from(members).where(eq(members.id, member.id));
    expect(row!.roles).toEqual(['member', 'unit_admin']);
  });
});
