import { commonRefusals, ERROR_STATUS, type ErrorCode, type ErrorDetails, type Refusal, type RefusalDetails } from '@zhijian/shared';

/**
 * An error meant for the caller: its code fixes the HTTP status, its message is Chinese, and its
 * details always name the reason. Thrown through `refuse()`, never built by hand.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }

  get reason(): string {
    return this.details.reason;
  }
}

type FieldsOf<F extends Refusal> = Omit<RefusalDetails<F>, 'reason'>;

/** Details may be left out when the refusal needs none. */
type RefuseArgs<F extends Refusal> =
  Record<never, never> extends FieldsOf<F> ? [details?: FieldsOf<F>, message?: string] : [details: FieldsOf<F>, message?: string];

/**
 * The error for one of the refusals a contract declares (or a common one). The message is the
 * refusal's own, built from the details; pass one only where the situation says more.
 */
export function refuse<F extends Refusal>(refusal: F, ...[details, message]: RefuseArgs<F>): AppError {
  const fields = (details ?? {}) as object;
  return new AppError(refusal.code, message ?? refusal.message(fields), { ...fields, reason: refusal.reason });
}

export function notFound(resource: string): AppError {
  return refuse(commonRefusals.not_found, { resource });
}

export function forbidden(message?: string): AppError {
  return refuse(commonRefusals.forbidden, {}, message);
}
