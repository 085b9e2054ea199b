import { buildPath, buildQuery, type Endpoint, type EndpointInput, type EndpointOutput, type EndpointRefusalDetails } from '../contract';
import { ERROR_MESSAGES, ErrorBody, type ErrorCode, type ErrorDetails } from '../errors';
import type { Refusal, RefusalDetails } from '../refusal';
import { TransportError, type Transport } from './transport';

/** An error answer of the API, or a failure to reach it, with the Chinese message to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network' | 'timeout' | 'bad_response',
    message: string,
    /** The server's `error.details`; none when the server was not reached. */
    readonly details?: ErrorDetails,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Why the server refused, e.g. `slot_expired`; undefined when it was not reached. */
  get reason(): string | undefined {
    return this.details?.reason;
  }
}

/** The error as one of `endpoint`'s refusals (or a common one), typed to switch on `reason`; null otherwise. */
export function refusalOf<E extends Endpoint>(error: unknown, _endpoint: E): EndpointRefusalDetails<E> | null {
  if (!(error instanceof ApiError) || !error.details) return null;
  return error.details as EndpointRefusalDetails<E>;
}

/** Whether the error is this refusal; narrows its details. */
export function isRefusal<F extends Refusal>(error: unknown, refusal: F): error is ApiError & { details: RefusalDetails<F> } {
  return error instanceof ApiError && error.details?.reason === refusal.reason;
}

export interface ApiClientOptions {
  transport: Transport;
  /** Origin of the API, e.g. `https://dj.example.org`; empty for same-origin. */
  baseUrl: string;
  getToken?: () => string | null | undefined;
  /** Called on every 401, e.g. to clear the stored token and go back to sign-in. */
  onUnauthorized?: (error: ApiError) => void;
  timeoutMs?: number;
  /**
   * Makes an `Idempotency-Key` for each write (any method but GET) that does not bring its own:
   * the server then does the write once however often it arrives, so a lost answer may be retried.
   */
  makeIdempotencyKey?: () => string;
}

export interface CallOptions {
  /** The key of this write, e.g. an outbox item's, kept across retries; else one is made per call. */
  idempotencyKey?: string;
  /**
   * A copy kept elsewhere (on the device, say) with its ETag: asked for with If-None-Match when the
   * client holds none of its own, and answered from on a 304.
   */
  revalidate?: { etag: string; body: unknown };
  /** Told the ETag of the answer (fresh or still valid), to keep beside the copy. */
  onEtag?: (etag: string) => void;
}

const IDEMPOTENT = new Set(['GET', 'PUT', 'DELETE']);
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/**
 * A random key of 32 hex digits: from `crypto.getRandomValues` where the platform has it (browsers,
 * Node), else from `Math.random` and the time — unique enough to tell one member's writes apart.
 */
export function randomIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  // Older WeChat engines have no globalThis (nor crypto): Math.random it is there.
  const scope =
    typeof globalThis === 'undefined' ? undefined : (globalThis as { crypto?: { getRandomValues?: (array: Uint8Array) => Uint8Array } });
  const crypto = scope?.crypto;
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let index = 0; index < bytes.length; index += 1) bytes[index] = Math.floor(Math.random() * 256);
  const time = Date.now().toString(16);
  return (time + Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')).slice(0, 40);
}
/** Responses kept for revalidation with If-None-Match; small, since pages are read one at a time. */
const ETAG_CACHE_SIZE = 50;

export interface ApiClient {
  call<E extends Endpoint>(endpoint: E, input?: EndpointInput<E>, options?: CallOptions): Promise<EndpointOutput<E>>;
  /** Full URL of an endpoint, for downloads and uploads that go around `call`. */
  url<E extends Endpoint>(endpoint: E, input?: Omit<EndpointInput<E>, 'body'>): string;
  /** Headers `call` would send (auth), for uploads and downloads. */
  headers(): Record<string, string>;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const etagCache = new Map<string, { etag: string; body: unknown }>();

  function remember(key: string, etag: string, body: unknown): void {
    etagCache.delete(key);
    etagCache.set(key, { etag, body });
    if (etagCache.size > ETAG_CACHE_SIZE) etagCache.delete(etagCache.keys().next().value!);
  }

  function url(endpoint: Endpoint, input?: { params?: unknown; query?: unknown }): string {
    const path = buildPath(endpoint.path, input?.params as Record<string, unknown> | undefined);
    return `${options.baseUrl}${path}${buildQuery(input?.query as Record<string, unknown> | undefined)}`;
  }

  function headers(): Record<string, string> {
    const token = options.getToken?.();
    return token ? { authorization: `Bearer ${token}` } : {};
  }

  async function send(
    endpoint: Endpoint,
    input: { params?: unknown; query?: unknown; body?: unknown } | undefined,
    callOptions: CallOptions | undefined,
  ) {
    const request = {
      method: endpoint.method,
      url: url(endpoint, input),
      headers: { accept: 'application/json', ...headers() } as Record<string, string>,
      body: undefined as string | undefined,
      timeoutMs,
    };
    if (input?.body !== undefined) {
      request.headers['content-type'] = 'application/json';
      request.body = JSON.stringify(input.body);
    }
    const key = endpoint.method === 'GET' ? undefined : (callOptions?.idempotencyKey ?? options.makeIdempotencyKey?.());
    if (key) request.headers[IDEMPOTENCY_KEY_HEADER] = key;
    const cached = endpoint.etag ? (etagCache.get(cacheKey(request)) ?? callOptions?.revalidate) : undefined;
    if (cached) request.headers['if-none-match'] = cached.etag;
    try {
      return await options.transport(request);
    } catch (error) {
      // A lost connection is retried once, but only where repeating the call cannot do harm: a read,
      // a PUT or DELETE, or any write carrying an idempotency key (the server does it once).
      if (error instanceof TransportError && error.reason === 'network' && (key || IDEMPOTENT.has(endpoint.method))) {
        return options.transport(request);
      }
      throw error;
    }
  }

  /** Cached bodies are per caller: the token is part of the key, so one user never sees another's. */
  function cacheKey(request: { url: string; headers: Record<string, string> }): string {
    return `${request.headers.authorization ?? ''} ${request.url}`;
  }

  async function call<E extends Endpoint>(endpoint: E, input?: EndpointInput<E>, callOptions?: CallOptions): Promise<EndpointOutput<E>> {
    let response;
    try {
      response = await send(endpoint, input as never, callOptions);
    } catch (error) {
      if (error instanceof TransportError) throw new ApiError(0, error.reason, error.message);
      throw error;
    }
    const requestId = response.headers['x-request-id'];
    const key = cacheKey({ url: url(endpoint, input as never), headers: headers() });
    if (response.status === 304) {
      const cached = etagCache.get(key) ?? callOptions?.revalidate;
      if (cached) {
        callOptions?.onEtag?.(cached.etag);
        return endpoint.response.parse(cached.body) as EndpointOutput<E>;
      }
      throw new ApiError(304, 'bad_response', '服务器返回了未修改，但本地没有缓存', undefined, requestId);
    }
    if (response.status >= 400) {
      const parsed = ErrorBody.safeParse(response.body);
      const apiError = parsed.success
        ? new ApiError(response.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.details, requestId)
        : new ApiError(response.status, 'bad_response', `服务器返回了错误（${response.status}）`, undefined, requestId);
      if (response.status === 401) options.onUnauthorized?.(apiError);
      throw apiError;
    }
    const result = endpoint.response.safeParse(response.body);
    if (!result.success) {
      throw new ApiError(response.status, 'bad_response', '服务器返回的数据格式不正确', undefined, requestId);
    }
    const etag = response.headers.etag;
    if (endpoint.etag && etag) {
      remember(key, etag, response.body);
      callOptions?.onEtag?.(etag);
    }
    return result.data as EndpointOutput<E>;
  }

  return { call, url, headers };
}

/** The Chinese message for an error of unknown kind, for showing to the user. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return ERROR_MESSAGES.internal;
}
