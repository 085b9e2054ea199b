import type { z } from 'zod';
import type { CommonRefusal } from './commonRefusals';
import type { Refusal, RefusalDetails } from './refusal';
import type { Role } from './roles';
import './zodLocale';

/**
 * Who may call an endpoint: anyone, any signed-in person, or people holding one of the roles.
 * Finer rules (e.g. "a unit admin of *this* unit") are policies on the server.
 */
export type Access = 'public' | 'signedIn' | readonly Role[];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Endpoint<
  P extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType = z.ZodType,
  F extends readonly Refusal[] = readonly Refusal[],
> {
  method: HttpMethod;
  /** Koa-router style path, e.g. `/api/units/:unitId`. */
  path: string;
  summary: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** How the body travels: JSON (default) or a multipart upload with one `file` field. */
  bodyKind?: 'json' | 'multipart';
  /** Largest accepted upload for multipart endpoints, in bytes. */
  maxUploadBytes?: number;
  response: R;
  /** Success status, 200 unless stated. */
  status?: number;
  /** Answer with an ETag and 304 Not Modified when the caller already has this version. */
  etag?: boolean;
  /** `binary` responses (file downloads) are fetched by URL, not through `call`. */
  responseKind?: 'json' | 'binary';
  /**
   * How a repeated write is made harmless. `kept` (default): an Idempotency-Key's first answer is
   * kept and replayed. `natural`: the write is idempotent by itself — a unique key decides, and a
   * repeat answers what the first did (a check-in answers the member's record) — so the key's format
   * is checked but nothing is kept: two statements fewer on the check-in burst's every scan.
   */
  idempotency?: 'kept' | 'natural';
  /**
   * The refusals this endpoint may answer with besides `commonRefusals` (bad input, sign-in, roles,
   * not found). The server refuses with nothing else; the client switches on their reasons.
   */
  refusals?: F;
}

/** Identity helper that keeps the literal types of an endpoint definition. */
export function endpoint<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType = z.ZodType,
  const F extends readonly Refusal[] = readonly [],
>(definition: Endpoint<P, Q, B, R, F>): Endpoint<P, Q, B, R, F> {
  return definition;
}

/** Every refusal an endpoint may answer with: its own and the common ones. */
export type EndpointRefusal<E extends Endpoint> = (E['refusals'] extends readonly (infer F)[] ? F : never) | CommonRefusal;

/** `error.details` of an endpoint's refusals, a union to switch on by `reason`. */
export type EndpointRefusalDetails<E extends Endpoint> = RefusalDetails<Extract<EndpointRefusal<E>, Refusal>>;

/** The schema of an optional endpoint field, or never when the endpoint has none. */
export type Defined<S> = [NonNullable<S>] extends [never] ? never : NonNullable<S>;

type InputPart<K extends string, S> = [Defined<S>] extends [never]
  ? { [key in K]?: undefined }
  : Defined<S> extends z.ZodType
    ? { [key in K]: z.input<Defined<S>> }
    : { [key in K]?: undefined };

/** What a caller passes to an endpoint: its params, query and body, each only if it has one (query is always optional). */
export type EndpointInput<E extends Endpoint> = InputPart<'params', E['params']> &
  Partial<InputPart<'query', E['query']>> &
  InputPart<'body', E['body']>;

export type EndpointOutput<E extends Endpoint> = z.output<E['response']>;

/** Fills `:name` segments of a path; every value is URI-encoded. */
export function buildPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`缺少路径参数 ${name}`);
    return encodeURIComponent(String(value));
  });
}

/** Serialises a flat query object; undefined values are left out, arrays repeat the key. */
export function buildQuery(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(item))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}
