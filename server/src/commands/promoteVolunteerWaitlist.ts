import { formatShanghaiDateTime } from '@zhijian/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { members, volunteerSignUps } from '../db/schema';
import { thing } from '../notify/notifier';
import type { VolunteerActivityRecord } from '../queries/volunteerActivities';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * Hands `count` freed places to the first on the waitlist, in the order they asked (id order),
 * and tells each one (`volunteer.promoted`). The caller holds the activity's row lock, so the
 * places counted free stay free until this transaction ends.
 */
export async function promoteVolunteerWaitlist(
  ctx: CommandContext,
  { activity, count }: { activity: VolunteerActivityRecord; count: number },
): Promise<number> {
  if (count <= 0) return 0;
  const next = await ctx.tx
    .select({ id: volunteerSignUps.id })
    .from(volunteerSignUps)
    .where(and(eq(volunteerSignUps.activityId, activity.id), eq(volunteerSignUps.status, 'waitlisted')))
    .orderBy(asc(volunteerSignUps.id))
    .limit(count);
  if (!next.length) return 0;
  const promoted = await ctx.tx
    .update(volunteerSignUps)
    .set({ status: 'confirmed', promotedAt: ctx.now })
    .where(
      inArray(
        volunteerSignUps.id,
        next.map((row) => row.id),
      ),
    )
    .returning();
  for (const signUp of promoted) {
    await audit(ctx, { action: 'volunteer.promote', entity: 'volunteer_sign_up', entityId: signUp.id, after: signUp });
  }
  const recipients = await ctx.tx
    .select({ openid: members.openid })
    .from(members)
    .where(
      inArray(
        members.id,
        promoted.map((signUp) => signUp.memberId),
      ),
    );
  const openids = recipients.flatMap((row) => (row.openid ? [row.openid] : []));
  if (openids.length) {
    ctx.afterCommit(() =>
      ctx.services.notifier.notify(openids, {
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
  return promoted.length;
}
