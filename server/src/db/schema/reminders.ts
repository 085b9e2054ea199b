import { sql } from 'drizzle-orm';
import { check, integer, pgTable, timestamp } from 'drizzle-orm/pg-core';
import { activities } from './checkin';
import { members } from './organisation';

/**
 * One-time WeChat subscription messages a member allowed for "your activity's check-in is open,
 * you are not in yet": each allows one reminder (WeChat's rule), used up when one is sent.
 */
export const checkinReminderSubscriptions = pgTable(
  'checkin_reminder_subscriptions',
  {
    memberId: integer('member_id')
      .primaryKey()
      .references(() => members.id, { onDelete: 'cascade' }),
    remaining: integer('remaining').notNull().default(0),
  },
  (table) => [check('checkin_reminder_subscriptions_remaining_check', sql`${table.remaining} >= 0`)],
);

/**
 * The last time an organiser reminded an activity's absentees. One row per activity, moved by a
 * compare-and-set upsert (only when the last reminder is old enough), so two taps at once send once.
 */
export const activityReminders = pgTable('activity_reminders', {
  activityId: integer('activity_id')
    .primaryKey()
    .references(() => activities.id, { onDelete: 'cascade' }),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  sentBy: integer('sent_by').references(() => members.id, { onDelete: 'set null' }),
});
