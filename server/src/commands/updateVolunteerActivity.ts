import {
  commonRefusals,
  formatShanghaiDateTime,
  volunteerRefusals,
  volunteerTimeProblems,
  type VolunteerActivityChanges,
} from '@zhijian/shared';
import { and, count, eq } from 'drizzle-orm';
import { volunteerActivities, volunteerSignUps } from '../db/schema';
import { refuse } from '../errors';
import { thing } from '../notify/notifier';
import {
  countAttended,
  findVolunteerActivity,
  liveSignUpOpenids,
  refuseIfCancelled,
  type VolunteerActivityRecord,
} from '../queries/volunteerActivities';
import { audit } from './audit';
import type { CommandContext } from './context';
import { promoteVolunteerWaitlist } from './promoteVolunteerWaitlist';

/**
 * Its organiser corrects an activity before it starts, under the row lock sign-ups queue on: the
 * times the edit leaves must still be in order (as when publishing) and stay once anyone has
 * attended, places never fewer than the members already holding one, and places added go to the
 * waitlist in order. A new time or place is told to everyone holding a place or waiting
 * (`volunteer.changed`).
 */
export async function updateVolunteerActivity(
  ctx: CommandContext,
  { activityId, changes }: { activityId: number; changes: VolunteerActivityChanges },
): Promise<VolunteerActivityRecord> {
  const before = await findVolunteerActivity(ctx.tx, activityId, { lock: true });
  refuseIfCancelled(before);
  if (ctx.now >= before.startsAt) throw refuse(volunteerRefusals.activity_started);
  const times = {
    startsAt: changes.startsAt ?? before.startsAt.toISOString(),
    endsAt: changes.endsAt ?? before.endsAt.toISOString(),
    signUpDeadline: changes.signUpDeadline ?? before.signUpDeadline.toISOString(),
  };
  const problems = volunteerTimeProblems(times);
  if (problems.length) {
    throw refuse(commonRefusals.invalid_fields, {
      issues: problems.map(({ path, label, message }) => ({ path: `body.${path}`, label, message })),
    });
  }
  if (new Date(times.startsAt) <= ctx.now) throw refuse(volunteerRefusals.starts_in_past);
  // Attendance opens an hour before the start; once someone is in, their service hours are counted
  // from these times, so the times stay (text and places may still be corrected).
  const retimed =
    new Date(times.startsAt).getTime() !== before.startsAt.getTime() || new Date(times.endsAt).getTime() !== before.endsAt.getTime();
  if (retimed) {
    const attended = await countAttended(ctx.tx, before.id);
    if (attended) throw refuse(volunteerRefusals.times_fixed_by_attendance, { attended });
  }
  const [taken] = await ctx.tx
    .select({ n: count() })
    .from(volunteerSignUps)
    .where(and(eq(volunteerSignUps.activityId, before.id), eq(volunteerSignUps.status, 'confirmed')));
  const confirmed = taken?.n ?? 0;
  const places = changes.places ?? before.places;
  if (places < confirmed) throw refuse(volunteerRefusals.places_below_confirmed, { confirmed });

  const [after] = await ctx.tx
    .update(volunteerActivities)
    .set({
      title: changes.title,
      description: changes.description,
      placeName: changes.placeName,
      startsAt: new Date(times.startsAt),
      endsAt: new Date(times.endsAt),
      signUpDeadline: new Date(times.signUpDeadline),
      places,
    })
    .where(eq(volunteerActivities.id, before.id))
    .returning();
  await audit(ctx, { action: 'volunteer_activity.update', entity: 'volunteer_activity', entityId: before.id, before, after });
  await promoteVolunteerWaitlist(ctx, { activity: after!, count: places - confirmed });

  const moved =
    after!.startsAt.getTime() !== before.startsAt.getTime() ||
    after!.endsAt.getTime() !== before.endsAt.getTime() ||
    after!.placeName !== before.placeName;
  if (moved) {
    const openids = await liveSignUpOpenids(ctx.tx, before.id);
    if (openids.length) {
      ctx.afterCommit(() =>
        ctx.services.notifier.notify(openids, {
          template: 'volunteer.changed',
          page: `/packages/aie/volunteer/detail/index?id=${before.id}`,
          fields: {
            thing1: thing(after!.title),
            time2: formatShanghaiDateTime(after!.startsAt),
            thing3: thing(after!.placeName),
            thing4: thing('活动时间或地点有调整，请留意'),
          },
        }),
      );
    }
  }
  return after!;
}
