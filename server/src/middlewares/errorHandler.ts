import type { Middleware } from 'koa';
import { commonRefusals, type ErrorBody } from '@zhijian/shared';
import { AppError, refuse } from '../errors';
import type { Logger } from '../logger';

/** PostgreSQL error codes (SQLSTATE) that mean the caller's data, not the server, is at fault. */
const PG_ERRORS: Record<string, (constraint: string | undefined) => AppError> = {
  '23505': (constraint) => refuse(commonRefusals.conflicting_data, { constraint }, '数据重复：已存在相同的记录'),
  '23503': (constraint) => refuse(commonRefusals.conflicting_data, { constraint }, '该记录仍被其他数据引用，或引用的数据不存在'),
  '23514': (constraint) => refuse(commonRefusals.invalid_data, { constraint }, '数据不符合约束条件'),
  '23502': (constraint) => refuse(commonRefusals.invalid_data, { constraint }, '缺少必填的数据'),
  '22P02': () => refuse(commonRefusals.invalid_data, {}, '数据格式不正确'),
  '22001': () => refuse(commonRefusals.invalid_data, {}, '内容过长'),
  '22003': () => refuse(commonRefusals.invalid_data, {}, '数值超出范围'),
};

/** Statuses that Koa's own middleware (body parser, router, multer) throw, as refusals. */
const STATUS_REFUSALS: Record<number, () => AppError> = {
  400: () => refuse(commonRefusals.invalid_data),
  401: () => refuse(commonRefusals.unauthorized),
  403: () => refuse(commonRefusals.forbidden),
  404: () => refuse(commonRefusals.route_not_found),
  405: () => refuse(commonRefusals.method_not_allowed, { allow: [] }),
  413: () => refuse(commonRefusals.payload_too_large, {}),
  415: () => refuse(commonRefusals.unsupported_media_type),
  429: () => refuse(commonRefusals.rate_limited),
  501: () => refuse(commonRefusals.method_not_allowed, { allow: [] }),
};

interface ErrorLike {
  status?: number;
  statusCode?: number;
  type?: string;
  code?: string;
  constraint?: string;
  cause?: unknown;
  headers?: Record<string, string>;
}

/** Drizzle wraps driver errors; the SQLSTATE lives on the error or on its cause. */
function sqlState(error: ErrorLike): { state: string; constraint?: string } | undefined {
  for (const candidate of [error, error.cause as ErrorLike | undefined]) {
    if (candidate && typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return { state: candidate.code, constraint: candidate.constraint };
    }
  }
  return undefined;
}

/** The refusal an error stands for, or undefined when it is the server's own fault. */
export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as ErrorLike;
  if (e.type === 'entity.parse.failed') return refuse(commonRefusals.bad_json);
  if (e.type === 'entity.too.large' || e.code === 'LIMIT_FILE_SIZE') return refuse(commonRefusals.payload_too_large, {});
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
    return refuse(commonRefusals.unsupported_media_type, {}, '不支持的内容编码或字符集');
  }
  // zlib's own errors: a body that says gzip/deflate/br but is not.
  if (typeof e.code === 'string' && e.code.startsWith('Z_')) return refuse(commonRefusals.body_unreadable);
  if (typeof e.code === 'string' && e.code.startsWith('LIMIT_')) return refuse(commonRefusals.upload_malformed);
  const pg = sqlState(e);
  if (pg && PG_ERRORS[pg.state]) return PG_ERRORS[pg.state]!(pg.constraint);
  const status = e.status ?? e.statusCode;
  if (status && status < 500 && STATUS_REFUSALS[status]) return STATUS_REFUSALS[status]!();
  return undefined;
}

/** The one place errors become responses: `{ error: { code, message, details } }`, never a stack. */
export function errorHandler(fallbackLogger: Logger): Middleware {
  return async function errorHandlerMiddleware(ctx, next) {
    try {
      await next();
    } catch (error) {
      const log: Logger = ctx.state.log ?? fallbackLogger;
      const known = toAppError(error);
      const appError = known ?? refuse(commonRefusals.internal);
      if (known) log.warn({ code: known.code, status: known.status, details: known.details }, known.message);
      else log.error({ err: error }, 'unhandled error');
      const body: ErrorBody = { error: { code: appError.code, message: appError.message, details: appError.details } };
      ctx.status = appError.status;
      ctx.type = 'application/json';
      ctx.body = body;
      if (appError.status === 401) ctx.set('WWW-Authenticate', 'Bearer');
    }
  };
}
