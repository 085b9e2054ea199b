import { volunteerRefusals, type VolunteerActivityInput } from '@zhijian/shared';
import { volunteerActivities } from '../db/schema';
import { refuse } from '../errors';
import type { VolunteerActivityRecord } from '../queries/volunteerActivities';
import { audit } from './audit';
import type { CommandContext } from './context';

/** Publishes a volunteer activity: for a unit (`unitId`), or for the whole association (null). */
export async function createVolunteerActivity(
  ctx: CommandContext,
  { input, unitId }: { input: VolunteerActivityInput; unitId: number | null },
): Promise<VolunteerActivityRecord> {
  const startsAt = new Date(input.startsAt);
  if (startsAt <= ctx.now) throw refuse(volunteerRefusals.starts_in_past);
  const [activity] = await ctx.tx
    .insert(volunteerActivities)
    .values({
      unitId,
      title: input.title,
      description: input.description,
      placeName: input.placeName,
      startsAt,
      endsAt: new Date(input.endsAt),
      signUpDeadline: new Date(input.signUpDeadline),
      places: input.places,
      createdBy: ctx.actor?.id ?? null,
      createdAt: ctx.now,
    })
    .returning();
  await audit(ctx, { action: 'volunteer_activity.create', entity: 'volunteer_activity', entityId: activity!.id, after: activity });
  return activity!;
}
