import type { BranchInput } from '@zhijian/shared';
import { branches } from '../db/schema';
import type { UnitRow } from '../queries/units';
import { audit } from './audit';
import type { CommandContext } from './context';

export type BranchRow = typeof branches.$inferSelect;

/** A branch (党支部) of the unit; a name the unit already uses is refused by its unique key. */
export async function createBranch(ctx: CommandContext, { unit, input }: { unit: UnitRow; input: BranchInput }): Promise<BranchRow> {
  const [created] = await ctx.tx.insert(branches).values({ unitId: unit.id, name: input.name }).returning();
  await audit(ctx, { action: 'branch.create', entity: 'branch', entityId: created!.id, after: created });
  return created!;
}
