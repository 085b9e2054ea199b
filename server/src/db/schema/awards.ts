import type { AwardFigures, AwardKind, AwardRules, AwardReviewStatus } from '@zhijian/shared';
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, serial, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { bulletinArticles } from './bulletins';
import { groups, members, units } from './organisation';

/**
 * 年度评优: one review per year. Opening it freezes every candidate's figures (`award_candidates`);
 * the rules stay editable while it is open and are applied to the frozen figures when shown.
 */
export const awardReviews = pgTable(
  'award_reviews',
  {
    id: serial('id').primaryKey(),
    year: integer('year').notNull().unique(),
    status: text('status').$type<AwardReviewStatus>().notNull().default('open'),
    rules: jsonb('rules').$type<AwardRules>().notNull(),
    openedBy: integer('opened_by').references(() => members.id, { onDelete: 'set null' }),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    publicityStartsAt: timestamp('publicity_starts_at', { withTimezone: true }),
    publicityEndsAt: timestamp('publicity_ends_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    bulletinArticleId: integer('bulletin_article_id').references(() => bulletinArticles.id, { onDelete: 'set null' }),
  },
  (table) => [
    check('award_reviews_status_check', sql`${table.status} in ('open', 'publicity', 'published')`),
    check('award_reviews_publicity_check', sql`${table.status} = 'open' or ${table.publicityEndsAt} is not null`),
  ],
);

/**
 * A candidate of an award with the figures frozen at opening (name, unit and 片组 too), and the two
 * steps taken on it: the 片组's recommendation and the committee's decision.
 */
export const awardCandidates = pgTable(
  'award_candidates',
  {
    id: serial('id').primaryKey(),
    reviewId: integer('review_id')
      .notNull()
      .references(() => awardReviews.id, { onDelete: 'cascade' }),
    award: text('award').$type<AwardKind>().notNull(),
    /** The member (优秀会员, 优秀信息员); null for a unit (先进集体). */
    memberId: integer('member_id').references(() => members.id, { onDelete: 'set null' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    unitName: text('unit_name').notNull(),
    groupName: text('group_name').notNull(),
    figures: jsonb('figures').$type<AwardFigures>().notNull(),
    recommendedBy: integer('recommended_by').references(() => members.id, { onDelete: 'set null' }),
    recommendedAt: timestamp('recommended_at', { withTimezone: true }),
    recommendationNote: text('recommendation_note'),
    selected: boolean('selected'),
    decisionNote: text('decision_note'),
    decidedBy: integer('decided_by').references(() => members.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (table) => [
    check('award_candidates_award_check', sql`${table.award} in ('unit', 'member', 'info_officer')`),
    check('award_candidates_decision_check', sql`(${table.selected} is null) = (${table.decidedAt} is null)`),
    uniqueIndex('award_candidates_member_unique')
      .on(table.reviewId, table.award, table.memberId)
      .where(sql`${table.memberId} is not null`),
    uniqueIndex('award_candidates_unit_unique')
      .on(table.reviewId, table.unitId)
      .where(sql`${table.award} = 'unit'`),
    index('award_candidates_review_award_idx').on(table.reviewId, table.award, table.groupId),
  ],
);

/** An objection to a winner during 公示, with the secretariat's answer. */
export const awardObjections = pgTable(
  'award_objections',
  {
    id: serial('id').primaryKey(),
    candidateId: integer('candidate_id')
      .notNull()
      .references(() => awardCandidates.id, { onDelete: 'cascade' }),
    objectorId: integer('objector_id').references(() => members.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    answer: text('answer'),
    answeredBy: integer('answered_by').references(() => members.id, { onDelete: 'set null' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (table) => [
    check('award_objections_answer_check', sql`(${table.answer} is null) = (${table.answeredAt} is null)`),
    index('award_objections_candidate_idx').on(table.candidateId),
  ],
);

/**
 * 荣誉: what the 党员卡 lists (a member's) and the unit's record (the unit's own, `member_id` null).
 * Written by publishing a review; other sources may add rows later.
 */
export const honours = pgTable(
  'honours',
  {
    id: serial('id').primaryKey(),
    year: integer('year').notNull(),
    award: text('award').$type<AwardKind>().notNull(),
    title: text('title').notNull(),
    memberId: integer('member_id').references(() => members.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    candidateId: integer('candidate_id').references(() => awardCandidates.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    unique('honours_candidate_unique').on(table.candidateId),
    index('honours_member_idx').on(table.memberId, table.year),
    index('honours_unit_idx').on(table.unitId, table.year),
  ],
);
