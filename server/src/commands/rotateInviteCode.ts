import { eq } from 'drizzle-orm';
import { generateInviteCode } from '../auth/inviteCode';
import { units } from '../db/schema';
import type { UnitRow } from '../queries/units';
import { audit } from './audit';
import type { CommandContext } from './context';

/** A new invite code for the unit; the old one stops binding at once. */
export async function rotateInviteCode(ctx: CommandContext, { unit }: { unit: UnitRow }): Promise<void> {
  const inviteCode = generateInviteCode();
  await ctx.tx.update(units).set({ inviteCode }).where(eq(units.id, unit.id));
  await audit(ctx, {
    action: 'unit.rotate_invite_code',
    entity: 'unit',
    entityId: unit.id,
    before: { inviteCode: unit.inviteCode },
    after: { inviteCode },
  });
}
