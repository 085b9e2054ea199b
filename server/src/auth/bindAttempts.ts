import { authRefusals } from '@zhijian/shared';
import { refuse } from '../errors';
import type { FailureThrottle } from './failureThrottle';

export interface BindThrottles {
  /** Per WeChat account: a handful of guesses per quarter hour. */
  bindFailuresByAccount: FailureThrottle;
  /** Per address, looser: a whole unit may bind from one office network. */
  bindFailuresByAddress: FailureThrottle;
}

/**
 * One bind attempt as the throttles see it: refused while either of its keys has failed too
 * often, counted against both when the roster does not match, forgiven for the account when it binds.
 */
export function bindAttempt(throttles: BindThrottles, openid: string, address: string) {
  const keyed = [
    { throttle: throttles.bindFailuresByAccount, key: openid },
    { throttle: throttles.bindFailuresByAddress, key: address },
  ];
  return {
    refuseIfBlocked(): void {
      const blocked = keyed.find(({ throttle, key }) => throttle.isBlocked(key));
      if (blocked) throw refuse(authRefusals.bind_attempts_exceeded, { retryAfterMinutes: Math.ceil(blocked.throttle.windowMs / 60_000) });
    },
    failed(): void {
      for (const { throttle, key } of keyed) throttle.recordFailure(key);
    },
    succeeded(): void {
      throttles.bindFailuresByAccount.clear(openid);
    },
  };
}
