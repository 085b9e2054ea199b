import type { CheckinRefusal, ErrorCode } from '@zhijian/shared';
import { AppError } from '../errors';
import { legacyError } from '../legacyErrors';

/** A refused check-in, leave or make-up: a Chinese message for people, a reason for code. */
export function refuse(code: ErrorCode, reason: CheckinRefusal, message: string, extra: Record<string, unknown> = {}): AppError {
  return legacyError(code, message, { reason, ...extra });
}
