import { DEFAULT_RECORD_SETTINGS, type RecordSettings } from '@zhijian/shared';
import { desc, eq, lte } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { members, recordSettings } from '../db/schema';

/**
 * The record settings in force at `instant`: the latest version effective by then, or the
 * defaults when none was saved. Points are written under the settings of their moment, so a
 * later version never changes what was written before it.
 */
export async function settingsAt(db: Queryable, instant: Date): Promise<RecordSettings> {
  const [row] = await db
    .select({ settings: recordSettings.settings })
    .from(recordSettings)
    .where(lte(recordSettings.effectiveFrom, instant))
    .orderBy(desc(recordSettings.effectiveFrom))
    .limit(1);
  return row?.settings ?? DEFAULT_RECORD_SETTINGS;
}

export interface RecordSettingsRows {
  settings: RecordSettings;
  effectiveFrom: Date | null;
  history: Array<{ effectiveFrom: Date; createdBy: string | null }>;
}

/** The version in force at `now` and the earlier ones (newest first), with who saved each. */
export async function loadRecordSettings(db: Queryable, now: Date): Promise<RecordSettingsRows> {
  const versions = await db
    .select({ effectiveFrom: recordSettings.effectiveFrom, settings: recordSettings.settings, createdBy: members.name })
    .from(recordSettings)
    .leftJoin(members, eq(members.id, recordSettings.createdBy))
    .where(lte(recordSettings.effectiveFrom, now))
    .orderBy(desc(recordSettings.effectiveFrom));
  const [current, ...earlier] = versions;
  return {
    settings: current?.settings ?? DEFAULT_RECORD_SETTINGS,
    effectiveFrom: current?.effectiveFrom ?? null,
    history: earlier.map((version) => ({ effectiveFrom: version.effectiveFrom, createdBy: version.createdBy ?? null })),
  };
}
