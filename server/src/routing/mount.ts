import { createHash } from 'node:crypto';
import multer from '@koa/multer';
import type Router from '@koa/router';
import { commonRefusals, hasAnyRole, type Defined, type Endpoint, type EndpointOutput } from '@zhijian/shared';
import type { Context, Middleware, Next } from 'koa';
import type { z } from 'zod';
import { loadSessionUser, type CurrentUser } from '../auth/currentUser';
import { runCommand, type Actor, type Command } from '../commands/context';
import { AppError, forbidden, refuse } from '../errors';
import { idempotency } from '../middlewares/idempotency';
import type { AppServices } from '../services';
import { fieldIssues } from './fieldIssues';

type Parsed<S> = [Defined<S>] extends [never] ? undefined : Defined<S> extends z.ZodType ? z.output<Defined<S>> : undefined;

export interface UploadedFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

export interface HandlerContext<E extends Endpoint> {
  params: Parsed<E['params']>;
  query: Parsed<E['query']>;
  body: Parsed<E['body']>;
  /** The `file` field of a multipart endpoint. */
  file: UploadedFile | undefined;
  services: AppServices;
  koa: Context;
  /**
   * Runs a command in a transaction of its own (`commands/context.ts`), acting as the caller —
   * or, on a public endpoint, as the system.
   */
  run<Props, Result>(command: Command<Props, Result>, props: Props): Promise<Result>;
}

export interface SignedInContext<E extends Endpoint> extends HandlerContext<E> {
  user: CurrentUser;
}

/** Handlers of binary endpoints (response `z.unknown()`) write `koa.body` themselves. */
type Result<E extends Endpoint> = EndpointOutput<E>;

/** Where a NUL character hides in a request value (PostgreSQL text cannot hold one), or undefined. */
function nulPath(value: unknown, path: string[], depth = 0): string[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (typeof value !== 'object' || value === null || depth > 20) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = key.includes('\u0000') ? [...path, key] : nulPath(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

function refuseNul(path: string[]): never {
  throw refuse(commonRefusals.invalid_fields, { issues: [{ path: path.join('.'), message: '不能包含空字符（\\0）' }] });
}

function parsePart<S extends z.ZodType | undefined>(schema: S, value: unknown, part: string): Parsed<S> {
  if (!schema) return undefined as Parsed<S>;
  const nul = nulPath(value, [part]);
  if (nul) refuseNul(nul);
  const result = schema.safeParse(value);
  if (!result.success) throw refuse(commonRefusals.invalid_fields, { issues: fieldIssues(schema, part, result.error, value) });
  return result.data as Parsed<S>;
}

const COMMON_REASONS = new Set(Object.keys(commonRefusals));

/**
 * Holds the contract to its word: a handler refuses only with a common refusal or one its
 * endpoint declares. Anything else is the server's bug — a 500 under test, an error in the log.
 */
function checkDeclared(endpoint: Endpoint, services: AppServices, error: unknown): void {
  if (!(error instanceof AppError) || COMMON_REASONS.has(error.reason)) return;
  if (endpoint.refusals?.some((refusal) => refusal.reason === error.reason)) return;
  const problem = `${endpoint.method} ${endpoint.path} refused with '${error.reason}', which its contract does not declare`;
  if (services.config.strictContracts) throw new Error(problem, { cause: error });
  services.logger.error(problem);
}

function hasRequestBody(ctx: Context): boolean {
  return Boolean(ctx.request.length) || ctx.get('transfer-encoding') !== '';
}

/** The bearer token's member and sign-in, verified; whether the sign-in is still live is not known yet. */
function verifyBearer(ctx: Context, services: AppServices): { memberId: number; sessionId: number } {
  const match = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'));
  if (!match?.[1]) throw refuse(commonRefusals.unauthorized);
  return services.tokens.verifyAccess(match[1]);
}

/** The caller as their sign-in stands: signed out, revoked, expired or off the roster is all 401. */
function liveCaller(user: CurrentUser | undefined): CurrentUser {
  if (!user) throw refuse(commonRefusals.unauthorized, {}, '登录已失效或账号已被移除，请重新登录');
  return user;
}

async function authenticate(ctx: Context, services: AppServices): Promise<CurrentUser> {
  const access = verifyBearer(ctx, services);
  // The member and their sign-in in one query.
  return liveCaller(await loadSessionUser(services.db, { ...access, now: services.clock.now() }));
}

/**
 * What a handler mounted with `mountSessionInStatement` gets instead of a loaded caller: the
 * token's claims, to check the sign-in inside its own statement, and two ways to settle it.
 */
export interface SessionCheck {
  /** The verified token's member and sign-in; the sign-in may no longer be live. */
  readonly access: { memberId: number; sessionId: number };
  /** The caller as the handler's statement found them (`selectSessionUser`); undefined is refused with 401. */
  confirm(user: CurrentUser | undefined): CurrentUser;
  /** Checks the sign-in with a query of its own, as every other endpoint does. */
  load(): Promise<CurrentUser>;
}

/**
 * Authentication for `mountSessionInStatement`: the token is verified here as everywhere, the
 * sign-in by the handler's statement. Whatever the handler or the checks before it refuse, a
 * caller whose sign-in is not live gets the 401 first — as if their session had been checked
 * before anything else — and a handler that answers without settling the session is a bug (500).
 */
function deferredAuthentication(services: AppServices, endpoint: Endpoint): Middleware {
  return async function sessionInStatement(ctx, next) {
    const access = verifyBearer(ctx, services);
    let settled = false;
    const check: SessionCheck = {
      access,
      confirm(user) {
        ctx.state.user = liveCaller(user);
        settled = true;
        return ctx.state.user as CurrentUser;
      },
      async load() {
        return check.confirm(await loadSessionUser(services.db, { ...access, now: services.clock.now() }));
      },
    };
    ctx.state.session = check;
    try {
      await next();
    } catch (error) {
      if (!settled) await check.load();
      throw error;
    }
    if (!settled) throw new Error(`${endpoint.method} ${endpoint.path} answered without checking the caller's sign-in`);
  };
}

/** multer 2 options its @koa/multer typings do not list yet. */
type MulterOptions = NonNullable<Parameters<typeof multer>[0]> & { defParamCharset: string };

function uploadMiddleware(endpoint: Endpoint) {
  const options: MulterOptions = {
    storage: multer.memoryStorage(),
    // Phones and browsers send UTF-8 file names (第36期.docx); busboy would read them as Latin-1.
    defParamCharset: 'utf8',
    limits: { fileSize: endpoint.maxUploadBytes ?? 5 * 1024 * 1024, files: 1, fields: 10 },
  };
  const upload = multer(options).single('file') as unknown as Middleware;
  // busboy's parse errors (no boundary, a truncated or empty form) are the caller's, not ours.
  return async function parseUpload(ctx: Context, next: Next) {
    let parsed = false;
    try {
      await upload(ctx, async () => {
        parsed = true;
      });
    } catch (error) {
      const known = error as { code?: unknown; status?: unknown };
      if (typeof known.code === 'string' || typeof known.status === 'number' || error instanceof AppError) throw error;
      throw refuse(commonRefusals.upload_malformed);
    }
    if (parsed) await next();
  };
}

function register(
  router: Router,
  services: AppServices,
  endpoint: Endpoint,
  run: (ctx: Context, user: CurrentUser | undefined) => Promise<unknown>,
  { sessionInStatement = false } = {},
): void {
  const middlewares: Middleware[] = [];
  if (sessionInStatement) {
    middlewares.push(deferredAuthentication(services, endpoint));
  } else if (endpoint.access !== 'public') {
    middlewares.push(async (ctx, next) => {
      const user = await authenticate(ctx, services);
      if (Array.isArray(endpoint.access) && !hasAnyRole(user.roles, endpoint.access)) throw forbidden();
      ctx.state.user = user;
      await next();
    });
  }
  if (endpoint.bodyKind === 'multipart') {
    middlewares.push(async (ctx, next) => {
      if (!ctx.is('multipart/form-data'))
        throw refuse(commonRefusals.unsupported_media_type, {}, '请以表单方式上传文件（multipart/form-data）');
      await next();
    });
    middlewares.push(uploadMiddleware(endpoint));
  } else if (endpoint.body) {
    middlewares.push(async (ctx, next) => {
      if (hasRequestBody(ctx) && !ctx.is('application/json')) {
        throw refuse(commonRefusals.unsupported_media_type, {}, '请求内容应为 JSON（Content-Type: application/json）');
      }
      await next();
    });
  }
  // Every write may carry an Idempotency-Key: after the caller and the body are known, before the work.
  if (endpoint.method !== 'GET') middlewares.push(idempotency(services, { keep: endpoint.idempotency !== 'natural' }));
  middlewares.push(async (ctx) => {
    let result: unknown;
    try {
      result = await run(ctx, ctx.state.user as CurrentUser | undefined);
    } catch (error) {
      checkDeclared(endpoint, services, error);
      throw error;
    }
    if (endpoint.responseKind === 'binary') return;
    // Shaping through the response schema drops every field the contract does not name.
    const body = endpoint.response.parse(result);
    if (endpoint.etag) {
      const tag = `W/"${createHash('sha1').update(JSON.stringify(body)).digest('base64url')}"`;
      ctx.set('ETag', tag);
      // Members-only content: browsers may keep it but must ask before reusing it.
      ctx.set('Cache-Control', 'private, no-cache');
      if (
        ctx
          .get('if-none-match')
          .split(/\s*,\s*/)
          .includes(tag)
      ) {
        ctx.status = 304;
        return;
      }
    }
    ctx.status = endpoint.status ?? 200;
    ctx.body = body;
  });
  const method = endpoint.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  router[method](endpoint.path, ...middlewares);
}

function contextFor<E extends Endpoint>(endpoint: E, ctx: Context, services: AppServices, actor: () => Actor): HandlerContext<E> {
  const file = (ctx as Context & { file?: UploadedFile }).file ?? (ctx.request as { file?: UploadedFile }).file;
  if (file?.originalname.includes('\u0000')) refuseNul(['file', 'name']);
  return {
    params: parsePart(endpoint.params, ctx.params, 'params') as Parsed<E['params']>,
    query: parsePart(endpoint.query, ctx.query, 'query') as Parsed<E['query']>,
    body: parsePart(endpoint.body, (ctx.request as { body?: unknown }).body, 'body') as Parsed<E['body']>,
    file,
    services,
    koa: ctx,
    run: (command, props) => runCommand(services, actor(), command, props),
  };
}

/** Mounts an endpoint anyone may call. */
export function mountPublic<E extends Endpoint>(
  router: Router,
  services: AppServices,
  endpoint: E,
  handler: (c: HandlerContext<NoInfer<E>>) => Promise<Result<NoInfer<E>>>,
): void {
  if (endpoint.access !== 'public') throw new Error(`${endpoint.path} is not public; use mount()`);
  register(router, services, endpoint, (ctx) => handler(contextFor(endpoint, ctx, services, () => null)));
}

/** Mounts an endpoint for signed-in callers; roles are checked against the contract's `access`. */
export function mount<E extends Endpoint>(
  router: Router,
  services: AppServices,
  endpoint: E,
  handler: (c: SignedInContext<NoInfer<E>>) => Promise<Result<NoInfer<E>>>,
): void {
  if (endpoint.access === 'public') throw new Error(`${endpoint.path} is public; use mountPublic()`);
  register(router, services, endpoint, (ctx, user) => handler({ ...contextFor(endpoint, ctx, services, () => user!), user: user! }));
}

export interface SessionInStatementContext<E extends Endpoint> extends HandlerContext<E> {
  session: SessionCheck;
}

/**
 * Mounts a signed-in endpoint whose handler checks the caller's sign-in inside its own statement
 * (issue 21: the check-in burst, one round trip a scan). The handler must settle the session —
 * `session.confirm(the caller its statement answered)` or `session.load()` — before it answers;
 * `run` acts as the confirmed caller. Only for `access: 'signedIn'` (no role to check before the
 * statement writes) and `idempotency: 'natural'` (a kept key needs the caller before the handler).
 */
export function mountSessionInStatement<E extends Endpoint>(
  router: Router,
  services: AppServices,
  endpoint: E,
  handler: (c: SessionInStatementContext<NoInfer<E>>) => Promise<Result<NoInfer<E>>>,
): void {
  if (endpoint.access !== 'signedIn' || endpoint.idempotency !== 'natural') {
    throw new Error(`${endpoint.path} must be signedIn with natural idempotency to check its session in a statement; use mount()`);
  }
  register(
    router,
    services,
    endpoint,
    (ctx) => {
      const actor = () => {
        const user = ctx.state.user as CurrentUser | undefined;
        if (!user) throw new Error(`${endpoint.path} ran a command before settling the caller's sign-in`);
        return user;
      };
      return handler({ ...contextFor(endpoint, ctx, services, actor), session: ctx.state.session as SessionCheck });
    },
    { sessionInStatement: true },
  );
}
