import type { UnitRow } from '../queries/units';
import { audit } from './audit';
import type { CommandContext } from './context';

/** An export of a unit's 台账 (names, times, points of its members) leaves a trace in the audit log. */
export async function recordLedgerExport(
  ctx: CommandContext,
  { unit, from, to, lines }: { unit: UnitRow; from: string; to: string; lines: number },
): Promise<void> {
  await audit(ctx, { action: 'attendance.export', entity: 'unit', entityId: unit.id, after: { from, to, lines } });
}
