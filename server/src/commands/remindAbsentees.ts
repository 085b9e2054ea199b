import { checkinReminderSubscriptions, activityReminders, attendance, attendanceRequests, members } from '../db/schema';
import { formatShanghaiDateTime, REMINDER_INTERVAL_MINUTES, reminderRefusals, windowState, type ReminderResult } from '@zhijian/shared';
import { and, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import { refuse } from '../errors';
import { thing } from '../notify/notifier';
import { windowOf } from '../presenters/activities';
import type { ActivityRow } from '../queries/activities';
import { rosterOf } from '../queries/activityRosters';
import { audit } from './audit';
import type { CommandContext } from './context';

const INTERVAL_MS = REMINDER_INTERVAL_MINUTES * 60_000;

/**
 * 一键提醒: a subscription message to each expected member not yet in (no record, no approved
 * leave) who allowed one. At most once per activity in REMINDER_INTERVAL_MINUTES, held by the
 * database: the activity's reminder row moves only when the last one is old enough (one upsert,
 * so two organisers tapping at once send once). Each allowance is used up by its message.
 */
export async function remindAbsentees(ctx: CommandContext, { activity }: { activity: ActivityRow }): Promise<ReminderResult> {
  if (windowState(windowOf(activity), ctx.now) !== 'open' || !activity.checkinOpenedAt) {
    throw refuse(reminderRefusals.reminder_window_not_open);
  }
  const actorId = ctx.actor?.id ?? null;
  const cutoff = new Date(ctx.now.getTime() - INTERVAL_MS);
  const [moved] = await ctx.tx
    .insert(activityReminders)
    .values({ activityId: activity.id, sentAt: ctx.now, sentBy: actorId })
    .onConflictDoUpdate({
      target: activityReminders.activityId,
      set: { sentAt: ctx.now, sentBy: actorId },
      setWhere: lte(activityReminders.sentAt, cutoff),
    })
    .returning();
  if (!moved) {
    const [last] = await ctx.tx.select().from(activityReminders).where(eq(activityReminders.activityId, activity.id));
    const nextAt = new Date((last?.sentAt ?? ctx.now).getTime() + INTERVAL_MS).toISOString();
    throw refuse(reminderRefusals.reminder_too_soon, { nextAt });
  }

  const waiting = await waitingMembers(ctx, activity);
  const recipients = waiting.length
    ? await ctx.tx
        .update(checkinReminderSubscriptions)
        .set({ remaining: sql`${checkinReminderSubscriptions.remaining} - 1` })
        .from(members)
        .where(
          and(
            eq(members.id, checkinReminderSubscriptions.memberId),
            inArray(checkinReminderSubscriptions.memberId, waiting),
            gt(checkinReminderSubscriptions.remaining, 0),
            sql`${members.openid} is not null`,
          ),
        )
        .returning({ openid: members.openid })
    : [];
  await audit(ctx, {
    action: 'activity.remind',
    entity: 'activity',
    entityId: activity.id,
    after: { waiting: waiting.length, reminded: recipients.length },
  });

  if (recipients.length > 0) {
    const openids = recipients.map((recipient) => recipient.openid!);
    const notice = {
      template: 'checkin.reminder',
      page: `pages/checkin/index`,
      fields: {
        thing1: thing(`${activity.title}正在签到`),
        time2: formatShanghaiDateTime(activity.startsAt),
        thing3: thing(activity.placeName),
      },
    };
    ctx.afterCommit(() => ctx.services.notifier.notify(openids, notice));
  }
  return { waiting: waiting.length, reminded: recipients.length, nextAt: new Date(ctx.now.getTime() + INTERVAL_MS).toISOString() };
}

/** Expected members with no record and no approved leave. */
async function waitingMembers(ctx: CommandContext, activity: ActivityRow): Promise<number[]> {
  const roster = await rosterOf(ctx.tx, activity);
  if (roster.length === 0) return [];
  const ids = roster.map((member) => member.id);
  const inOrExcused = new Set<number>();
  const records = await ctx.tx
    .select({ memberId: attendance.memberId })
    .from(attendance)
    .where(and(eq(attendance.activityId, activity.id), inArray(attendance.memberId, ids)));
  const leaves = await ctx.tx
    .select({ memberId: attendanceRequests.memberId })
    .from(attendanceRequests)
    .where(
      and(eq(attendanceRequests.activityId, activity.id), eq(attendanceRequests.kind, 'leave'), eq(attendanceRequests.status, 'approved')),
    );
  for (const row of [...records, ...leaves]) inOrExcused.add(row.memberId);
  return ids.filter((id) => !inOrExcused.has(id));
}
