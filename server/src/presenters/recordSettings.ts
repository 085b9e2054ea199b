import type { RecordSettingsView } from '@zhijian/shared';
import type { RecordSettingsRows } from '../queries/recordSettings';

export function presentRecordSettings(rows: RecordSettingsRows): RecordSettingsView {
  return {
    settings: rows.settings,
    effectiveFrom: rows.effectiveFrom?.toISOString() ?? null,
    history: rows.history.map((version) => ({ effectiveFrom: version.effectiveFrom.toISOString(), createdBy: version.createdBy })),
  };
}
