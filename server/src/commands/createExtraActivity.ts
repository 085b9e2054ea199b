import { parseDate, shanghaiInstant, type ExtraActivityInput } from '@zhijian/shared';
import { activities } from '../db/schema';
import { assertScopeInUnit } from '../queries/schedules';
import { audit } from './audit';
import type { CommandContext } from './context';

/** An activity added by hand on any day (no rule), for the unit, one of its branches or one of its host sites. */
export async function createExtraActivity(
  ctx: CommandContext,
  { unitId, input }: { unitId: number; input: ExtraActivityInput },
): Promise<{ id: number }> {
  const branchId = input.branchId ?? null;
  const hostSiteId = input.hostSiteId ?? null;
  await assertScopeInUnit(ctx.tx, unitId, branchId, hostSiteId);
  const startsAt = shanghaiInstant(parseDate(input.date)!, input.startTime);
  const { date: _date, startTime: _time, durationMinutes, ...fields } = input;
  const [created] = await ctx.tx
    .insert(activities)
    .values({
      ...fields,
      unitId,
      branchId,
      hostSiteId,
      origin: 'extra',
      startsAt,
      endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  await audit(ctx, { action: 'activity.create', entity: 'activity', entityId: created!.id, after: created });
  return created!;
}
