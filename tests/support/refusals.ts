import { ApiError, ERROR_STATUS, type Refusal, type RefusalDetails } from '@zhijian/shared';
import { expect } from 'vitest';

/** The error a call ends with; fails the test when the call succeeds or fails some other way. */
export async function refusalOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused, but it succeeded');
}

/**
 * Asserts a call is refused with this refusal: its status, its error code and its reason, with a
 * Chinese message. Returns the refusal's details for the test to look into.
 */
export async function expectRefused<F extends Refusal>(promise: Promise<unknown>, refusal: F): Promise<RefusalDetails<F>> {
  const error = await refusalOf(promise);
  expect({ status: error.status, code: error.code, reason: error.reason }).toEqual({
    status: ERROR_STATUS[refusal.code],
    code: refusal.code,
    reason: refusal.reason,
  });
  expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  return error.details as RefusalDetails<F>;
}
