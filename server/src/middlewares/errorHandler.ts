import type { Middleware } from 'koa';
import { ERROR_MESSAGES, ERROR_STATUS, type ErrorBody, type ErrorCode } from '@zhijian/shared';
import { AppError } from '../errors';
import type { Logger } from '../logger';

/** PostgreSQL error codes (SQLSTATE) that mean the caller's data, not the server, is at fault. */
const PG_ERRORS: Record<string, { code: ErrorCode; message: string }> = {
  '23505': { code: 'conflict', message: '数据重复：已存在相同的记录' },
  '23503': { code: 'conflict', message: '该记录仍被其他数据引用，或引用的数据不存在' },
  '23514': { code: 'invalid_input', message: '数据不符合约束条件' },
  '23502': { code: 'invalid_input', message: '缺少必填的数据' },
  '22P02': { code: 'invalid_input', message: '数据格式不正确' },
  '22001': { code: 'invalid_input', message: '内容过长' },
};

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'invalid_input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  501: 'method_not_allowed',
};

interface ErrorLike {
  status?: number;
  statusCode?: number;
  type?: string;
  code?: string;
  constraint?: string;
  cause?: unknown;
  expose?: boolean;
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

export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as ErrorLike;
  if (e.type === 'entity.parse.failed') return new AppError('bad_json');
  if (e.type === 'entity.too.large' || e.code === 'LIMIT_FILE_SIZE') return new AppError('payload_too_large');
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') return new AppError('unsupported_media_type');
  if (typeof e.code === 'string' && e.code.startsWith('LIMIT_')) {
    return new AppError('invalid_input', '上传的文件数量或字段不符合要求', { reason: e.code });
  }
  const pg = sqlState(e);
  if (pg && PG_ERRORS[pg.state]) {
    const mapped = PG_ERRORS[pg.state]!;
    return new AppError(mapped.code, mapped.message, pg.constraint ? { constraint: pg.constraint } : undefined);
  }
  const status = e.status ?? e.statusCode;
  if (status && status < 500 && STATUS_CODES[status]) {
    const code = STATUS_CODES[status]!;
    return new AppError(code, ERROR_MESSAGES[code]);
  }
  return undefined;
}

/** The one place errors become responses: `{ error: { code, message, details } }`, never a stack. */
export function errorHandler(fallbackLogger: Logger): Middleware {
  return async function errorHandlerMiddleware(ctx, next) {
    try {
      await next();
    } catch (error) {
      const log: Logger = ctx.state.log ?? fallbackLogger;
      const appError = toAppError(error);
      const body: ErrorBody = appError
        ? { error: { code: appError.code, message: appError.message, details: appError.details } }
        : { error: { code: 'internal', message: ERROR_MESSAGES.internal } };
      const status = appError ? appError.status : ERROR_STATUS.internal;
      if (appError) log.warn({ code: appError.code, status, details: appError.details }, appError.message);
      else log.error({ err: error }, 'unhandled error');
      ctx.status = status;
      ctx.type = 'application/json';
      ctx.body = body;
      if (status === 401) ctx.set('WWW-Authenticate', 'Bearer');
    }
  };
}
