import { activityRefusals, checkinRefusals, parseDate, shanghaiInstant, type MoveInput } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { activities } from '../db/schema';
import { refuse } from '../errors';
import { findActivity, hasAttendance } from '../queries/activities';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * Moves one activity to another day or time, with the reason recorded. Only an activity not yet
 * held — not started, check-in never opened, nobody checked in — moves; its row is locked while
 * that is decided, so opening check-in at the same moment waits. Generation leaves a moved
 * occurrence alone from then on.
 */
export async function moveActivity(ctx: CommandContext, { activityId, move }: { activityId: number; move: MoveInput }): Promise<void> {
  const before = await findActivity(ctx.tx, activityId, { lock: true });
  const held =
    before.startsAt.getTime() <= ctx.now.getTime() || before.checkinOpenedAt !== null || (await hasAttendance(ctx.tx, before.id));
  if (held) throw refuse(checkinRefusals.activity_held);
  const startsAt = shanghaiInstant(parseDate(move.date)!, move.startTime);
  if (startsAt.getTime() <= ctx.now.getTime()) throw refuse(activityRefusals.moved_into_past, { startsAt: startsAt.toISOString() });
  const duration = before.endsAt.getTime() - before.startsAt.getTime();
  await ctx.tx
    .update(activities)
    .set({
      startsAt,
      endsAt: new Date(startsAt.getTime() + duration),
      // The first original time is kept when an occurrence moves twice.
      movedFrom: before.movedFrom ?? before.startsAt,
      moveReason: move.reason,
      updatedAt: ctx.now,
    })
    .where(eq(activities.id, before.id));
  await audit(ctx, {
    action: 'activity.move',
    entity: 'activity',
    entityId: before.id,
    before: { startsAt: before.startsAt },
    after: { startsAt, reason: move.reason },
  });
}
