import type { BenefitChanges } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { benefits } from '../db/schema';
import type { BenefitRow } from '../queries/benefits';
import { audit } from './audit';
import type { CommandContext } from './context';

export async function updateBenefit(
  ctx: CommandContext,
  { benefit, changes }: { benefit: BenefitRow; changes: BenefitChanges },
): Promise<BenefitRow> {
  const [after] = await ctx.tx.update(benefits).set(changes).where(eq(benefits.id, benefit.id)).returning();
  await audit(ctx, { action: 'benefit.update', entity: 'benefit', entityId: benefit.id, before: benefit, after });
  return after!;
}
