import type { LetterKind, LetterRating, LetterRecipient, LetterStatus } from '@zhijian/shared';
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { members, units } from './organisation';

/**
 * 书记直通车: a member's letter to the unit's party secretaries or to the secretariat. The writer is
 * always stored (for follow-up); `anonymous` hides them from every reader.
 */
export const letters = pgTable(
  'letters',
  {
    id: serial('id').primaryKey(),
    writerId: integer('writer_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    /** The writer's unit when writing; null for a letter to the secretariat from someone without a unit. */
    unitId: integer('unit_id').references(() => units.id, { onDelete: 'cascade' }),
    recipient: text('recipient').$type<LetterRecipient>().notNull(),
    kind: text('kind').$type<LetterKind>().notNull(),
    body: text('body').notNull(),
    anonymous: boolean('anonymous').notNull(),
    status: text('status').$type<LetterStatus>().notNull(),
    /** The content check's label when it held the letter, for the reviewer. */
    heldLabel: text('held_label'),
    /** The Asia/Shanghai day it was written: the daily limit counts these. */
    writtenOn: date('written_on').notNull(),
    acceptDueOn: date('accept_due_on').notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    replyDueOn: date('reply_due_on'),
    extensionDays: integer('extension_days'),
    extensionReason: text('extension_reason'),
    rating: text('rating').$type<LetterRating>(),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    /** First seen overdue by the scheduled check (kept after a late reply: timeliness counts it). */
    overdueAt: timestamp('overdue_at', { withTimezone: true }),
    /** 党群聊吧: the writer's consent to show the replied letter on the unit's board, and whether with their name. */
    onBoard: boolean('on_board').notNull().default(false),
    boardShowsName: boolean('board_shows_name').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    check('letters_recipient_check', sql`${table.recipient} in ('secretary', 'secretariat')`),
    check('letters_kind_check', sql`${table.kind} in ('suggestion', 'problem', 'help', 'praise', 'other')`),
    check('letters_status_check', sql`${table.status} in ('held', 'rejected', 'pending', 'accepted', 'replied', 'reopened', 'rated')`),
    check('letters_rating_check', sql`${table.rating} is null or ${table.rating} in ('satisfied', 'fair', 'unsatisfied')`),
    check('letters_secretary_unit_check', sql`${table.recipient} = 'secretariat' or ${table.unitId} is not null`),
    check('letters_anonymous_board_check', sql`not (${table.anonymous} and ${table.boardShowsName})`),
    index('letters_writer_day_idx').on(table.writerId, table.writtenOn),
    index('letters_unit_recipient_idx').on(table.unitId, table.recipient, table.status),
    index('letters_recipient_status_idx').on(table.recipient, table.status),
  ],
);

/** A reply to a letter; a held one (content check) waits for the reviewer and is not shown to the writer. */
export const letterReplies = pgTable(
  'letter_replies',
  {
    id: serial('id').primaryKey(),
    letterId: integer('letter_id')
      .notNull()
      .references(() => letters.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').references(() => members.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    held: boolean('held').notNull().default(false),
    heldLabel: text('held_label'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('letter_replies_letter_idx').on(table.letterId)],
);

/** 我也关注: one per member and letter, held by the unique key. */
export const letterFollows = pgTable(
  'letter_follows',
  {
    letterId: integer('letter_id')
      .notNull()
      .references(() => letters.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [unique('letter_follows_unique').on(table.letterId, table.memberId)],
);

/**
 * Up to three photos a letter carries. Uploaded before the letter is sent (the form attaches them
 * as it is written), owned by the uploader; writing the letter claims them (`letter_id` set once,
 * only the uploader's own, not yet claimed).
 */
export const letterPhotos = pgTable(
  'letter_photos',
  {
    id: serial('id').primaryKey(),
    uploaderId: integer('uploader_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    letterId: integer('letter_id').references(() => letters.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull().unique(),
    mime: text('mime').notNull(),
    width: integer('width'),
    height: integer('height'),
    bytes: integer('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('letter_photos_letter_idx').on(table.letterId),
    index('letter_photos_uploader_idx').on(table.uploaderId, table.letterId),
  ],
);
