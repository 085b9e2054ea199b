import Taro from '@tarojs/taro';
import { auth, type BindBody, type SignedIn, type SignInOptions, type Unbound } from '@zhijian/shared';
import type { z } from 'zod';
import { call, ensureFreshToken } from './api';
import { UserError } from './errors';
import { goToSignIn } from './navigation';
import { clearSession, getSession, saveSession, updateUser } from './session';
import { createStore } from './store';

/** A WeChat account that signed in but is not bound to a roster entry yet: the server's answer. */
export type PendingBind = Omit<z.output<typeof Unbound>, 'status'>;

/** Kept in memory only: the ticket is short-lived and never needs to survive a restart. */
export const pendingBindStore = createStore<PendingBind | null>(null);

export type SignInOutcome = { status: 'signed_in'; signedIn: SignedIn } | { status: 'unbound'; pending: PendingBind };

export function fetchSignInOptions(): Promise<SignInOptions> {
  return call(auth.options);
}

/** Exchanges a login code (from wx.login, or a `dev:` code) for a token or a bind ticket. */
export async function signInWithCode(code: string): Promise<SignInOutcome> {
  const result = await call(auth.wechat, { body: { code } });
  if (result.status === 'signed_in') {
    saveSession(result);
    pendingBindStore.set(null);
    return { status: 'signed_in', signedIn: result };
  }
  const pending = { bindTicket: result.bindTicket, ticketExpiresAt: result.ticketExpiresAt };
  pendingBindStore.set(pending);
  return { status: 'unbound', pending };
}

/** WeChat sign-in: a fresh single-use code from wx.login each time. */
export async function signInWithWechat(): Promise<SignInOutcome> {
  let code: string;
  try {
    ({ code } = await Taro.login());
  } catch {
    throw new UserError('微信登录失败，请检查网络后重试');
  }
  return signInWithCode(code);
}

/** What the person types on the bind page; the ticket comes from the sign-in. */
export type BindInput = Omit<z.input<typeof BindBody>, 'ticket'>;

export async function bindAccount(input: BindInput): Promise<SignedIn> {
  const pending = pendingBindStore.get();
  if (!pending) throw new UserError('绑定凭证已失效，请返回重新登录');
  const signedIn = await call(auth.bind, { body: { ticket: pending.bindTicket, ...input } });
  saveSession(signedIn);
  pendingBindStore.set(null);
  return signedIn;
}

export async function signInWithPassword(username: string, password: string): Promise<SignedIn> {
  const signedIn = await call(auth.password, { body: { username, password } });
  saveSession(signedIn);
  return signedIn;
}

/** Reloads the profile (roles or unit may have changed since sign-in). */
export async function refreshProfile() {
  const me = await call(auth.me);
  updateUser(me);
  return me;
}

/** Ends the sign-in on the server too (best effort: offline, its refresh token is dropped all the same). */
export function signOut(): void {
  const session = getSession();
  if (session) void call(auth.signOut, { body: { refreshToken: session.refreshToken } }).catch(() => undefined);
  clearSession();
  goToSignIn(undefined, { comeBack: false });
}

/** Renews the token in the last part of its life (back from the background, a page shown); an expired one ends the session. */
export function keepSessionFresh(): Promise<void> {
  return ensureFreshToken();
}
