import type { GenerationResult } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { syncRuleActivities } from '../activityGeneration/syncRuleActivities';
import { activityRules } from '../db/schema';
import { findRule } from '../queries/schedules';
import { audit } from './audit';
import type { CommandContext } from './context';

/** Deletes a rule with its untouched activities ahead; held, opened and moved ones stay, without a rule. */
export async function removeActivityRule(ctx: CommandContext, { ruleId }: { ruleId: number }): Promise<GenerationResult> {
  const before = await findRule(ctx.tx, ruleId, { lock: true });
  const generation = await syncRuleActivities(ctx.tx, before.id, null, ctx.now);
  await ctx.tx.delete(activityRules).where(eq(activityRules.id, before.id));
  await audit(ctx, { action: 'activity_rule.delete', entity: 'activity_rule', entityId: before.id, before, after: { generation } });
  return generation;
}
