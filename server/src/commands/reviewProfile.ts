import { profileRefusals } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { profiles } from '../db/schema';
import { refuse } from '../errors';
import { audit } from './audit';
import type { CommandContext } from './context';

/** The unit admin lets a held profile show, or clears its text (the member may write it again). */
export async function reviewProfile(ctx: CommandContext, { memberId, approve }: { memberId: number; approve: boolean }): Promise<void> {
  const [before] = await ctx.tx.select().from(profiles).where(eq(profiles.memberId, memberId)).for('update');
  if (!before?.heldReason) throw refuse(profileRefusals.nothing_to_review);
  const [after] = await ctx.tx
    .update(profiles)
    .set(approve ? { heldReason: null } : { heldReason: null, skills: [], promises: '' })
    .where(eq(profiles.memberId, memberId))
    .returning();
  await audit(ctx, { action: approve ? 'profile.approve' : 'profile.refuse', entity: 'profile', entityId: memberId, before, after });
}
