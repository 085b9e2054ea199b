import { createHash } from 'node:crypto';
import type { LiveEntry, LiveList } from '@zhijian/shared';

/** What a version of one activity's live list was: its members in order, each with a fingerprint. */
interface Snapshot {
  order: number[];
  prints: Map<number, string>;
}

/** Versions kept in memory, all activities together; the oldest go first. */
const MAX_SNAPSHOTS = 400;

const digest = (text: string) => createHash('sha1').update(text).digest('base64url');

/**
 * The organiser's live list is polled every few seconds while hundreds check in, so it changes on
 * almost every poll: the whole list (50 KB for 300 members) each time is what a phone paid. Here
 * each answer gets a version; a poll naming a version this process still remembers is answered
 * with the entries that changed since, the members gone, and the counts — a poll without news is a
 * few hundred bytes. A version it does not know (another process answered it, a restart, an old
 * one) gets the whole list, so correctness never depends on this memory.
 */
export class LiveVersions {
  private readonly snapshots = new Map<string, Snapshot>();

  answer(activityId: number, full: Omit<LiveList, 'version' | 'since' | 'removed'>, since: string | undefined): LiveList {
    const prints = new Map(full.entries.map((entry) => [entry.memberId, digest(JSON.stringify(entry))]));
    const order = full.entries.map((entry) => entry.memberId);
    const version = digest(`${activityId}:${order.map((id) => `${id}=${prints.get(id)}`).join(',')}`).slice(0, 22);
    this.remember(`${activityId}:${version}`, { order, prints });

    const before = since === undefined ? undefined : this.snapshots.get(`${activityId}:${since}`);
    if (!before || !sameOrderAfterMerge(before.order, order)) return { ...full, version, since: null, removed: [] };
    const removed = before.order.filter((id) => !prints.has(id));
    const entries: LiveEntry[] = full.entries.filter((entry) => before.prints.get(entry.memberId) !== prints.get(entry.memberId));
    return { ...full, entries, version, since: since!, removed };
  }

  private remember(key: string, snapshot: Snapshot): void {
    this.snapshots.delete(key);
    this.snapshots.set(key, snapshot);
    if (this.snapshots.size > MAX_SNAPSHOTS) this.snapshots.delete(this.snapshots.keys().next().value!);
  }
}

/**
 * The client merges a delta by replacing changed entries in place, dropping removed ones and
 * appending new ones at the end. A delta is only sent when that gives the list in the server's
 * order: the old members still listed, in their old order, then the new ones.
 */
function sameOrderAfterMerge(before: readonly number[], now: readonly number[]): boolean {
  const current = new Set(now);
  const kept = before.filter((id) => current.has(id));
  return kept.every((id, i) => now[i] === id) && new Set(before).size === before.length;
}
