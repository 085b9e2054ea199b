import { groupRefusals } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { groups } from '../db/schema';
import { refuse } from '../errors';
import { countUnitsInGroup, type GroupRow } from '../queries/groups';
import { audit } from './audit';
import type { CommandContext } from './context';

/** Only an empty group goes: its units would be left without one (the foreign key holds it too). */
export async function removeGroup(ctx: CommandContext, { group }: { group: GroupRow }): Promise<void> {
  const unitCount = await countUnitsInGroup(ctx.tx, group.id);
  if (unitCount > 0) throw refuse(groupRefusals.group_has_units, { unitCount });
  await ctx.tx.delete(groups).where(eq(groups.id, group.id));
  await audit(ctx, { action: 'group.delete', entity: 'group', entityId: group.id, before: group });
}
