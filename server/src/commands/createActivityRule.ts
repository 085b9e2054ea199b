import {
  ACTIVITY_DAYS,
  activityDayProblem,
  DEFAULT_MOBILE_WEEKDAY,
  scheduleRefusals,
  type GenerationResult,
  type RuleInput,
} from '@zhijian/shared';
import { syncRuleActivities } from '../activityGeneration/syncRuleActivities';
import { activityRules } from '../db/schema';
import { refuse } from '../errors';
import { assertScopeInUnit, findRuleInScope, type RuleRow } from '../queries/schedules';
import { audit } from './audit';
import type { CommandContext } from './context';

/** A monthly rule names the 5th, 15th or 25th — nothing else. */
export function assertActivityDay(dayOfMonth: number): void {
  if (activityDayProblem(dayOfMonth)) throw refuse(scheduleRefusals.day_not_allowed, { dayOfMonth, allowed: [...ACTIVITY_DAYS] });
}

/**
 * Sets the 三固定 of the unit, one of its branches or one of its host sites (one rule each: the
 * unique key holds it too) and generates its activities for the next three months.
 */
export async function createActivityRule(
  ctx: CommandContext,
  { unitId, input }: { unitId: number; input: RuleInput },
): Promise<{ rule: RuleRow; generation: GenerationResult }> {
  const branchId = input.branchId ?? null;
  const hostSiteId = input.hostSiteId ?? null;
  const weekly = hostSiteId !== null;
  if (!weekly) assertActivityDay(input.dayOfMonth!);
  await assertScopeInUnit(ctx.tx, unitId, branchId, hostSiteId);
  const existing = await findRuleInScope(ctx.tx, { unitId, branchId, hostSiteId });
  if (existing) throw refuse(scheduleRefusals.rule_exists, { ruleId: existing.id });
  const [rule] = await ctx.tx
    .insert(activityRules)
    .values({
      ...input,
      unitId,
      branchId,
      hostSiteId,
      cadence: weekly ? 'weekly' : 'monthly',
      dayOfMonth: weekly ? null : input.dayOfMonth!,
      weekday: weekly ? (input.weekday ?? DEFAULT_MOBILE_WEEKDAY) : null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  const generation = await syncRuleActivities(ctx.tx, rule!.id, rule!, ctx.now);
  await audit(ctx, { action: 'activity_rule.create', entity: 'activity_rule', entityId: rule!.id, after: { rule, generation } });
  return { rule: rule!, generation };
}
