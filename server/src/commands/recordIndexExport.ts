import type { UnitRow } from '../queries/units';
import { audit } from './audit';
import type { CommandContext } from './context';

/** An export of a unit's 先锋指数 (names and every part of each index) leaves a trace in the audit log. */
export async function recordIndexExport(
  ctx: CommandContext,
  { unit, year, lines }: { unit: UnitRow; year: number; lines: number },
): Promise<void> {
  await audit(ctx, { action: 'index.export', entity: 'unit', entityId: unit.id, after: { year, lines } });
}
