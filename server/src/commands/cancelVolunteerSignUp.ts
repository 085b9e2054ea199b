import { formatShanghaiDateTime, volunteerRefusals } from '@zhijian/shared';
import { and, asc, eq } from 'drizzle-orm';
import { members, volunteerSignUps } from '../db/schema';
import { refuse } from '../errors';
import { thing } from '../notify/notifier';
import { findLiveSignUp, findVolunteerActivity, type PlacedSignUp } from '../queries/volunteerActivities';
import { audit } from './audit';
import type { CommandContext } from './context';

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

  if (signUp.status === 'confirmed') {
    const [next] = await ctx.tx
      .select({ id: volunteerSignUps.id })
      .from(volunteerSignUps)
      .where(and(eq(volunteerSignUps.activityId, activity.id), eq(volunteerSignUps.status, 'waitlisted')))
      .orderBy(asc(volunteerSignUps.id))
      .limit(1);
    if (next) {
      const [promoted] = await ctx.tx
        .update(volunteerSignUps)
        .set({ status: 'confirmed', promotedAt: ctx.now })
        .where(eq(volunteerSignUps.id, next.id))
        .returning();
      await audit(ctx, { action: 'volunteer.promote', entity: 'volunteer_sign_up', entityId: next.id, after: promoted });
      const [member] = await ctx.tx.select({ openid: members.openid }).from(members).where(eq(members.id, promoted!.memberId));
      const openid = member?.openid;
      if (openid) {
        ctx.afterCommit(() =>
          ctx.services.notifier.notify([openid], {
            template: 'volunteer.promoted',
            page: `/packages/aie/volunteer/detail/index?id=${activity.id}`,
            fields: {
              thing1: thing(activity.title),
              time2: formatShanghaiDateTime(activity.startsAt),
              thing3: thing('候补成功，已获得名额'),
            },
          }),
        );
      }
    }
  }
  return { ...cancelled!, waitlistPosition: null };
}
