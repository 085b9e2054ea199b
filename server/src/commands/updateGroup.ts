import type { GroupChanges } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { groups } from '../db/schema';
import type { GroupRow } from '../queries/groups';
import { audit } from './audit';
import type { CommandContext } from './context';

export async function updateGroup(ctx: CommandContext, { group, changes }: { group: GroupRow; changes: GroupChanges }): Promise<GroupRow> {
  const [after] = await ctx.tx.update(groups).set(changes).where(eq(groups.id, group.id)).returning();
  await audit(ctx, { action: 'group.update', entity: 'group', entityId: group.id, before: group, after });
  return after!;
}
