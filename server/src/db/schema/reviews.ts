import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { bulletinArticles, bulletinIssues } from './bulletins';
import { members } from './organisation';
import { entries } from './submissions';

/**
 * A reviewer asked to review an entry. One row per reviewer and entry (a declined reviewer is not
 * asked again); an assignment against the conflict-of-interest rule carries its recorded reason.
 */
export const reviewAssignments = pgTable(
  'review_assignments',
  {
    id: serial('id').primaryKey(),
    entryId: integer('entry_id')
      .notNull()
      .references(() => entries.id, { onDelete: 'cascade' }),
    reviewerId: integer('reviewer_id')
      .notNull()
      .references(() => members.id, { onDelete: 'restrict' }),
    status: text('status').$type<'active' | 'declined'>().notNull().default('active'),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    declineReason: text('decline_reason'),
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    conflictOverrideReason: text('conflict_override_reason'),
    assignedBy: integer('assigned_by').references(() => members.id, { onDelete: 'set null' }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    check('review_assignments_status_check', sql`${table.status} in ('active', 'declined')`),
    check('review_assignments_declined_check', sql`${table.status} = 'active' or ${table.declineReason} is not null`),
    unique('review_assignments_entry_reviewer_unique').on(table.entryId, table.reviewerId),
    index('review_assignments_reviewer_idx').on(table.reviewerId, table.status),
  ],
);

/** A reviewer's scores (per criterion key) and 评审意见; final once submitted unless reopened. */
export const reviews = pgTable(
  'reviews',
  {
    id: serial('id').primaryKey(),
    assignmentId: integer('assignment_id')
      .notNull()
      .unique()
      .references(() => reviewAssignments.id, { onDelete: 'cascade' }),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    opinion: text('opinion').notNull().default(''),
    status: text('status').$type<'draft' | 'submitted'>().notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    reopenReason: text('reopen_reason'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    check('reviews_status_check', sql`${table.status} in ('draft', 'submitted')`),
    check('reviews_submitted_check', sql`${table.status} = 'draft' or ${table.submittedAt} is not null`),
  ],
);

/**
 * An entry placed into a 简报 issue as an article: a news item adopted (采用), or a published
 * excellent case. The adoption counts feed the 优秀信息员 award.
 */
export const bulletinPlacements = pgTable(
  'bulletin_placements',
  {
    id: serial('id').primaryKey(),
    entryId: integer('entry_id')
      .notNull()
      .references(() => entries.id, { onDelete: 'cascade' }),
    issueId: integer('issue_id')
      .notNull()
      .references(() => bulletinIssues.id, { onDelete: 'cascade' }),
    articleId: integer('article_id').references(() => bulletinArticles.id, { onDelete: 'set null' }),
    kind: text('kind').$type<'adopted' | 'case'>().notNull(),
    placedBy: integer('placed_by').references(() => members.id, { onDelete: 'set null' }),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    check('bulletin_placements_kind_check', sql`${table.kind} in ('adopted', 'case')`),
    unique('bulletin_placements_entry_issue_unique').on(table.entryId, table.issueId),
    index('bulletin_placements_placed_idx').on(table.kind, table.placedAt),
  ],
);
