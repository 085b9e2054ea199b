import { z } from 'zod';
import type { ErrorCode } from './errors';

/**
 * A reason the API may refuse a request: the error code (which fixes the HTTP status), the shape of
 * what comes with it in `error.details`, and the Chinese message built from those details.
 * The server throws refusals (`refuse(...)`); the client switches on `details.reason`.
 */
export interface Refusal<R extends string = string, C extends ErrorCode = ErrorCode, D extends object = object> {
  readonly reason: R;
  readonly code: C;
  readonly details: z.ZodType<D>;
  /** A method, so a refusal with details is still a `Refusal` of any details. */
  message(details: D): string;
}

/** A refusal before it knows its reason: what `defineRefusals` takes per key. */
export interface RefusalSpec<C extends ErrorCode = ErrorCode, D extends object = object> {
  readonly code: C;
  readonly details: z.ZodType<D>;
  message(details: D): string;
}

/**
 * One refusal: its code, what `error.details` carries besides `reason` (nothing when left out), and
 * the Chinese message, fixed or built from the details.
 */
export function refusal<C extends ErrorCode, D extends object = Record<never, never>>(spec: {
  code: C;
  details?: z.ZodType<D>;
  message: string | ((details: D) => string);
}): RefusalSpec<C, D> {
  const { message } = spec;
  return {
    code: spec.code,
    details: spec.details ?? (NO_DETAILS as unknown as z.ZodType<D>),
    message: typeof message === 'string' ? () => message : message,
  };
}

const NO_DETAILS = z.object({});

/** The refusals a set declares, each knowing its own reason. */
export type RefusalsOf<S extends Record<string, RefusalSpec>> = {
  [R in keyof S & string]: S[R] extends RefusalSpec<infer C, infer D> ? Refusal<R, C, D> : never;
};

/**
 * Names a set of refusals by reason:
 * `defineRefusals({ entry_limit_reached: refusal({ code: 'conflict', details: z.object({ limit }), message: (d) => … }) })`.
 */
export function defineRefusals<S extends Record<string, RefusalSpec>>(specs: S): RefusalsOf<S> {
  const out: Record<string, Refusal> = {};
  for (const [reason, spec] of Object.entries(specs)) out[reason] = { ...spec, reason };
  return out as RefusalsOf<S>;
}

/** What `error.details` holds for a refusal: its reason and its own fields. */
export type RefusalDetails<F extends Refusal> = F extends Refusal<infer R, ErrorCode, infer D> ? { reason: R } & D : never;
