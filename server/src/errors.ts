import { ERROR_MESSAGES, ERROR_STATUS, type ErrorCode } from '@zhijian/shared';

/** An error meant for the caller: its code fixes the HTTP status, its message is Chinese. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export function notFound(what: string): AppError {
  return new AppError('not_found', `${what}不存在`);
}

export function forbidden(message: string = ERROR_MESSAGES.forbidden): AppError {
  return new AppError('forbidden', message);
}

export function conflict(message: string, details?: unknown): AppError {
  return new AppError('conflict', message, details);
}
