import type { CommitmentStatus, WishScope, WishStatus } from '@zhijian/shared';
import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { members, units } from './organisation';

/**
 * 爱E客栈: 微心愿 and their claims, and 亮身份明承诺 profiles and commitments.
 */

/** A small wish of a member in need, published by an admin or asked by the member and reviewed. */
export const wishes = pgTable(
  'wishes',
  {
    id: serial('id').primaryKey(),
    scope: text('scope').$type<WishScope>().notNull(),
    wisherId: integer('wisher_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    /** The wisher's unit when the wish was made: whose admin manages a unit-only wish, whose members may claim it. */
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    reason: text('reason').notNull(),
    estimatedValue: integer('estimated_value').notNull(),
    deadline: date('deadline').notNull(),
    status: text('status').$type<WishStatus>().notNull(),
    /** Why it waits for review: the content check's label, or that a member asked for it. */
    heldReason: text('held_reason'),
    takedownReason: text('takedown_reason'),
    thankYou: text('thank_you'),
    thankYouHeld: boolean('thank_you_held').notNull().default(false),
    /** Set when a claim was released or revoked: the wish is listed first, most recently returned first. */
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    createdBy: integer('created_by').references(() => members.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (table) => [
    check('wishes_scope_check', sql`${table.scope} in ('unit', 'association')`),
    check(
      'wishes_status_check',
      sql`${table.status} in ('pending_review', 'open', 'claimed', 'contacted', 'realised', 'completed', 'withdrawn')`,
    ),
    check('wishes_value_check', sql`${table.estimatedValue} >= 0`),
    index('wishes_unit_status_idx').on(table.unitId, table.status),
    index('wishes_scope_status_idx').on(table.scope, table.status),
  ],
);

/**
 * A member's claim of a wish. `active` while they work on it, `completed` when the wish is; a
 * released (7 days without contact), revoked (by an admin), given-up or taken-down claim ends.
 * One live claim per wish: the partial unique index holds it whatever the commands do.
 */
export const wishClaims = pgTable(
  'wish_claims',
  {
    id: serial('id').primaryKey(),
    wishId: integer('wish_id')
      .notNull()
      .references(() => wishes.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    status: text('status').$type<'active' | 'completed' | 'released' | 'revoked' | 'given_up' | 'withdrawn'>().notNull().default('active'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull(),
    contactedAt: timestamp('contacted_at', { withTimezone: true }),
    realisedAt: timestamp('realised_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
  },
  (table) => [
    check('wish_claims_status_check', sql`${table.status} in ('active', 'completed', 'released', 'revoked', 'given_up', 'withdrawn')`),
    uniqueIndex('wish_claims_live_unique')
      .on(table.wishId)
      .where(sql`${table.status} in ('active', 'completed')`),
    index('wish_claims_member_idx').on(table.memberId, table.status),
  ],
);

export const wishPhotos = pgTable(
  'wish_photos',
  {
    id: serial('id').primaryKey(),
    claimId: integer('claim_id')
      .notNull()
      .references(() => wishClaims.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull().unique(),
    mime: text('mime').notNull(),
    width: integer('width'),
    height: integer('height'),
    bytes: integer('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('wish_photos_claim_idx').on(table.claimId)],
);

/** A wish's timeline: who took which step, when. */
export const wishEvents = pgTable(
  'wish_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    wishId: integer('wish_id')
      .notNull()
      .references(() => wishes.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    actorId: integer('actor_id').references(() => members.id, { onDelete: 'set null' }),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (table) => [index('wish_events_wish_idx').on(table.wishId, table.at)],
);

/** 亮身份: a member's profile in the unit; `public` opens it to the whole association. Never a phone number. */
export const profiles = pgTable('profiles', {
  memberId: integer('member_id')
    .primaryKey()
    .references(() => members.id, { onDelete: 'cascade' }),
  skills: text('skills').array().$type<string[]>().notNull(),
  promises: text('promises').notNull(),
  public: boolean('public').notNull().default(false),
  /** Held by the content check: shown to the member and the unit admin only, until reviewed. */
  heldReason: text('held_reason'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** 明承诺: at most three a year, kept (confirmed by the unit admin) or not. */
export const commitments = pgTable(
  'commitments',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status').$type<CommitmentStatus>().notNull().default('in_progress'),
    heldReason: text('held_reason'),
    reportNote: text('report_note'),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    decidedBy: integer('decided_by').references(() => members.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    check('commitments_status_check', sql`${table.status} in ('in_progress', 'reported', 'kept', 'not_kept')`),
    index('commitments_member_year_idx').on(table.memberId, table.year),
    index('commitments_unit_status_idx').on(table.unitId, table.status),
  ],
);

export const commitmentPhotos = pgTable(
  'commitment_photos',
  {
    id: serial('id').primaryKey(),
    commitmentId: integer('commitment_id')
      .notNull()
      .references(() => commitments.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull().unique(),
    mime: text('mime').notNull(),
    width: integer('width'),
    height: integer('height'),
    bytes: integer('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('commitment_photos_commitment_idx').on(table.commitmentId)],
);
