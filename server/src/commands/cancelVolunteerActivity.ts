import { formatShanghaiDateTime, volunteerRefusals } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { volunteerActivities } from '../db/schema';
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

/**
 * Its organiser calls an activity off before it starts, with a reason members read (已取消). The
 * record and its sign-ups stay as they were; from now on nothing happens to it (no sign-up, no
 * attendance, no points). Everyone holding a place or waiting is told (`volunteer.cancelled`).
 * Refused once anyone's attendance is recorded (it opens an hour before the start).
 */
export async function cancelVolunteerActivity(
  ctx: CommandContext,
  { activityId, reason }: { activityId: number; reason: string },
): Promise<VolunteerActivityRecord> {
  const before = await findVolunteerActivity(ctx.tx, activityId, { lock: true });
  refuseIfCancelled(before);
  if (ctx.now >= before.startsAt) throw refuse(volunteerRefusals.activity_started);
  const attended = await countAttended(ctx.tx, before.id);
  if (attended) throw refuse(volunteerRefusals.attendance_taken, { attended });

  const [after] = await ctx.tx
    .update(volunteerActivities)
    .set({ cancelledAt: ctx.now, cancelReason: reason, cancelledBy: ctx.actor?.id ?? null })
    .where(eq(volunteerActivities.id, before.id))
    .returning();
  await audit(ctx, { action: 'volunteer_activity.cancel', entity: 'volunteer_activity', entityId: before.id, before, after });
  const openids = await liveSignUpOpenids(ctx.tx, before.id);
  if (openids.length) {
    ctx.afterCommit(() =>
      ctx.services.notifier.notify(openids, {
        template: 'volunteer.cancelled',
        page: `/packages/aie/volunteer/detail/index?id=${before.id}`,
        fields: {
          thing1: thing(before.title),
          time2: formatShanghaiDateTime(before.startsAt),
          thing3: thing(`活动已取消：${reason}`),
        },
      }),
    );
  }
  return after!;
}
