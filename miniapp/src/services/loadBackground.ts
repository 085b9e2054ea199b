import * as background from './background';

/** The mini-program has all its code on the phone: the background work is there at once. */
export function loadBackground(): Promise<typeof background> {
  return Promise.resolve(background);
}
