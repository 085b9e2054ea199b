import type { LiveList } from '../contracts/activities';

/**
 * The list a client shows after a poll: a whole list (`since` null) replaces what it held; a
 * delta against the version it holds replaces changed entries in place, drops removed members
 * and appends new ones, which the server guarantees is its own order. A delta against another
 * version than the one held cannot be applied: null, and the client asks for the whole list.
 */
export function mergeLiveList(held: LiveList | null, answer: LiveList): LiveList | null {
  if (answer.since === null) return answer;
  if (!held || held.version !== answer.since) return null;
  const changed = new Map(answer.entries.map((entry) => [entry.memberId, entry]));
  const removed = new Set(answer.removed);
  const entries = held.entries.filter((entry) => !removed.has(entry.memberId)).map((entry) => changed.get(entry.memberId) ?? entry);
  const known = new Set(entries.map((entry) => entry.memberId));
  entries.push(...answer.entries.filter((entry) => !known.has(entry.memberId)));
  return { ...answer, entries, since: null, removed: [] };
}
