import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { commonRefusals, type ErrorBody } from '@zhijian/shared';
import type { Context, Middleware, Next } from 'koa';
import type { CurrentUser } from '../auth/currentUser';
import { refuse } from '../errors';
import { claimKey, completeKey, releaseKey } from '../idempotency/keys';
import type { AppServices } from '../services';
import { toAppError } from './errorHandler';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** Set on an answer that was kept from the first request with the key, not made afresh. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';
/** A UUID (36) fits; so does anything a device makes from random bytes. */
const KEY_FORMAT = /^[A-Za-z0-9_-]{16,128}$/;
/** How long a second identical request waits for the first to finish before it is refused. */
const WAIT_FOR_FIRST_MS = 10_000;
const POLL_MS = 50;

/** JSON with object keys sorted, so two serialisations of one body hash alike. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** What makes two requests "the same": method, path with its query, JSON body and uploaded file. */
function fingerprintOf(ctx: Context): string {
  const hash = createHash('sha256');
  hash.update(`${ctx.method} ${ctx.path}?${ctx.querystring}\n`);
  hash.update(canonical((ctx.request as { body?: unknown }).body));
  type Upload = { buffer?: Buffer; originalname?: string };
  const file = (ctx as Context & { file?: Upload }).file ?? (ctx.request as { file?: Upload }).file;
  if (file?.buffer) hash.update(`\n${file.originalname ?? ''}\n`).update(file.buffer);
  return hash.digest('base64url');
}

function replay(ctx: Context, status: number, body: unknown): void {
  ctx.status = status;
  ctx.body = body;
  ctx.set(REPLAYED_HEADER, 'true');
}

/**
 * Stripe-style idempotent writes for every POST/PUT/PATCH/DELETE (`routing/mount.ts` places it
 * after authentication and body parsing, before the handler). A request with an `Idempotency-Key`
 * claims (member, key) in the database first (`idempotency/keys.ts`); the same key again within 24
 * hours gets the kept answer with `Idempotent-Replayed: true`, with another request 409. A second
 * identical request arriving while the first runs waits for its answer (then refuses with 409). 2xx
 * and 4xx answers are kept; a 5xx is not, so a retry retries.
 *
 * Public writes (sign-in, token refresh) check the key's format but keep nothing: their answers are
 * fresh tokens, which must never be stored, and there is no member to key them by — repeating a
 * sign-in is harmless (a WeChat code and a refresh token are single-use anyway). So do writes that
 * are idempotent by themselves (`keep: false`, the contract's `idempotency: 'natural'`: check-ins).
 */
export function idempotency(services: AppServices, { keep }: { keep: boolean } = { keep: true }): Middleware {
  return async function idempotentWrite(ctx: Context, next: Next) {
    const key = ctx.get(IDEMPOTENCY_HEADER);
    if (!key) return next();
    if (!KEY_FORMAT.test(key)) throw refuse(commonRefusals.idempotency_key_invalid);
    const user = ctx.state.user as CurrentUser | undefined;
    if (!user || !keep) return next();

    const fingerprint = fingerprintOf(ctx);
    const started = Date.now();
    let claim = await claimKey(services.db, { memberId: user.id, key, fingerprint, now: services.clock.now() });
    while (claim.kind === 'busy' && Date.now() - started < WAIT_FOR_FIRST_MS) {
      await sleep(POLL_MS);
      claim = await claimKey(services.db, { memberId: user.id, key, fingerprint, now: services.clock.now() });
    }
    if (claim.kind === 'busy') throw refuse(commonRefusals.idempotency_in_progress);
    if (claim.kind === 'mismatch') throw refuse(commonRefusals.idempotency_key_reused);
    if (claim.kind === 'replay') return replay(ctx, claim.status, claim.body);

    const log = ctx.state.log ?? services.logger;
    const settle = (work: Promise<void>) =>
      work.catch((error: unknown) => {
        log.error({ err: error }, 'idempotency key not settled');
      });
    try {
      await next();
    } catch (error) {
      const known = toAppError(error);
      if (known && known.status < 500) {
        const body: ErrorBody = { error: { code: known.code, message: known.message, details: known.details } };
        await settle(completeKey(services.db, claim.id, known.status, body));
      } else {
        await settle(releaseKey(services.db, claim.id));
      }
      throw error;
    }
    const json =
      ctx.body === null || ctx.body === undefined || (typeof ctx.body === 'object' && !Buffer.isBuffer(ctx.body) && !('pipe' in ctx.body));
    if (ctx.status < 500 && json) await settle(completeKey(services.db, claim.id, ctx.status, ctx.body ?? null));
    else await settle(releaseKey(services.db, claim.id));
  };
}
