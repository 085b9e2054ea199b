import type { CheckinRefusal, ErrorCode } from '@zhijian/shared';
import { AppError } from '../errors';

/** A refused check-in, leave or make-up: a Chinese message for people, a reason for code. */
export function refuse(code: ErrorCode, reason: CheckinRefusal, message: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError(code, message, { reason, ...extra });
}
