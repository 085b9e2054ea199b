import { volunteerRefusals } from '@zhijian/shared';
import { and, count, eq, lt } from 'drizzle-orm';
import { volunteerSignUps } from '../db/schema';
import { notFound, refuse } from '../errors';
import {
  canSeeVolunteerActivity,
  findLiveSignUp,
  findVolunteerActivity,
  refuseIfCancelled,
  type PlacedSignUp,
} from '../queries/volunteerActivities';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * A member signs up: a place while places are left, else the end of the waitlist. The activity's
 * row is locked first, so sign-ups arriving together are counted one after another: never more
 * confirmed than places, and the queue in the order the lock was granted (ids are taken under it).
 */
export async function signUpVolunteer(
  ctx: CommandContext,
  { activityId, member }: { activityId: number; member: { id: number; unitId: number | null } },
): Promise<PlacedSignUp> {
  const activity = await findVolunteerActivity(ctx.tx, activityId, { lock: true });
  if (!canSeeVolunteerActivity(member, activity)) throw notFound('志愿活动');
  refuseIfCancelled(activity);
  if (ctx.now >= activity.signUpDeadline) {
    throw refuse(volunteerRefusals.sign_up_closed, { deadline: activity.signUpDeadline.toISOString() });
  }
  const existing = await findLiveSignUp(ctx.tx, activity.id, member.id);
  if (existing) throw refuse(volunteerRefusals.already_signed_up, { status: existing.status });
  const [taken] = await ctx.tx
    .select({ n: count() })
    .from(volunteerSignUps)
    .where(and(eq(volunteerSignUps.activityId, activity.id), eq(volunteerSignUps.status, 'confirmed')));
  const status = (taken?.n ?? 0) < activity.places ? 'confirmed' : 'waitlisted';
  const [signUp] = await ctx.tx
    .insert(volunteerSignUps)
    .values({ activityId: activity.id, memberId: member.id, status, createdAt: ctx.now })
    .returning();
  await audit(ctx, { action: `volunteer.sign_up`, entity: 'volunteer_sign_up', entityId: signUp!.id, after: signUp });
  let waitlistPosition: number | null = null;
  if (status === 'waitlisted') {
    const [ahead] = await ctx.tx
      .select({ n: count() })
      .from(volunteerSignUps)
      .where(
        and(eq(volunteerSignUps.activityId, activity.id), eq(volunteerSignUps.status, 'waitlisted'), lt(volunteerSignUps.id, signUp!.id)),
      );
    waitlistPosition = (ahead?.n ?? 0) + 1;
  }
  return { ...signUp!, waitlistPosition };
}
