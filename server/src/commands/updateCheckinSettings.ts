import type { CheckinSettingsInput } from '@zhijian/shared';
import { checkinSettings } from '../db/schema';
import { findUnit } from '../queries/units';
import { loadCheckinSettings } from '../queries/schedules';
import { audit } from './audit';
import type { CommandContext } from './context';

/** A unit's check-in window, late threshold and geofencing; the first change creates its row. */
export async function updateCheckinSettings(
  ctx: CommandContext,
  { unitId, settings }: { unitId: number; settings: CheckinSettingsInput },
): Promise<void> {
  await findUnit(ctx.tx, unitId);
  const before = await loadCheckinSettings(ctx.tx, unitId);
  const values = { ...settings, updatedAt: ctx.now };
  await ctx.tx
    .insert(checkinSettings)
    .values({ unitId, ...values })
    .onConflictDoUpdate({ target: checkinSettings.unitId, set: values });
  await audit(ctx, { action: 'checkin_settings.update', entity: 'unit', entityId: unitId, before, after: settings });
}
