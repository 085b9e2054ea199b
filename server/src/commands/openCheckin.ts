import { checkinRefusals, checkinWindow, formatShanghaiTime, windowState } from '@zhijian/shared';
import { and, eq, isNull } from 'drizzle-orm';
import { activities } from '../db/schema';
import { refuse } from '../errors';
import type { ActivityRow } from '../queries/activities';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * The organiser opens check-in, within the window: the first time is recorded (and audited);
 * showing the code again changes nothing. From then on generation and moves leave it alone.
 */
export async function openCheckin(ctx: CommandContext, { activity }: { activity: ActivityRow }): Promise<void> {
  const window = checkinWindow(activity.startsAt, activity);
  const state = windowState(window, ctx.now);
  if (state === 'not_open') {
    throw refuse(
      checkinRefusals.window_not_open,
      { opensAt: window.opensAt.toISOString() },
      `签到尚未开始，${formatShanghaiTime(window.opensAt)} 起可以开启签到`,
    );
  }
  if (state === 'closed') {
    throw refuse(
      checkinRefusals.window_closed,
      { closesAt: window.closesAt.toISOString() },
      `签到已于 ${formatShanghaiTime(window.closesAt)} 结束`,
    );
  }
  if (activity.checkinOpenedAt) return;
  const opened = await ctx.tx
    .update(activities)
    .set({ checkinOpenedAt: ctx.now })
    .where(and(eq(activities.id, activity.id), isNull(activities.checkinOpenedAt)))
    .returning({ id: activities.id });
  if (opened.length) await audit(ctx, { action: 'activity.open_checkin', entity: 'activity', entityId: activity.id });
}
