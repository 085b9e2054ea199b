import type Router from '@koa/router';
import { api, normalizePhone } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { loadCurrentUser } from '../../auth/currentUser';
import { verifyPassword } from '../../auth/passwords';
import { members, units } from '../../db/schema';
import { conflict, legacyError } from '../../legacyErrors';
import { presentMe } from '../../presenters/me';
import { mount, mountPublic } from '../../routing/mount';
import type { AppServices } from '../../services';
import { DEV_ACCOUNTS, DEV_CODE_PREFIX } from './devAccounts';
import { signedIn } from './signIn';

/** Stands in for a real hash when a username is unknown, so both paths take the same time. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Jb8c3lU2nYcF4mE5Q0b9mXk2u3mQ3w1Yl0fM6ZQm9hA';

async function openidFor(services: AppServices, code: string): Promise<string> {
  if (code.startsWith(DEV_CODE_PREFIX)) {
    if (!services.config.devSignIn) throw legacyError('forbidden', '开发登录仅在开发环境可用');
    const openid = code.slice(DEV_CODE_PREFIX.length).trim();
    if (!openid) throw legacyError('invalid_input', '开发登录码格式应为 dev:<openid>');
    return openid;
  }
  return (await services.wechat.code2Session(code)).openid;
}

export function authRoutes(services: AppServices, router: Router): Router {
  mountPublic(router, services, api.auth.options, async () => ({
    devSignIn: services.config.devSignIn,
    devAccounts: services.config.devSignIn ? [...DEV_ACCOUNTS] : [],
    wechat: Boolean(services.config.wechat.appId),
  }));

  mountPublic(router, services, api.auth.wechat, async ({ body }) => {
    const openid = await openidFor(services, body.code);
    const [bound] = await services.db.select({ id: members.id }).from(members).where(eq(members.openid, openid));
    const user = bound ? await loadCurrentUser(services.db, bound.id) : undefined;
    if (user) return signedIn(services, user);
    const ticket = services.tokens.issueBindTicket(openid);
    return { status: 'unbound' as const, bindTicket: ticket.token, ticketExpiresAt: ticket.expiresAt.toISOString() };
  });

  mountPublic(router, services, api.auth.bind, async ({ body, koa }) => {
    const { openid } = services.tokens.verifyBindTicket(body.ticket);
    const throttles = [
      { throttle: services.bindFailuresByAccount, key: openid },
      { throttle: services.bindFailuresByAddress, key: koa.ip },
    ];
    if (throttles.some(({ throttle, key }) => throttle.isBlocked(key))) {
      throw legacyError('rate_limited', '尝试次数过多，请 15 分钟后再试');
    }
    const phone = normalizePhone(body.phone);
    const [match] = await services.db
      .select({ id: members.id, openid: members.openid })
      .from(members)
      .innerJoin(units, eq(units.id, members.unitId))
      .where(and(eq(units.inviteCode, body.inviteCode.toUpperCase()), eq(members.name, body.name), eq(members.phone, phone)));
    if (!match) {
      throttles.forEach(({ throttle, key }) => throttle.recordFailure(key));
      // One message for every mismatch: which part was wrong is not revealed.
      throw legacyError('bind_mismatch');
    }
    if (match.openid && match.openid !== openid) throw conflict('该党员已绑定其他微信账号，请联系本单位党务工作者');
    const [alreadyBound] = await services.db.select({ id: members.id }).from(members).where(eq(members.openid, openid));
    if (alreadyBound && alreadyBound.id !== match.id) throw conflict('该微信账号已绑定其他党员');
    await services.db.update(members).set({ openid, updatedAt: services.clock.now() }).where(eq(members.id, match.id));
    services.bindFailuresByAccount.clear(openid);
    const user = await loadCurrentUser(services.db, match.id);
    if (!user) throw legacyError('internal');
    return signedIn(services, user);
  });

  mountPublic(router, services, api.auth.password, async ({ body }) => {
    const [account] = await services.db
      .select({ id: members.id, passwordHash: members.passwordHash })
      .from(members)
      .where(eq(members.username, body.username));
    const valid = await verifyPassword(account?.passwordHash ?? DUMMY_HASH, body.password);
    const user = account && valid ? await loadCurrentUser(services.db, account.id) : undefined;
    if (!user) throw legacyError('unauthorized', '用户名或密码错误');
    return signedIn(services, user);
  });

  mount(router, services, api.auth.refresh, async ({ user }) => signedIn(services, user));
  mount(router, services, api.auth.me, async ({ user }) => presentMe(services.db, user));

  return router;
}
