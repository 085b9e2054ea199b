import {
  ApiError,
  auth,
  type CallOptions,
  createApiClient,
  type Endpoint,
  type EndpointInput,
  type EndpointOutput,
  randomIdempotencyKey,
} from '@zhijian/shared';
import { API_BASE } from './env';
import { goToSignIn } from './navigation';
import { markReachable, markUnreachable } from './network';
import { canRenew, clearSession, freshness, getSession, getToken, saveSession } from './session';
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
  // Every write carries a key made here, so a retry after a lost answer is done once (issue 19).
  makeIdempotencyKey: randomIdempotencyKey,
  onUnauthorized(error: ApiError) {
    if (!getToken()) return;
    clearSession();
    goToSignIn(error.message);
  },
});

let renewing: Promise<void> | null = null;

/**
 * Renews the sign-in once its access token is due or gone: the refresh token (single-use) buys a
 * new pair. A refused renewal (401: signed out, removed, reused elsewhere) ends the session through
 * onUnauthorized; one that did not reach the server keeps the current token. Without a refresh
 * token that can still renew, an expired access token ends the session.
 */
export async function ensureFreshToken(now = Date.now()): Promise<void> {
  const session = getSession();
  if (!session) return;
  const state = freshness(session, now);
  if (state === 'fresh') return;
  if (!canRenew(session, now)) {
    if (state === 'expired') {
      clearSession();
      goToSignIn('登录已过期，请重新登录');
    }
    return;
  }
  // One renewal at a time: the server ends the sign-in when a refresh token arrives twice.
  renewing ??= client
    .call(auth.refresh, { body: { refreshToken: session.refreshToken } })
    .then((signedIn) => {
      saveSession(signedIn);
    })
    .catch(() => undefined)
    .finally(() => {
      renewing = null;
    });
  await renewing;
}

/**
 * Calls an endpoint, renewing the token first when it is due; signed out, only a public one. Whether an answer came at all tells
 * the network banner (`network.ts`) whether the server can be reached.
 */
export async function call<E extends Endpoint>(endpoint: E, input?: EndpointInput<E>, options?: CallOptions): Promise<EndpointOutput<E>> {
  if (endpoint.access !== 'public') {
    await ensureFreshToken();
    // Signed out: the server could only answer 401 (a failed request in the console); the page is
    // already on its way to sign-in (useRequireSession), so the call ends here.
    if (!getToken()) throw new ApiError(401, 'unauthorized', '请先登录');
  }
  try {
    const result = await client.call(endpoint, input, options);
    markReachable();
    return result;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'network') markUnreachable();
    else if (error instanceof ApiError && error.status > 0) markReachable();
    throw error;
  }
}

/** What an endpoint takes as its body, its query: from the contract's schemas (`z.input`). */
export type Body<E extends Endpoint> = EndpointInput<E>['body'];
export type Query<E extends Endpoint> = NonNullable<EndpointInput<E>['query']>;
