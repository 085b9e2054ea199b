import { scheduleRefusals, type GenerationResult, type RuleUpdate } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { syncRuleActivities } from '../activityGeneration/syncRuleActivities';
import { activityRules } from '../db/schema';
import { refuse } from '../errors';
import { findRule, type RuleRow } from '../queries/schedules';
import { audit } from './audit';
import type { CommandContext } from './context';
import { assertActivityDay } from './createActivityRule';

/**
 * Replaces a rule's time, place and agenda (its scope stays) and brings its untouched activities
 * ahead in line; held, opened and moved ones keep what they were. The rule's row is locked, so
 * two edits — or an edit and the generation job — take turns.
 */
export async function updateActivityRule(
  ctx: CommandContext,
  { ruleId, input }: { ruleId: number; input: RuleUpdate },
): Promise<{ rule: RuleRow; generation: GenerationResult }> {
  const before = await findRule(ctx.tx, ruleId, { lock: true });
  const weekly = before.cadence === 'weekly';
  if (weekly && input.dayOfMonth != null) throw refuse(scheduleRefusals.cadence_mismatch, { cadence: 'weekly' });
  if (!weekly && input.weekday != null) throw refuse(scheduleRefusals.cadence_mismatch, { cadence: 'monthly' });
  if (!weekly && input.dayOfMonth != null) assertActivityDay(input.dayOfMonth);
  const [rule] = await ctx.tx
    .update(activityRules)
    .set({
      ...input,
      dayOfMonth: weekly ? null : (input.dayOfMonth ?? before.dayOfMonth),
      weekday: weekly ? (input.weekday ?? before.weekday) : null,
      updatedAt: ctx.now,
    })
    .where(eq(activityRules.id, before.id))
    .returning();
  const generation = await syncRuleActivities(ctx.tx, rule!.id, rule!, ctx.now);
  await audit(ctx, { action: 'activity_rule.update', entity: 'activity_rule', entityId: rule!.id, before, after: { rule, generation } });
  return { rule: rule!, generation };
}
