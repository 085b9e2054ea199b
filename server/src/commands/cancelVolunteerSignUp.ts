import { volunteerRefusals } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { volunteerSignUps } from '../db/schema';
import { refuse } from '../errors';
import { findLiveSignUp, findVolunteerActivity, refuseIfCancelled, type PlacedSignUp } from '../queries/volunteerActivities';
import { audit } from './audit';
import type { CommandContext } from './context';
import { promoteVolunteerWaitlist } from './promoteVolunteerWaitlist';

/**
 * A member gives up their sign-up before the activity starts. A place given up goes to the first
 * on the waitlist, who is told. Under the activity's row lock, like sign-ups, so a place freed
 * while others sign up is handed out once.
 */
export async function cancelVolunteerSignUp(
  ctx: CommandContext,
  { activityId, memberId }: { activityId: number; memberId: number },
): Promise<PlacedSignUp> {
  const activity = await findVolunteerActivity(ctx.tx, activityId, { lock: true });
  refuseIfCancelled(activity);
  const signUp = await findLiveSignUp(ctx.tx, activity.id, memberId);
  if (!signUp) throw refuse(volunteerRefusals.not_signed_up);
  if (signUp.attendedAt) throw refuse(volunteerRefusals.already_attended);
  if (ctx.now >= activity.startsAt) throw refuse(volunteerRefusals.cancel_too_late);
  const [cancelled] = await ctx.tx
    .update(volunteerSignUps)
    .set({ status: 'cancelled', cancelledAt: ctx.now })
    .where(eq(volunteerSignUps.id, signUp.id))
    .returning();
  await audit(ctx, { action: 'volunteer.cancel', entity: 'volunteer_sign_up', entityId: signUp.id, before: signUp, after: cancelled });

  if (signUp.status === 'confirmed') await promoteVolunteerWaitlist(ctx, { activity, count: 1 });
  return { ...cancelled!, waitlistPosition: null };
}
