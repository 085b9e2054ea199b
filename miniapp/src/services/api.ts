import { api, type ApiError, createApiClient, type Endpoint, type EndpointInput, type EndpointOutput } from '@zhijian/shared';
import { API_BASE } from './env';
import { goToSignIn } from './navigation';
import { clearSession, freshness, getSession, getToken, saveSession } from './session';
import { taroTransport } from './transport';

/**
 * The one API client of the mini-program. A 401 on a signed-in call clears the stored token and
 * returns to sign-in; a 401 without a token (a wrong password) is left to the page to show.
 */
export const client = createApiClient({
  transport: taroTransport(),
  baseUrl: API_BASE,
  getToken,
  timeoutMs: 15_000,
  onUnauthorized(error: ApiError) {
    if (!getToken()) return;
    clearSession();
    goToSignIn(error.message);
  },
});

let renewing: Promise<void> | null = null;

/** Renews the token in the last part of its life; an expired one ends the session. */
export async function ensureFreshToken(now = Date.now()): Promise<void> {
  const session = getSession();
  if (!session) return;
  const state = freshness(session, now);
  if (state === 'fresh') return;
  if (state === 'expired') {
    clearSession();
    goToSignIn('登录已过期，请重新登录');
    return;
  }
  renewing ??= client
    .call(api.auth.refresh)
    .then((signedIn) => {
      saveSession(signedIn);
    })
    // A failed renewal keeps the current, still valid token; a 401 was handled by onUnauthorized.
    .catch(() => undefined)
    .finally(() => {
      renewing = null;
    });
  await renewing;
}

/** Calls an endpoint, renewing the token first when it is due. */
export async function call<E extends Endpoint>(endpoint: E, input?: EndpointInput<E>): Promise<EndpointOutput<E>> {
  if (endpoint.access !== 'public') await ensureFreshToken();
  return client.call(endpoint, input);
}

/** What an endpoint takes as its body, its query: from the contract's schemas (`z.input`). */
export type Body<E extends Endpoint> = EndpointInput<E>['body'];
export type Query<E extends Endpoint> = NonNullable<EndpointInput<E>['query']>;

export { api };
