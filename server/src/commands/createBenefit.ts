import type { BenefitInput } from '@zhijian/shared';
import { benefits } from '../db/schema';
import type { BenefitRow } from '../queries/benefits';
import { audit } from './audit';
import type { CommandContext } from './context';

/** The unit admin adds a benefit members unlock at a threshold (nothing is spent). */
export async function createBenefit(ctx: CommandContext, { unitId, input }: { unitId: number; input: BenefitInput }): Promise<BenefitRow> {
  const [row] = await ctx.tx
    .insert(benefits)
    .values({ unitId, ...input, createdBy: ctx.actor?.id ?? null, createdAt: ctx.now })
    .returning();
  await audit(ctx, { action: 'benefit.create', entity: 'benefit', entityId: row!.id, after: row });
  return row!;
}
