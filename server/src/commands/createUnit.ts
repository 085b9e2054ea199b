import type { UnitInput } from '@zhijian/shared';
import { generateInviteCode } from '../auth/inviteCode';
import { units } from '../db/schema';
import { findGroup } from '../queries/groups';
import type { UnitRow } from '../queries/units';
import { audit } from './audit';
import type { CommandContext } from './context';

/** A new member unit with a fresh invite code for its members to bind with. */
export async function createUnit(ctx: CommandContext, input: UnitInput): Promise<UnitRow> {
  await findGroup(ctx.tx, input.groupId);
  const [created] = await ctx.tx
    .insert(units)
    .values({ ...input, inviteCode: generateInviteCode() })
    .returning();
  await audit(ctx, { action: 'unit.create', entity: 'unit', entityId: created!.id, after: created });
  return created!;
}
