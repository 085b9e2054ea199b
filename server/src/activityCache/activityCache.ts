import type { Database } from '../db/client';
import type { AppServices } from '../services';
import { findActivity, type ActivityRow } from '../queries/activities';

/**
 * When a unit's activity day starts, hundreds of members check in to the same activity within
 * minutes. Each check-in needs the activity and its unit's settings; reading them once per
 * second per process instead of once per scan halves the database work of the burst. Changes
 * made through this process (settings, edits, moves) clear the cache at once; elsewhere they
 * show within TTL_MS.
 */
const TTL_MS = 1000;

export class ActivityCache {
  private readonly entries = new Map<number, { row: Promise<ActivityRow>; until: number }>();

  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  get(id: number): Promise<ActivityRow> {
    const now = this.now().getTime();
    const hit = this.entries.get(id);
    if (hit && hit.until > now) return hit.row;
    const row = findActivity(this.db, id);
    this.entries.set(id, { row, until: now + TTL_MS });
    row.catch(() => this.entries.delete(id));
    if (this.entries.size > 500) this.entries.delete(this.entries.keys().next().value!);
    return row;
  }

  clear(): void {
    this.entries.clear();
  }
}

const caches = new WeakMap<AppServices, ActivityCache>();

/** One cache per app instance. */
export function activityCacheOf(services: AppServices): ActivityCache {
  let cache = caches.get(services);
  if (!cache) {
    cache = new ActivityCache(services.db, () => services.clock.now());
    caches.set(services, cache);
  }
  return cache;
}
