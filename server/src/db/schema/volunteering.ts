import type { AttendanceMethod, ModerationState, SignUpStatus } from '@zhijian/shared';
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { members, units } from './organisation';

/**
 * 爱E客栈 volunteer activities: published by a unit admin for the unit (`unit_id` set) or by the
 * secretariat for the whole association (`unit_id` null).
 */
export const volunteerActivities = pgTable(
  'volunteer_activities',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id').references(() => units.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull(),
    placeName: text('place_name').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    signUpDeadline: timestamp('sign_up_deadline', { withTimezone: true }).notNull(),
    places: integer('places').notNull(),
    createdBy: integer('created_by').references(() => members.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Called off (已取消) by its organiser before the start; the record and its sign-ups stay. */
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    cancelledBy: integer('cancelled_by').references(() => members.id, { onDelete: 'set null' }),
  },
  (table) => [
    check('volunteer_activities_places_check', sql`${table.places} > 0`),
    check('volunteer_activities_times_check', sql`${table.endsAt} > ${table.startsAt} and ${table.signUpDeadline} <= ${table.startsAt}`),
    check('volunteer_activities_cancel_reason_check', sql`(${table.cancelledAt} is null) = (${table.cancelReason} is null)`),
    index('volunteer_activities_unit_starts_idx').on(table.unitId, table.startsAt),
  ],
);

/**
 * A member's sign-up. Places are handed out under the activity's row lock, so `confirmed` rows
 * never outnumber the places; the waitlist is served in id order (ids are taken under that lock).
 * One live sign-up per member and activity, held by a partial unique index; a cancelled one stays
 * as history and the member may sign up again.
 */
export const volunteerSignUps = pgTable(
  'volunteer_sign_ups',
  {
    id: serial('id').primaryKey(),
    activityId: integer('activity_id')
      .notNull()
      .references(() => volunteerActivities.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    status: text('status').$type<SignUpStatus>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    promotedAt: timestamp('promoted_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    attendedAt: timestamp('attended_at', { withTimezone: true }),
    method: text('method').$type<AttendanceMethod>(),
    /** 公益积分 the attendance wrote (after caps). */
    points: integer('points'),
  },
  (table) => [
    check('volunteer_sign_ups_status_check', sql`${table.status} in ('confirmed', 'waitlisted', 'cancelled')`),
    check('volunteer_sign_ups_method_check', sql`${table.method} is null or ${table.method} in ('card', 'code')`),
    check('volunteer_sign_ups_attended_check', sql`${table.attendedAt} is null or ${table.status} = 'confirmed'`),
    uniqueIndex('volunteer_sign_ups_live_unique')
      .on(table.activityId, table.memberId)
      .where(sql`${table.status} <> 'cancelled'`),
    index('volunteer_sign_ups_activity_status_idx').on(table.activityId, table.status, table.id),
    index('volunteer_sign_ups_member_idx').on(table.memberId),
  ],
);

/**
 * 传帮带 questions, within a unit. `moderation`: shown (`visible`), held by the content check for
 * the unit admin (`held`), or hidden by the unit admin with a reason the author sees (`hidden`).
 * `search_text` and `bigrams` are the 简报 search's derived columns (normalised title, body and tags).
 */
export const questions = pgTable(
  'questions',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    askerId: integer('asker_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    moderation: text('moderation').$type<ModerationState>().notNull(),
    /** Why the content check held it (WeChat's label), for the reviewer. */
    heldLabel: text('held_label'),
    hiddenReason: text('hidden_reason'),
    moderatedBy: integer('moderated_by').references(() => members.id, { onDelete: 'set null' }),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    /** The answer the asker marked as the solution; set once. */
    solvedAnswerId: integer('solved_answer_id'),
    solvedAt: timestamp('solved_at', { withTimezone: true }),
    searchText: text('search_text').notNull(),
    bigrams: text('bigrams').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    check('questions_moderation_check', sql`${table.moderation} in ('visible', 'held', 'hidden')`),
    check('questions_hidden_reason_check', sql`(${table.moderation} = 'hidden') = (${table.hiddenReason} is not null)`),
    index('questions_unit_created_idx').on(table.unitId, table.createdAt),
    index('questions_bigrams_idx').using('gin', table.bigrams),
  ],
);

export const questionAnswers = pgTable(
  'question_answers',
  {
    id: serial('id').primaryKey(),
    questionId: integer('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    moderation: text('moderation').$type<ModerationState>().notNull(),
    heldLabel: text('held_label'),
    hiddenReason: text('hidden_reason'),
    moderatedBy: integer('moderated_by').references(() => members.id, { onDelete: 'set null' }),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    /** 积分 the solution mark wrote to the author (after the monthly and yearly caps). */
    points: integer('points'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    check('question_answers_moderation_check', sql`${table.moderation} in ('visible', 'held', 'hidden')`),
    check('question_answers_hidden_reason_check', sql`(${table.moderation} = 'hidden') = (${table.hiddenReason} is not null)`),
    index('question_answers_question_idx').on(table.questionId, table.createdAt),
  ],
);
