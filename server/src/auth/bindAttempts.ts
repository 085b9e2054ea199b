import { authRefusals } from '@zhijian/shared';
import { refuse } from '../errors';
import type { AttemptLimiter } from '../limits/attemptLimiter';

export interface BindThrottles {
  /** Per WeChat account: a handful of guesses per quarter hour. */
  bindFailuresByAccount: AttemptLimiter;
  /** Per address, looser: a whole unit may bind from one office network. */
  bindFailuresByAddress: AttemptLimiter;
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
    async refuseIfBlocked(): Promise<void> {
      for (const { throttle, key } of keyed) {
        if (await throttle.isBlocked(key))
          throw refuse(authRefusals.bind_attempts_exceeded, { retryAfterMinutes: Math.ceil(throttle.windowMs / 60_000) });
      }
    },
    async failed(): Promise<void> {
      await Promise.all(keyed.map(({ throttle, key }) => throttle.consume(key)));
    },
    async succeeded(): Promise<void> {
      await throttles.bindFailuresByAccount.clear(openid);
    },
  };
}
