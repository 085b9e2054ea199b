import { eq } from 'drizzle-orm';
import { benefits } from '../db/schema';
import type { BenefitRow } from '../queries/benefits';
import { audit } from './audit';
import type { CommandContext } from './context';

/** A benefit is a standing offer, not a record of anyone's: removing it takes nothing from a member. */
export async function removeBenefit(ctx: CommandContext, { benefit }: { benefit: BenefitRow }): Promise<void> {
  await ctx.tx.delete(benefits).where(eq(benefits.id, benefit.id));
  await audit(ctx, { action: 'benefit.remove', entity: 'benefit', entityId: benefit.id, before: benefit });
}
