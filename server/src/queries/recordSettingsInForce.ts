import { DEFAULT_RECORD_SETTINGS, type RecordSettings } from '@zhijian/shared';
import { desc, lte } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { recordSettings } from '../db/schema';

/**
 * The record settings in force at `instant`: the latest version effective by then, or the
 * defaults when none was saved. A stand-in the lead folds into the settings' own `settingsAt`.
 */
export async function currentRecordSettings(db: Queryable, instant: Date): Promise<RecordSettings> {
  const [row] = await db
    .select({ settings: recordSettings.settings })
    .from(recordSettings)
    .where(lte(recordSettings.effectiveFrom, instant))
    .orderBy(desc(recordSettings.effectiveFrom))
    .limit(1);
  return row?.settings ?? DEFAULT_RECORD_SETTINGS;
}
