import type { GroupInput } from '@zhijian/shared';
import { groups } from '../db/schema';
import type { GroupRow } from '../queries/groups';
import { audit } from './audit';
import type { CommandContext } from './context';

export async function createGroup(ctx: CommandContext, input: GroupInput): Promise<GroupRow> {
  const [created] = await ctx.tx.insert(groups).values(input).returning();
  await audit(ctx, { action: 'group.create', entity: 'group', entityId: created!.id, after: created });
  return created!;
}
