import { ERROR_MESSAGES, type ErrorCode } from '@zhijian/shared';
import { AppError } from './errors';

/**
 * TRANSITIONAL — errors not yet declared as refusals in a contract. Each resource moves its throws
 * to `refuse(<contract refusal>)`; this file goes when nothing imports it.
 * @deprecated use `refuse()` with a refusal from the contract.
 */
export function legacyError(code: ErrorCode, message: string = ERROR_MESSAGES[code], details?: unknown): AppError {
  if (Array.isArray(details)) return new LegacyAppError(code, message, { reason: 'invalid_fields', issues: details });
  const fields = typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {};
  return new LegacyAppError(code, message, { reason: typeof fields.reason === 'string' ? fields.reason : code, ...fields });
}

/** Marks errors the strict contract check in `mount` lets through until they are converted. */
export class LegacyAppError extends AppError {}

/** @deprecated use `refuse()` with a refusal from the contract. */
export function conflict(message: string, details?: unknown): AppError {
  return legacyError('conflict', message, details);
}
