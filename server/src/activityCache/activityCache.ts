import type { Database } from '../db/client';
import type { Logger } from '../logger';
import type { AppServices } from '../services';
import type { Invalidations } from './invalidations';
import { findActivity, type ActivityRow } from '../queries/activities';

/**
 * When a unit's activity day starts, hundreds of members check in to the same activity within
 * minutes. Each check-in needs the activity and its unit's settings; reading them once per
 * second per process instead of once per scan halves the database work of the burst. Changes
 * (settings, edits, moves) clear the cache at once — in every instance on the PostgreSQL server,
 * told by NOTIFY (`invalidations.ts`); should a notice be lost, they show within TTL_MS.
 */
const TTL_MS = 1000;

export class ActivityCache {
  private readonly entries = new Map<number, { row: Promise<ActivityRow>; until: number }>();

  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    private readonly invalidations?: Invalidations,
    private readonly logger?: Logger,
  ) {
    invalidations?.subscribe(() => this.entries.clear());
  }

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

  /** Drops what this process cached and tells the other instances to drop theirs. */
  clear(): void {
    this.entries.clear();
    this.invalidations?.publish().catch((error: unknown) => this.logger?.warn({ err: error }, 'activity cache notice not sent'));
  }
}

const caches = new WeakMap<AppServices, ActivityCache>();

/** One cache per app instance. */
export function activityCacheOf(services: AppServices): ActivityCache {
  let cache = caches.get(services);
  if (!cache) {
    cache = new ActivityCache(services.db, () => services.clock.now(), services.invalidations, services.logger);
    caches.set(services, cache);
  }
  return cache;
}
