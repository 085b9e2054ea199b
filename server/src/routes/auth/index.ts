import type Router from '@koa/router';
import { api, authRefusals, commonRefusals } from '@zhijian/shared';
import { bindAttempt } from '../../auth/bindAttempts';
import { loadCurrentUser } from '../../auth/currentUser';
import { verifyPassword } from '../../auth/passwords';
import { bindMember } from '../../commands/bindMember';
import { endSession } from '../../commands/endSession';
import { refreshSession } from '../../commands/refreshSession';
import { AppError, refuse } from '../../errors';
import { presentMe, presentMyContact } from '../../presenters/me';
import { loadMe } from '../../queries/me';
import { findAccount, findMemberIdByOpenid } from '../../queries/members';
import { mount, mountPublic } from '../../routing/mount';
import type { AppServices } from '../../services';
import { DEV_ACCOUNTS, DEV_CODE_PREFIX } from './devAccounts';
import { signedIn, tokenPair } from './signIn';

/** Stands in for a real hash when a username is unknown, so both paths take the same time. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Jb8c3lU2nYcF4mE5Q0b9mXk2u3mQ3w1Yl0fM6ZQm9hA';

/** The openid WeChat vouches for; or, where development sign-in is on, the one a `dev:` code names. */
async function openidFor(services: AppServices, code: string): Promise<string> {
  if (!code.startsWith(DEV_CODE_PREFIX)) return (await services.wechat.code2Session(code)).openid;
  if (!services.config.devSignIn) throw refuse(authRefusals.dev_sign_in_disabled);
  const openid = code.slice(DEV_CODE_PREFIX.length).trim();
  if (!openid) {
    throw refuse(commonRefusals.invalid_fields, {
      issues: [{ path: 'body.code', label: '登录凭证', message: '开发登录码格式应为 dev:<openid>' }],
    });
  }
  return openid;
}

/** Sign-in: WeChat (then binding to the roster once), the console's password, renewal, sign-out, and "me". */
export function authRoutes(services: AppServices, router: Router): Router {
  const { db, tokens } = services;

  mountPublic(router, services, api.auth.options, async () => ({
    devSignIn: services.config.devSignIn,
    devAccounts: services.config.devSignIn ? [...DEV_ACCOUNTS] : [],
    wechat: Boolean(services.config.wechat.appId),
  }));

  mountPublic(router, services, api.auth.wechat, async ({ body, run }) => {
    const openid = await openidFor(services, body.code);
    const memberId = await findMemberIdByOpenid(db, openid);
    const user = memberId === undefined ? undefined : await loadCurrentUser(db, memberId);
    if (user) return signedIn(services, run, user);
    const ticket = tokens.issueBindTicket(openid);
    return { status: 'unbound' as const, bindTicket: ticket.token, ticketExpiresAt: ticket.expiresAt.toISOString() };
  });

  mountPublic(router, services, api.auth.bind, async ({ body, koa, run }) => {
    const { openid } = tokens.verifyBindTicket(body.ticket);
    const attempt = bindAttempt(services, openid, koa.ip);
    await attempt.refuseIfBlocked();
    let memberId: number;
    try {
      memberId = await run(bindMember, { openid, inviteCode: body.inviteCode, name: body.name, phone: body.phone });
    } catch (error) {
      if (error instanceof AppError && error.reason === authRefusals.bind_mismatch.reason) await attempt.failed();
      throw error;
    }
    await attempt.succeeded();
    const user = await loadCurrentUser(db, memberId);
    if (!user) throw refuse(commonRefusals.internal);
    return signedIn(services, run, user);
  });

  mountPublic(router, services, api.auth.password, async ({ body, run }) => {
    const account = await findAccount(db, body.username);
    const valid = await verifyPassword(account?.passwordHash ?? DUMMY_HASH, body.password);
    const user = account && valid ? await loadCurrentUser(db, account.id) : undefined;
    if (!user) throw refuse(authRefusals.wrong_password);
    return signedIn(services, run, user);
  });

  mountPublic(router, services, api.auth.refresh, async ({ body, run }) => {
    const outcome = await run(refreshSession, { refreshToken: body.refreshToken, ttlSeconds: services.config.refreshTtlSeconds });
    if (outcome.status === 'refused') throw refuse(authRefusals[outcome.reason]);
    // The member's roster entry goes with its sessions (cascade), so it is there while the session is.
    const user = await loadCurrentUser(db, outcome.session.memberId);
    if (!user) throw refuse(authRefusals.session_revoked);
    return tokenPair(services, user, outcome);
  });

  mountPublic(router, services, api.auth.signOut, async ({ body, run }) => {
    await run(endSession, { refreshToken: body.refreshToken });
    return { ok: true as const };
  });

  mount(router, services, api.auth.me, async ({ user }) => presentMe(await loadMe(db, user)));

  // Only the caller's own roster entry: nobody reads another person's phone through this.
  mount(router, services, api.auth.contact, async ({ user }) => presentMyContact(user));

  return router;
}
