import { useDidShow } from '@tarojs/taro';
import { hasAnyRole, type Role } from '@zhijian/shared';
import { keepSessionFresh } from '../services/auth';
import { goToSignIn } from '../services/navigation';
import { getSession, sessionStore, type Session } from '../services/session';
import { useStore } from './useStore';

export function useSession(): Session | null {
  return useStore(sessionStore);
}

/**
 * For pages behind sign-in: each time the page shows, a missing session goes back to sign-in
 * and a token near its end is renewed (timers do not run while the app is in the background).
 */
export function useRequireSession(): Session | null {
  const session = useSession();
  useDidShow(() => {
    if (!getSession()) goToSignIn();
    else void keepSessionFresh();
  });
  return session;
}

export function useHasRole(roles: readonly Role[]): boolean {
  const session = useSession();
  return !!session && hasAnyRole(session.user.roles, roles);
}
