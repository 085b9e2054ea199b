import type { ActivityChanges } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { activities } from '../db/schema';
import type { ActivityRow } from '../queries/activities';
import { audit } from './audit';
import type { CommandContext } from './context';

/** Changes an activity's name, place, agenda, materials or summary; only the fields given. */
export async function updateActivity(
  ctx: CommandContext,
  { activity, changes }: { activity: ActivityRow; changes: ActivityChanges },
): Promise<void> {
  await ctx.tx
    .update(activities)
    .set({ ...changes, updatedAt: ctx.now })
    .where(eq(activities.id, activity.id));
  const fields = Object.keys(changes) as Array<keyof ActivityChanges>;
  await audit(ctx, {
    action: 'activity.update',
    entity: 'activity',
    entityId: activity.id,
    before: Object.fromEntries(fields.map((field) => [field, activity[field]])),
    after: changes,
  });
}
