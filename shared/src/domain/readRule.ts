/**
 * When an article counts as read: the reader stayed on it for its skim time — its length at
 * 30 characters a second (a quick skim; careful reading of Chinese is 5–8 a second) — but at
 * least 8 and at most 30 seconds. Long articles need not be finished, a glance does not count.
 */
export const READ_MIN_SECONDS = 8;
export const READ_MAX_SECONDS = 30;
export const SKIM_CHARS_PER_SECOND = 30;

export function secondsToCountAsRead(characters: number): number {
  return Math.min(READ_MAX_SECONDS, Math.max(READ_MIN_SECONDS, Math.ceil(characters / SKIM_CHARS_PER_SECOND)));
}
