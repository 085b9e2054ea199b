import type { VideoKind, VideoStatus } from '@zhijian/shared';
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  real,
  serial,
  text,
  timestamp,
  uniqueIndex,
  bigint,
} from 'drizzle-orm/pg-core';
import { bulletinIssues } from './bulletins';
import { members, units } from './organisation';

/**
 * 网络击鼓传花: a round the secretariat opens (a week by default, one 片组 featured per day), one
 * showcase video per unit, members' likes and comments.
 */
export const videoRounds = pgTable('video_rounds', {
  id: serial('id').primaryKey(),
  title: text('title').notNull(),
  theme: text('theme').notNull(),
  startsOn: date('starts_on').notNull(),
  days: integer('days').notNull(),
  /** The 片组 featured day by day, taken in turn. */
  featuredGroupIds: integer('featured_group_ids').array().notNull(),
  /** The jury's share of the result in percent; likes get the rest. */
  juryWeight: integer('jury_weight').notNull(),
  placedIssueId: integer('placed_issue_id').references(() => bulletinIssues.id, { onDelete: 'set null' }),
  createdBy: integer('created_by').references(() => members.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** One per unit per round: a re-upload after 退回 replaces the file in the same row. */
export const videos = pgTable(
  'videos',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => videoRounds.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    kind: text('kind').$type<VideoKind>().notNull(),
    storageKey: text('storage_key'),
    posterKey: text('poster_key'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    durationSeconds: doublePrecision('duration_seconds'),
    width: integer('width'),
    height: integer('height'),
    videoCodec: text('video_codec'),
    audioCodec: text('audio_codec'),
    finderUserName: text('finder_user_name'),
    feedId: text('feed_id'),
    status: text('status').$type<VideoStatus>().notNull(),
    returnReason: text('return_reason'),
    juryScore: real('jury_score'),
    uploadedBy: integer('uploaded_by').references(() => members.id, { onDelete: 'set null' }),
    reviewedBy: integer('reviewed_by').references(() => members.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    check('videos_kind_check', sql`${table.kind} in ('upload', 'channel')`),
    check('videos_status_check', sql`${table.status} in ('pending', 'approved', 'returned')`),
    check('videos_jury_score_check', sql`${table.juryScore} is null or (${table.juryScore} >= 0 and ${table.juryScore} <= 100)`),
    uniqueIndex('videos_round_unit_idx').on(table.roundId, table.unitId),
  ],
);

/** One like per member per video per Shanghai day (the unique index holds it); ten a day, counted under the member's row lock. */
export const videoLikes = pgTable(
  'video_likes',
  {
    id: serial('id').primaryKey(),
    videoId: integer('video_id')
      .notNull()
      .references(() => videos.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    likedOn: date('liked_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('video_likes_once_a_day_idx').on(table.videoId, table.memberId, table.likedOn),
    index('video_likes_member_day_idx').on(table.memberId, table.likedOn),
    index('video_likes_video_time_idx').on(table.videoId, table.createdAt),
  ],
);

export const videoComments = pgTable(
  'video_comments',
  {
    id: serial('id').primaryKey(),
    videoId: integer('video_id')
      .notNull()
      .references(() => videos.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    status: text('status').$type<'shown' | 'held' | 'hidden'>().notNull(),
    heldLabel: text('held_label'),
    hiddenReason: text('hidden_reason'),
    hiddenBy: integer('hidden_by').references(() => members.id, { onDelete: 'set null' }),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    check('video_comments_status_check', sql`${table.status} in ('shown', 'held', 'hidden')`),
    index('video_comments_video_idx').on(table.videoId, table.createdAt),
  ],
);
