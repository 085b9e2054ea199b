import { listRosterExportRows, type RosterExportRow } from '../queries/members';
import type { UnitRow } from '../queries/units';
import { audit } from './audit';
import type { CommandContext } from './context';

/** The unit's roster, phones unmasked, for a download: who took it and how many rows is audited. */
export async function exportRoster(ctx: CommandContext, { unit }: { unit: UnitRow }): Promise<RosterExportRow[]> {
  const rows = await listRosterExportRows(ctx.tx, unit.id);
  await audit(ctx, { action: 'member.export', entity: 'unit', entityId: unit.id, after: { rows: rows.length } });
  return rows;
}
