import Taro from '@tarojs/taro';
import type { Me, SignedIn } from '@zhijian/shared';
import { SESSION_KEY as STORAGE_KEY } from './storageKeys';
import { createStore } from './store';

/**
 * The signed-in answer as stored on the device — the access token sent with every call, the
 * single-use refresh token traded for a new pair when the access token is due (the server ends
 * the sign-in if it sees one twice), both expiry times — and when it came (ms), to renew the
 * token once three quarters of its life have passed.
 */
export type Session = Pick<SignedIn, 'token' | 'expiresAt' | 'refreshToken' | 'refreshExpiresAt' | 'user'> & { receivedAt: number };

/** A session stored by an older version (no refresh token) is not one: its sign-in cannot be renewed. */
function isSession(value: unknown): value is Session {
  const v = value as Partial<Session> | null;
  return (
    !!v &&
    typeof v.token === 'string' &&
    typeof v.expiresAt === 'string' &&
    typeof v.refreshToken === 'string' &&
    typeof v.refreshExpiresAt === 'string' &&
    typeof v.receivedAt === 'number' &&
    !!v.user
  );
}

function load(): Session | null {
  try {
    const stored: unknown = Taro.getStorageSync(STORAGE_KEY);
    return isSession(stored) ? stored : null;
  } catch {
    return null;
  }
}

export const sessionStore = createStore<Session | null>(load());

export function getSession(): Session | null {
  return sessionStore.get();
}

export function getToken(): string | null {
  return sessionStore.get()?.token ?? null;
}

export function saveSession(signedIn: SignedIn, now = Date.now()): Session {
  const session: Session = {
    token: signedIn.token,
    expiresAt: signedIn.expiresAt,
    refreshToken: signedIn.refreshToken,
    refreshExpiresAt: signedIn.refreshExpiresAt,
    receivedAt: now,
    user: signedIn.user,
  };
  Taro.setStorageSync(STORAGE_KEY, session);
  sessionStore.set(session);
  return session;
}

export function updateUser(user: Me): void {
  const current = sessionStore.get();
  if (!current) return;
  const next = { ...current, user };
  Taro.setStorageSync(STORAGE_KEY, next);
  sessionStore.set(next);
}

export function clearSession(): void {
  Taro.removeStorageSync(STORAGE_KEY);
  sessionStore.set(null);
}

/** Re-reads storage, e.g. after another page changed it. */
export function reloadSession(): void {
  sessionStore.set(load());
}

export type Freshness = 'fresh' | 'renew' | 'expired';

/** Whether the access token is still good, due for renewal (last quarter of its life, at most 30 min), or gone. */
export function freshness(session: Session, now = Date.now()): Freshness {
  const expiresAt = Date.parse(session.expiresAt);
  if (!Number.isFinite(expiresAt) || now >= expiresAt - 10_000) return 'expired';
  const lifetime = Math.max(expiresAt - session.receivedAt, 0);
  const margin = Math.min(lifetime / 4, 30 * 60_000);
  return now >= expiresAt - margin ? 'renew' : 'fresh';
}

/** Whether the refresh token can still renew the sign-in (with a little room for the request). */
export function canRenew(session: Session, now = Date.now()): boolean {
  const until = Date.parse(session.refreshExpiresAt);
  return Number.isFinite(until) && now < until - 10_000;
}
