import type { UnitChanges } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { units } from '../db/schema';
import { findGroup } from '../queries/groups';
import type { UnitRow } from '../queries/units';
import { audit } from './audit';
import type { CommandContext } from './context';

export async function updateUnit(ctx: CommandContext, { unit, changes }: { unit: UnitRow; changes: UnitChanges }): Promise<UnitRow> {
  if (changes.groupId !== undefined) await findGroup(ctx.tx, changes.groupId);
  const [after] = await ctx.tx.update(units).set(changes).where(eq(units.id, unit.id)).returning();
  await audit(ctx, { action: 'unit.update', entity: 'unit', entityId: unit.id, before: unit, after });
  return after!;
}
